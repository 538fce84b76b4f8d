package kupon.promotions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Promotions that apply only with a code, and every reason an entered code gives nothing. */
@QuarkusTest
class CodePromotionsTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String codePromotion(String conditions) {
        return shop.promotion("""
                {"id": "%s", "name": "Save 10%%", "trigger": "CODE", "conditions": %s,
                 "reward": {"type": "PERCENT_OFF", "value": 10, "target": "ORDER"}}""".formatted(shop.id("save10"), conditions));
    }

    private static String code(String promotionId, String extra) {
        String code = "SAVE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.marketer().body("{\"code\": \"" + code.toLowerCase() + "\"" + extra + "}")
                .when().post("/api/v1/promotions/" + promotionId + "/codes")
                .then().statusCode(201)
                .body("code", equalTo(code))
                .body("promotionId", equalTo(promotionId));
        return code;
    }

    private JsonPath evaluate(String code, String customer, String price) {
        return shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "%s"}]},
                 "customer": %s, "codes": ["  %s "]}""".formatted(price, customer, code.toLowerCase()));
    }

    @Test
    void theCodeAppliesItsPromotionCaseInsensitively() {
        String promotion = codePromotion("{}");
        String code = code(promotion, "");
        JsonPath r = evaluate(code, "null", "80.00");
        assertThat(r.getString("applied[0].code")).isEqualTo(code);
        assertThat(r.getString("discountTotal")).isEqualTo("8.00");
        assertThat(r.getList("rejectedCodes")).isEmpty();
    }

    @Test
    void aPromotionSwitchedBackOnWorksWithItsCodesAtOnce() {
        String promotion = codePromotion("{}");
        String code = code(promotion, "");
        Api.marketer().when().post("/api/v1/promotions/" + promotion + "/deactivate").then().statusCode(200);
        // This evaluation reads the code while its promotion is off; the node may keep that row for a second.
        assertThat(evaluate(code, "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("INACTIVE");

        Api.marketer().when().post("/api/v1/promotions/" + promotion + "/activate").then().statusCode(200);
        JsonPath r = evaluate(code, "null", "80.00");
        assertThat(r.getString("applied[0].code")).isEqualTo(code);
        assertThat(r.getString("discountTotal")).isEqualTo("8.00");
    }

    @Test
    void withoutTheCodeACodePromotionDoesNotApply() {
        codePromotion("{}");
        assertThat(shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "80.00"}]}}""")
                .getList("applied")).isEmpty();
    }

    @Test
    void aMinimumNotMetIsReported() {
        String code = code(codePromotion("{\"minSubtotal\": \"100.00\"}"), "");
        JsonPath r = evaluate(code, "null", "80.00");
        assertThat(r.getString("rejectedCodes[0].reason")).isEqualTo("MIN_SUBTOTAL_NOT_MET");
        assertThat(r.getString("hints[0].missing")).isEqualTo("20.00");
    }

    @Test
    void aCustomerOutsideTheSegmentIsNotEligible() {
        String code = code(codePromotion("{\"customerSegments\": [\"vip\"]}"), "");
        assertThat(evaluate(code, "{\"segments\": [\"regular\"]}", "80.00").getString("rejectedCodes[0].reason"))
                .isEqualTo("NOT_ELIGIBLE_CUSTOMER");
    }

    @Test
    void noEligibleItems() {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Shoes code", "trigger": "CODE",
                 "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"categories": ["shoes"]}}}""".formatted(shop.id("shoes-code")));
        assertThat(evaluate(code(promotion, ""), "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("NO_ELIGIBLE_ITEMS");
    }

    @Test
    void expiredAndNotYetActiveCodes() {
        String promotion = codePromotion("{}");
        String expired = code(promotion, ", \"expiresAt\": \"2026-01-31T23:59:59Z\"");
        String future = code(promotion, ", \"startsAt\": \"2099-01-01T00:00:00Z\"");
        JsonPath r = evaluate(expired, "null", "80.00");
        assertThat(r.getString("rejectedCodes[0].reason")).isEqualTo("EXPIRED");
        assertThat(r.getString("rejectedCodes[0].message")).isEqualTo("This code expired on 2026-01-31.");
        assertThat(evaluate(future, "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("NOT_YET_ACTIVE");
    }

    @Test
    void aDeactivatedCodeOrPromotionIsInactive() {
        String promotion = codePromotion("{}");
        String code = code(promotion, "");
        Api.marketer().when().post("/api/v1/codes/" + code + "/deactivate").then().statusCode(200).body("status", equalTo("INACTIVE"));
        assertThat(evaluate(code, "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("INACTIVE");

        String other = code(promotion, "");
        Api.marketer().when().post("/api/v1/promotions/" + promotion + "/deactivate").then().statusCode(200);
        assertThat(evaluate(other, "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("INACTIVE");
    }

    @Test
    void aPersonalCodeBelongsToItsCustomer() {
        String code = code(codePromotion("{}"), ", \"email\": \"Ann.Lee+promo@gmail.com\"");
        assertThat(evaluate(code, "{\"email\": \"annlee@gmail.com\"}", "80.00").getList("rejectedCodes")).isEmpty();
        assertThat(evaluate(code, "{\"email\": \"bob@example.com\"}", "80.00").getString("rejectedCodes[0].reason"))
                .isEqualTo("ASSIGNED_TO_ANOTHER_CUSTOMER");
    }

    @Test
    void aCodeThatCannotCombineWithAnEarlierPromotion() {
        shop.promotion("""
                {"id": "%s", "name": "Sitewide 5%%", "priority": 100, "combinesWith": {"items": true, "order": false, "shipping": true},
                 "reward": {"type": "PERCENT_OFF", "value": 5, "target": "ORDER"}}""".formatted(shop.id("sitewide")));
        String code = code(codePromotion("{}"), "");
        assertThat(evaluate(code, "null", "80.00").getString("rejectedCodes[0].reason")).isEqualTo("NOT_COMBINABLE");
    }

    @Test
    void aDuplicateCodeIs409() {
        String promotion = codePromotion("{}");
        String code = code(promotion, "");
        Api.marketer().body("{\"code\": \"" + code.toLowerCase() + "\"}")
                .when().post("/api/v1/promotions/" + promotion + "/codes")
                .then().statusCode(409)
                .body("error", equalTo("DUPLICATE_CODE"));
    }
}
