package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input to POST /api/v1/evaluate: always a 4xx JSON error naming the field, never a 500. */
@QuarkusTest
class EvaluateValidationTest {

    private static String cart(String currency, String lines) {
        return "{\"cart\": {\"currency\": \"" + currency + "\", \"lines\": [" + lines + "]}}";
    }

    private static final String MUG = "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"12.00\"}";

    @Test
    void malformedJsonIs400() {
        Api.checkout().body("{\"cart\": ")
                .when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .body("error", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aQuantityThatIsNotAWholeNumberIs400NamingTheField() {
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": \"two\", \"unitPrice\": \"12.00\"}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .body("details[0].path", equalTo("cart.lines[0].quantity"));
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 2.5, \"unitPrice\": \"12.00\"}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .body("details[0].path", equalTo("cart.lines[0].quantity"));
    }

    @Test
    void aPriceThatIsNotANumberIs400NamingTheField() {
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"twelve\"}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .body("details[0].path", equalTo("cart.lines[0].unitPrice"));
    }

    @Test
    void aCartThatIsNotAnObjectIs400() {
        Api.checkout().body("{\"cart\": [1, 2]}")
                .when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .body("details[0].path", equalTo("cart"));
        Api.checkout().body("[]")
                .when().post("/api/v1/evaluate")
                .then().statusCode(400);
    }

    @Test
    void negativePricesAndQuantitiesAre422() {
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": -1, \"unitPrice\": \"-12.00\"}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("error", equalTo("VALIDATION_FAILED"))
                .body("details.path", hasItem("cart.lines[0].quantity"))
                .body("details.path", hasItem("cart.lines[0].unitPrice"));
    }

    @Test
    void missingRequiredFieldsAre422() {
        Api.checkout().body("{\"cart\": {\"lines\": [{\"quantity\": 1}]}}")
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details.path", hasItem("cart.currency"))
                .body("details.path", hasItem("cart.lines[0].id"))
                .body("details.path", hasItem("cart.lines[0].sku"))
                .body("details.path", hasItem("cart.lines[0].unitPrice"));
        Api.checkout().body("{}")
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("cart"));
    }

    @Test
    void unknownAndNonMoneyCurrenciesAre422() {
        for (String currency : new String[] {"ABC", "usd", "XAU", "XXX", "XTS", "USN"}) {
            Api.checkout().body(cart(currency, MUG))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("cart.currency"));
        }
    }

    @Test
    void morePrecisionThanTheCurrencyHasIs422() {
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": 12.005}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("cart.lines[0].unitPrice"))
                .body("details[0].message", containsString("USD"));
    }

    @Test
    void duplicateLineIdsAre422() {
        Api.checkout().body(cart("USD", MUG + "," + MUG))
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("cart.lines[1].id"));
    }

    @Test
    void moreThan500LinesAre422() {
        String lines = IntStream.range(0, 501)
                .mapToObj(i -> "{\"id\": \"l" + i + "\", \"sku\": \"S\", \"quantity\": 1, \"unitPrice\": \"1.00\"}")
                .collect(Collectors.joining(","));
        Api.checkout().body(cart("USD", lines))
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("cart.lines"));
    }

    @Test
    void moreThan10CodesAre422() {
        String codes = IntStream.range(0, 11).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining(","));
        Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": [" + MUG + "]}, \"codes\": [" + codes + "]}")
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("codes"));
    }

    @Test
    void aTaxRateOutsideZeroToOneIs422() {
        Api.checkout().body(cart("USD", "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"12.00\", \"taxRate\": 8}"))
                .when().post("/api/v1/evaluate")
                .then().statusCode(422)
                .body("details[0].path", equalTo("cart.lines[0].taxRate"));
    }

    @Test
    void anUnknownPathIsAJson404() {
        Api.checkout().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .body("error", equalTo("NOT_FOUND"));
    }
}
