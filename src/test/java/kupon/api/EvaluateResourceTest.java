package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.ResponseInvariants;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

/** POST /api/v1/evaluate with the example rules shipped in rules/. */
@QuarkusTest
class EvaluateResourceTest {

    @Test
    void theReadmeCartGetsTheShippedPromotions() {
        // A 399.00 television, three 9.99 cables, 5.00 shipping, a gold member entering "goldship".
        JsonPath response = Api.checkout().body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(200)
                // electronics-10 takes 10% off the television; spend-50-save-5 spreads 5.00 over what remains
                // (359.10 and 29.97 → 4.61 and 0.39); GOLDSHIP makes shipping free.
                .body("currency", equalTo("USD"))
                .body("subtotal", equalTo(new BigDecimal("428.97")))
                .body("discountTotal", equalTo(new BigDecimal("44.90")))
                .body("shipping", equalTo(new BigDecimal("5.00")))
                .body("shippingDiscount", equalTo(new BigDecimal("5.00")))
                .body("tax", equalTo(new BigDecimal("30.73")))
                .body("total", equalTo(new BigDecimal("414.80")))
                .body("lines[0].discount", equalTo(new BigDecimal("44.51")))
                .body("lines[0].adjustments.promotionId", contains("electronics-10", "spend-50-save-5"))
                .body("lines[0].adjustments.amount", contains(new BigDecimal("39.90"), new BigDecimal("4.61")))
                .body("lines[1].adjustments.amount", contains(new BigDecimal("0.39")))
                .body("lines[1].tax", equalTo(new BigDecimal("2.37")))
                .body("applied.promotionId", contains("electronics-10", "spend-50-save-5", "gold-free-shipping"))
                .body("applied.target", contains("ITEMS", "ORDER", "SHIPPING"))
                .body("applied[2].code", equalTo("GOLDSHIP"))
                .body("rejectedCodes", empty())
                .body("ruleSetVersion", greaterThan(0))
                .body("evaluatedAt", notNullValue())
                .extract().jsonPath();
        ResponseInvariants.assertHold(response);
    }

    @Test
    void aCodeNoRuleKnowsIsRejectedAsUnknown() {
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "12.00"}]},
                 "codes": [" nosuch "]}""")
                .when().post("/api/v1/evaluate")
                .then().statusCode(200)
                .body("rejectedCodes[0].code", equalTo("NOSUCH"))
                .body("rejectedCodes[0].reason", equalTo("UNKNOWN_CODE"))
                .body("applied", empty())
                .body("total", equalTo(new BigDecimal("12.00")));
    }

    @Test
    void codesBeyondTheMaximumPerOrderAreRejected() {
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "12.00"}]},
                 "codes": ["A1", "A2", "A3", "A4", "A5", "A6"]}""")
                .when().post("/api/v1/evaluate")
                .then().statusCode(200)
                .body("rejectedCodes.find { it.code == 'A6' }.reason", equalTo("TOO_MANY_CODES"));
    }

    @Test
    void aMinimumNotReachedAfterEarlierDiscountsGivesAHintInstead() {
        // 52.00 of electronics: 10% off leaves 46.80, below the 50.00 that spend-50-save-5 needs.
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "l1", "sku": "HEADPHONES", "categories": ["electronics"], "quantity": 1, "unitPrice": "52.00"}]},
                 "context": {"channel": "web"}}""")
                .when().post("/api/v1/evaluate")
                .then().statusCode(200)
                .body("applied.promotionId", contains("electronics-10"))
                .body("total", equalTo(new BigDecimal("46.80")))
                .body("hints[0].promotionId", equalTo("spend-50-save-5"))
                .body("hints[0].kind", equalTo("MIN_SUBTOTAL"))
                .body("hints[0].missing", equalTo(new BigDecimal("3.20")));
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        JsonPath response = Api.checkout().body("""
                {"cart": {"currency": "JPY", "lines": [
                   {"id": "l1", "sku": "CAMERA", "categories": ["electronics"], "quantity": 1, "unitPrice": 12345}]},
                 "context": {"channel": "web"}}""")
                .when().post("/api/v1/evaluate")
                .then().statusCode(200)
                // 10% of 12345 is 1234.5, rounded half-even to 1234; then 5 yen off above 50 yen.
                .body("lines[0].adjustments.amount", contains(1234, 5))
                .body("total", equalTo(11106))
                .extract().jsonPath();
        ResponseInvariants.assertHold(response);
    }

    @Test
    void withoutAKeyTheAnswerIs401() {
        RestAssured.given().contentType("application/json").body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(401)
                .body("error", equalTo("UNAUTHORIZED"));
        Api.as("not-a-key").body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(401);
    }

    @Test
    void theXApiKeyHeaderWorksToo() {
        RestAssured.given().contentType("application/json").header("X-Api-Key", Api.CHECKOUT_KEY)
                .body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(200);
    }

    @Test
    void aMarketerKeyCannotEvaluateButAnAdminKeyCan() {
        Api.marketer().body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(403)
                .body("error", equalTo("FORBIDDEN"));
        Api.admin().body(Api.body("evaluate-readme-cart.json"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(200);
    }
}
