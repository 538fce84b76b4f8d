package kupon.promotions;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The JSON conditions on what checkout says of the shopper and what the ledger recorded: a birthday offer
 * ({@code birthdayWithinDays}) and a loyalty tier ({@code minLifetimeSpend}, what the shopper's placed orders came to
 * in the cart's currency).
 */
@QuarkusTest
class CustomerHistoryConditionsTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String cart(String customer) {
        return """
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "COAT", "quantity": 1, "unitPrice": "60.00"}]},
                 "customer": %s}""".formatted(customer);
    }

    @Test
    void aBirthdayWithinTheWeekGetsTheOfferAndOneLaterOrNoneDoesNot() {
        shop.promotion("""
                {"id": "%s", "name": "Happy birthday: 15%% off", "conditions": {"birthdayWithinDays": 7},
                 "reward": {"type": "PERCENT_OFF", "value": 15, "target": "ORDER"}}""".formatted(shop.id("birthday")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String inThreeDays = today.plusDays(3).toString().substring(5);
        String inTenDays = "1984" + today.plusDays(10).toString().substring(4);
        assertThat(shop.evaluate(cart("{\"id\": \"ann\", \"birthday\": \"" + inThreeDays + "\"}")).getString("discountTotal"))
                .isEqualTo("9.00");
        assertThat(shop.evaluate(cart("{\"id\": \"ann\", \"birthday\": \"" + inTenDays + "\"}")).getString("discountTotal"))
                .isEqualTo("0.00");
        assertThat(shop.evaluate(cart("{\"id\": \"ann\"}")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void theGoldTierStartsOnceTheShoppersPlacedOrdersReach100() {
        shop.promotion("""
                {"id": "%s", "name": "Gold tier: 10%% off", "conditions": {"minLifetimeSpend": "100.00"},
                 "reward": {"type": "PERCENT_OFF", "value": 10, "target": "ORDER"}}""".formatted(shop.id("gold")));
        String customer = "{\"id\": \"" + shop.id("bo") + "\"}";
        assertThat(shop.evaluate(cart(customer)).getString("discountTotal")).isEqualTo("0.00");

        String first = order(customer);
        assertThat(shop.evaluate(cart(customer)).getString("discountTotal")).isEqualTo("0.00");
        order(customer);
        // 120.00 placed: the tier applies.
        assertThat(shop.evaluate(cart(customer)).getString("discountTotal")).isEqualTo("6.00");
        // A cancelled order no longer counts: 60.00.
        Api.checkout().when().post("/api/v1/orders/" + first + "/cancel").then().statusCode(200);
        assertThat(shop.evaluate(cart(customer)).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void badConditionsAndBirthdaysAreRefusedAtTheirField() {
        Api.marketer().body("""
                {"id": "%s", "name": "x", "conditions": {"birthdayWithinDays": 400},
                 "reward": {"type": "PERCENT_OFF", "value": 15, "target": "ORDER"}}""".formatted(shop.id("bad")))
                .when().post("/api/v1/promotions").then().statusCode(422)
                .body("details[0].path", equalTo("conditions.birthdayWithinDays"));
        Api.marketer().body("""
                {"id": "%s", "name": "x", "conditions": {"minLifetimeSpend": "-1"},
                 "reward": {"type": "PERCENT_OFF", "value": 15, "target": "ORDER"}}""".formatted(shop.id("bad")))
                .when().post("/api/v1/promotions").then().statusCode(422)
                .body("details[0].path", equalTo("conditions.minLifetimeSpend"));
        Api.checkout().body(cart("{\"id\": \"ann\", \"birthday\": \"02-30\"}")).when().post("/api/v1/evaluate")
                .then().statusCode(422).body("details[0].path", equalTo("customer.birthday"));
        Api.checkout().body(cart("{\"id\": \"ann\", \"attributes\": {\"tier\": 3}}")).when().post("/api/v1/evaluate")
                .then().statusCode(400);
    }

    private String order(String customer) {
        String orderId = "ord-" + UUID.randomUUID();
        Api.checkout().body(shop.checkout(cart(customer).replaceFirst("\\{", "{\"orderId\": \"" + orderId + "\", ")))
                .when().post("/api/v1/orders").then().statusCode(201);
        return orderId;
    }
}
