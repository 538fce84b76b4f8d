package kupon.analytics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A promotion with a control group: 30% of identified shoppers, always the same ones, get nothing from it and see it in
 * {@code holdouts}; both groups are counted as exposed, their orders recorded, and the experiment compares them.
 */
@QuarkusTest
class HoldoutTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private static final String CART = """
            {"cart": {"currency": "NOK", "lines": [{"id": "l1", "sku": "LAMP", "quantity": 1, "unitPrice": "100.00"}]},
             "customer": {"id": "%s"}}""";

    @Test
    void heldOutShoppersGetNothingAndTheExperimentCountsBothGroups() {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Lamp 20%%", "holdout": {"percent": 30},
                 "reward": {"type": "PERCENT_OFF", "value": 20}}""".formatted(shop.id("lamp")));
        List<String> control = new ArrayList<>(), treatment = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String customer = shop.id("shopper-" + i);
            JsonPath answer = shop.evaluate(CART.formatted(customer));
            if (answer.getList("holdouts.promotionId").contains(promotion)) {
                assertThat(answer.getString("discountTotal")).isEqualTo("0.00");
                control.add(customer);
            } else {
                assertThat(answer.getString("discountTotal")).isEqualTo("20.00");
                treatment.add(customer);
            }
            JsonPath again = shop.evaluate(CART.formatted(customer));
            assertThat(again.getList("holdouts.promotionId")).as("the same group on every visit").isEqualTo(answer.getList("holdouts.promotionId"));
        }
        assertThat(control).as("about 30%% of 40 held out").hasSizeBetween(4, 22);
        assertThat(treatment).isNotEmpty();

        JsonPath guest = shop.evaluate("""
                {"cart": {"currency": "NOK", "lines": [{"id": "l1", "sku": "LAMP", "quantity": 1, "unitPrice": "100.00"}]}}""");
        assertThat(guest.getList("holdouts")).as("guests are never held out").isEmpty();
        assertThat(guest.getString("discountTotal")).isEqualTo("20.00");

        // Two treated shoppers and one held-out shopper order.
        for (String customer : List.of(treatment.get(0), treatment.get(1), control.get(0))) {
            Api.checkout().body(shop.checkout(CART.formatted(customer).replace("{\"cart\"", "{\"orderId\": \"ord-" + UUID.randomUUID() + "\", \"cart\"")))
                    .when().post("/api/v1/orders").then().statusCode(201);
        }

        Api.marketer().when().get("/api/v1/analytics/promotions/" + promotion + "?currency=NOK").then().statusCode(200)
                .body("orders", equalTo(2))
                .body("experiment.treatment.exposedCustomers", equalTo(treatment.size()))
                .body("experiment.control.exposedCustomers", equalTo(control.size()))
                .body("experiment.treatment.orders", equalTo(2))
                .body("experiment.control.orders", equalTo(1))
                .body("experiment.treatment.revenue", equalTo(new java.math.BigDecimal("160.00")))
                .body("experiment.control.revenue", equalTo(new java.math.BigDecimal("100.00")))
                .body("experiment.method", equalTo(Experiment.METHOD));
    }

    @Test
    void aHoldoutIsForAutomaticPromotionsAndAtMostHalfTheShoppers() {
        Api.marketer().body("""
                {"id": "%s", "name": "Code", "trigger": "CODE", "holdout": {"percent": 10},
                 "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(shop.id("code")))
                .when().post("/api/v1/promotions").then().statusCode(422).body("details.path", hasItem("holdout"));
        for (String percent : List.of("0", "60", "10.555", "null")) {
            Api.marketer().body("""
                    {"id": "%s", "name": "Half", "holdout": {"percent": %s}, "reward": {"type": "PERCENT_OFF", "value": 10}}"""
                    .formatted(shop.id("half"), percent))
                    .when().post("/api/v1/promotions").then().statusCode(422).body("details.path", hasItem("holdout.percent"));
        }
    }
}
