package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kupon.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A body that is not the JSON an endpoint takes is a 400 that says what to send there (with an example), and a
 * body sent with the wrong content type a 415 that names the right one; never a 500, never a parser's class name.
 */
@QuarkusTest
class MalformedBodyTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/evaluate                 | '{"cart": '        | MALFORMED_JSON    | a JSON object with a `cart` field
            /api/v1/evaluate                 | '{cart: 1}'        | MALFORMED_JSON    | a JSON object with a `cart` field
            /api/v1/evaluate                 | '[]'               | MALFORMED_REQUEST | ; it is an array
            /api/v1/evaluate                 | '"cart"'           | MALFORMED_REQUEST | ; it is a string
            /api/v1/orders                   | '[{"cart": {}}]'   | MALFORMED_REQUEST | `orderId` and `cart` fields
            /api/v1/promotions               | '42'               | MALFORMED_REQUEST | a promotion as a JSON object with `id`, `name` and `reward`
            /api/v1/promotions               | '{"id": "x",'      | MALFORMED_JSON    | a promotion as a JSON object
            /api/v1/simulate                 | 'true'             | MALFORMED_REQUEST | `ruleSet` and `carts` fields
            """)
    void aBodyThatIsNotWhatTheEndpointTakesSaysWhatToSend(String path, String body, String error, String says) {
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY).contentType("application/json").body(body)
                .when().post(path)
                .then().statusCode(400)
                .body("error", equalTo(error))
                .body("message", allOf(containsString(says), not(containsString("com.fasterxml")), not(containsString("Exception"))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/evaluate   | text/plain
            /api/v1/orders     | application/x-www-form-urlencoded
            /api/v1/promotions | application/xml
            """)
    void theWrongContentTypeSaysWhichToSend(String path, String type) {
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY).contentType(type).body("{\"cart\": {}}")
                .when().post(path)
                .then().statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("message", containsString("Send Content-Type: application/json"));
    }
}
