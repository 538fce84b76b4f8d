package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * {@code POST /api/v1/evaluate?explain=true}: a marketer sees, for each promotion that concerned the cart, whether it
 * applied and if not why; a promotion saved with a schedule that has already ended is accepted with a warning, and
 * its code is refused naming the promotion's end, not an expiry the code does not have.
 */
@QuarkusTest
class ExplainTest {

    private final String sku = "EX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String id = sku.toLowerCase();
    private final String code = "EXP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private void create(String suffix, String body) {
        Api.marketer().body(body.formatted(id + "-" + suffix, sku)).when().post("/api/v1/promotions").then().statusCode(201);
    }

    @AfterEach
    void cleanUp() {
        for (String suffix : List.of("ten", "big", "gold", "over", "code")) {
            Api.marketer().when().delete("/api/v1/promotions/" + id + "-" + suffix);
        }
    }

    @Test
    void eachPromotionThatConcernsTheCartSaysWhetherItAppliedAndWhy() {
        create("ten", """
                {"id": "%s", "name": "10%% off", "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["%s"]}}}""");
        create("big", """
                {"id": "%s", "name": "50 off 500", "conditions": {"minSubtotal": "500.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "50.00", "target": "ORDER", "items": {"skus": ["%s"]}}}""");
        create("gold", """
                {"id": "%s", "name": "Gold only", "conditions": {"customerSegments": ["gold"]},
                 "reward": {"type": "PERCENT_OFF", "value": 5, "items": {"skus": ["%s"]}}}""");
        create("over", """
                {"id": "%s", "name": "Last year", "schedule": {"endsAt": "2025-01-31T23:59:59Z"},
                 "reward": {"type": "PERCENT_OFF", "value": 50, "items": {"skus": ["%s"]}}}""");
        String cart = "{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku
                + "\", \"quantity\": 2, \"unitPrice\": \"50.00\"}]}}";

        JsonPath answer = Api.marketer().body(cart).queryParam("explain", true).when().post("/api/v1/evaluate")
                .then().statusCode(200).body("discountTotal", equalTo(new java.math.BigDecimal("10.00")))
                .extract().jsonPath();

        Map<String, Map<String, String>> byPromotion = new java.util.HashMap<>();
        answer.getList("explain", Map.class).forEach(e -> byPromotion.put((String) e.get("promotionId"), e));
        assertThat(byPromotion.get(id + "-ten")).containsEntry("outcome", "APPLIED").containsEntry("detail", "Took 10.00 USD off the items.");
        // Same priority, so by id: "big" is priced before "ten", on the undiscounted 100.00.
        assertThat(byPromotion.get(id + "-big")).containsEntry("outcome", "MIN_SUBTOTAL_NOT_MET")
                .containsEntry("detail", "Spend 400.00 more to get 50.00 off.");
        assertThat(byPromotion.get(id + "-gold")).containsEntry("outcome", "NOT_ELIGIBLE_CUSTOMER");
        assertThat(byPromotion.get(id + "-over")).containsEntry("outcome", "EXPIRED")
                .containsEntry("detail", "It ended at 2025-01-31T23:59:59Z.");

        // Checkout's answers stay as they were: no explain unless asked.
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200).body("$", not(hasKey("explain")));
    }

    @Test
    void aScheduleThatHasEndedIsAcceptedWithAWarningAndItsCodeIsRefusedForThePromotionsEnd() {
        Api.marketer().body("""
                {"id": "%s", "name": "Over", "trigger": "CODE", "schedule": {"endsAt": "2025-01-31T23:59:59Z"},
                 "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["%s"]}}}""".formatted(id + "-code", sku))
                .when().post("/api/v1/promotions").then().statusCode(201)
                .body("id", equalTo(id + "-code"))
                .body("status", equalTo("ACTIVE"))
                .body("warnings[0].field", equalTo("schedule.endsAt"))
                .body("warnings[0].message", org.hamcrest.Matchers.containsString("will never apply"));
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + id + "-code/codes").then().statusCode(201);

        Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku
                        + "\", \"quantity\": 1, \"unitPrice\": \"10.00\"}]}, \"codes\": [\"" + code + "\"]}")
                .when().post("/api/v1/evaluate").then().statusCode(200)
                .body("rejectedCodes[0].reason", equalTo("EXPIRED"))
                .body("rejectedCodes[0].message", equalTo("The promotion of the code " + code + " ended on 2025-01-31."));

        // Switched off, the same promotion gets no warning: nothing about it is surprising any more.
        Api.marketer().when().post("/api/v1/promotions/" + id + "-code/deactivate").then().statusCode(200);
        Api.marketer().when().get("/api/v1/promotions/" + id + "-code").then().statusCode(200).body("$", not(hasKey("warnings")));
        Api.marketer().when().post("/api/v1/promotions/" + id + "-code/activate").then().statusCode(200)
                .body("warnings[0].field", equalTo("schedule.endsAt"));
    }
}
