package kupon.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Race;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Many orders at the same instant against one limit: the limit holds exactly. */
@QuarkusTest
class OrderRacesTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String order(String orderId, String code, String customer) {
        return shop.checkout("""
                {"orderId": "%s",
                 "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]},
                 "customer": %s, "codes": %s}""".formatted(orderId, customer, code == null ? "[]" : "[\"" + code + "\"]"));
    }

    private String codePromotion(String limits) {
        return shop.promotion("""
                {"id": "%s", "name": "Ten off", "trigger": "CODE", "limits": %s,
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("race"), limits));
    }

    private static int uses(String code) {
        return Api.marketer().when().get("/api/v1/codes/" + code).then().statusCode(200).extract().path("uses");
    }

    @Test
    void aCodeWith25UsesHitBy100ConcurrentOrders() {
        String code = OrderResourceTest.code(codePromotion("null"), ", \"maxUses\": 25");
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 100,
                i -> order("race-" + UUID.randomUUID(), code, "{\"id\": \"u-" + i + "\"}"));
        assertThat(Race.count(answers, 201)).isEqualTo(25);
        assertThat(Race.count(answers, 409)).isEqualTo(75);
        assertThat(answers).filteredOn(a -> a.status() == 409).allSatisfy(a -> assertThat(a.body()).contains("USAGE_LIMIT_REACHED"));
        assertThat(uses(code)).isEqualTo(25);
    }

    @Test
    void oneCustomerSending20ConcurrentOrdersOnAOncePerCustomerPromotion() {
        String code = OrderResourceTest.code(codePromotion("{\"perCustomer\": 1}"), "");
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20,
                i -> order("race-" + UUID.randomUUID(), code, "{\"id\": \"same-shopper\"}"));
        assertThat(Race.count(answers, 201)).isEqualTo(1);
        assertThat(Race.count(answers, 409)).isEqualTo(19);
        assertThat(answers).filteredOn(a -> a.status() == 409).allSatisfy(a -> assertThat(a.body()).contains("CUSTOMER_LIMIT_REACHED"));
    }

    @Test
    void aBudgetIsNeverExceededByACent() {
        // 10.00 off every order while 55.00 of budget lasts: five orders get 10.00, one gets 5.00, the rest nothing.
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Budgeted", "limits": {"budget": "55.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("budget")));
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 30,
                i -> order("race-" + UUID.randomUUID(), null, "null"));
        assertThat(Race.count(answers, 201)).isEqualTo(30);
        BigDecimal given = answers.stream().map(a -> JsonPath.from(a.body()).getList("applied", java.util.Map.class).stream()
                        .filter(applied -> promotion.equals(applied.get("promotionId")))
                        .map(applied -> new BigDecimal(applied.get("amount").toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(given).isEqualByComparingTo("55.00");
    }

    @Test
    void twentyConcurrentCopiesOfOneOrderUseTheCodeOnce() {
        String code = OrderResourceTest.code(codePromotion("null"), ", \"maxUses\": 100");
        String body = order("race-" + UUID.randomUUID(), code, "{\"id\": \"u-replay\"}");
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20, i -> body);
        assertThat(Race.count(answers, 201)).isEqualTo(1);
        assertThat(Race.count(answers, 200)).isEqualTo(19);
        assertThat(answers.stream().map(a -> JsonPath.from(a.body()).getString("evaluatedAt")).distinct()).hasSize(1);
        assertThat(uses(code)).isEqualTo(1);
    }

    @Test
    void cancelledUsesBecomeAvailableAgainUnderRace() {
        String code = OrderResourceTest.code(codePromotion("null"), ", \"maxUses\": 5");
        List<Race.Answer> first = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 10, i -> order("race-a" + i + "-" + code, code, "{\"id\": \"u-" + i + "\"}"));
        assertThat(Race.count(first, 201)).isEqualTo(5);
        first.stream().filter(a -> a.status() == 201).limit(2).forEach(a ->
                Api.checkout().when().post("/api/v1/orders/" + JsonPath.from(a.body()).getString("orderId") + "/cancel").then().statusCode(200));
        List<Race.Answer> second = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 10, i -> order("race-b" + i + "-" + code, code, "{\"id\": \"v-" + i + "\"}"));
        assertThat(Race.count(second, 201)).isEqualTo(2);
        assertThat(uses(code)).isEqualTo(5);
    }
}
