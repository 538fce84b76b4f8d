package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kupon.support.Api;
import kupon.support.RawHttp;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** What every endpoint answers to values no field may hold: a 4xx in the contract's JSON naming the field, never a 500, nothing written. */
@QuarkusTest
class HostileInputTest {

    private static final String MUG = "{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"12.00\"}";

    private static String cart(String lines) {
        return "{\"cart\": {\"currency\": \"USD\", \"lines\": [" + lines + "]}}";
    }

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    @Nested
    class Dates {

        @Test
        void aCodeDateBeyondTheYear9999Is422NamingItAndNothingIsStored() {
            String promotion = "date-" + UUID.randomUUID().toString().substring(0, 8);
            Api.marketer().body("""
                    {"id": "%s", "name": "Dates", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"}}"""
                    .formatted(promotion)).when().post("/api/v1/promotions").then().statusCode(201);
            Api.marketer().body("{\"code\": \"FARFUTURE1\", \"expiresAt\": \"+31690708-07-05T01:46:40Z\"}")
                    .when().post("/api/v1/promotions/" + promotion + "/codes")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("expiresAt"))
                    .body("details[0].message", equalTo("must be a date in the years 1 to 9999"));
            Api.marketer().when().get("/api/v1/codes/FARFUTURE1").then().statusCode(404);
        }
    }

    @Nested
    class ControlCharacters {

        @Test
        void aNulInABodyFieldIs422NamingIt() {
            // Given an email with a NUL, which PostgreSQL cannot store
            String body = "{\"cart\": {\"currency\": \"USD\", \"lines\": [" + MUG + "]}, \"customer\": {\"email\": \"ann\\u0000@x.com\"}}";
            // Then the evaluation is refused before it reaches the database
            Api.checkout().body(body).when().post("/api/v1/evaluate")
                    .then().statusCode(422)
                    .body("error", equalTo("VALIDATION_FAILED"))
                    .body("details[0].path", equalTo("customer.email"))
                    .body("details[0].message", startsWith("must not contain control characters such as NUL"));
        }

        @Test
        void aControlCharacterDeepInAPromotionIs422NamingIt() {
            Api.marketer().body("""
                    {"id": "ctl-%s", "name": "Ctl", "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["A\\u0007"]}}}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8)))
                    .when().post("/api/v1/promotions")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("reward.items.skus[0]"));
        }

        @Test
        void aNulInAPathParameterIs400NamingIt() {
            Api.marketer().urlEncodingEnabled(false).when().get("/api/v1/codes/A%00B")
                    .then().statusCode(400)
                    .body("error", equalTo("VALIDATION_FAILED"))
                    .body("details[0].path", equalTo("code"));
        }

        @Test
        void aNulInAQueryParameterIs400NamingIt() {
            Api.marketer().urlEncodingEnabled(false).when().get("/api/v1/promotions?q=%00")
                    .then().statusCode(400)
                    .body("details[0].path", equalTo("q"));
        }

        @Test
        void aLoneSurrogateIsRefusedAsNotUnicode() {
            Api.checkout().body(cart("{\"id\": \"l\\ud800\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"1.00\"}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("cart.lines[0].id"))
                    .body("details[0].message", containsString("not valid Unicode"));
        }
    }

    @Nested
    class Lengths {

        @Test
        void a4000CharacterCustomerIdLineIdAndEmailAre422() {
            String body = "{\"orderId\": \"len-%s\", \"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"%s\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"1.00\"}]},"
                    + " \"customer\": {\"id\": \"%s\", \"email\": \"%s@x.com\"}}";
            String orderId = UUID.randomUUID().toString();
            Api.checkout().body(body.formatted(orderId, repeat('l', 4000), repeat('c', 4000), repeat('e', 4000)))
                    .when().post("/api/v1/orders")
                    .then().statusCode(422)
                    .body("details.path", hasItem("cart.lines[0].id"))
                    .body("details.path", hasItem("customer.id"))
                    .body("details.path", hasItem("customer.email"));
            // Nothing was recorded: the order is unknown
            Api.checkout().when().post("/api/v1/orders/len-" + orderId + "/cancel").then().statusCode(404);
        }

        @Test
        void theErrorRepeatsOnlyAShortExcerptOfALongValue() {
            String body = "{\"cart\": {\"currency\": \"" + repeat('U', 100_000) + "\", \"lines\": []}}";
            String answer = Api.checkout().body(body).when().post("/api/v1/evaluate")
                    .then().statusCode(422).body("details[0].path", equalTo("cart.currency")).extract().asString();
            assertThat(answer.length()).isLessThan(1000);
        }
    }

    @Nested
    class Lists {

        @Test
        void aPromotionWithTooManyCountriesIs422() {
            String countries = String.join(", ", java.util.Collections.nCopies(1001, "\"US\""));
            Api.marketer().body("""
                    {"id": "many-%s", "name": "Many", "conditions": {"countries": [%s]}, "reward": {"type": "PERCENT_OFF", "value": 10}}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), countries))
                    .when().post("/api/v1/promotions")
                    .then().statusCode(422).body("details[0].path", equalTo("conditions.countries"));
        }

        @Test
        void aLineWithTooManyCategoriesIs422() {
            String categories = String.join(", ", java.util.Collections.nCopies(101, "\"c\""));
            Api.checkout().body(cart("{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"1.00\", \"categories\": [" + categories + "]}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422).body("details[0].path", equalTo("cart.lines[0].categories"));
        }
    }

    @Nested
    class Numbers {

        @Test
        void aTinyExponentIsRefusedWithAShortAnswer() {
            // 96 bytes that once made a 2 GB answer
            String answer = Api.checkout().body(cart("{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1e-999999999}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("cart.lines[0].unitPrice"))
                    .extract().asString();
            assertThat(answer.length()).isLessThan(1000);
        }

        @Test
        void aHugeExponentIsRefused() {
            Api.checkout().body(cart("{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1e999999999}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422).body("details[0].path", equalTo("cart.lines[0].unitPrice"));
        }

        @Test
        void aPriceAtTheLimitIsRefusedAndOneBelowItIsRecorded() {
            Api.checkout().body(cart("{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"10000000000\"}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422)
                    .body("details[0].path", equalTo("cart.lines[0].unitPrice"))
                    .body("details[0].message", equalTo("must be below 10,000,000,000"));
            // The largest cart the validator accepts fits the ledger's columns
            String orderId = "max-" + UUID.randomUUID();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                lines.append(i == 0 ? "" : ", ").append("{\"id\": \"l%d\", \"sku\": \"S\", \"quantity\": 10000, \"unitPrice\": \"9999999999.99\"}".formatted(i));
            }
            Api.checkout().body("{\"orderId\": \"" + orderId + "\", \"cart\": {\"currency\": \"USD\", \"lines\": [" + lines
                            + "], \"shipping\": {\"price\": \"9999999999.99\", \"taxRate\": \"1\"}}}")
                    .when().post("/api/v1/orders")
                    .then().statusCode(201).body("subtotal", equalTo(new java.math.BigDecimal("499999999999500.00")));
        }

        @Test
        void moreDecimalsThanTheCurrencyHasAre422() {
            Api.checkout().body("{\"cart\": {\"currency\": \"JPY\", \"lines\": [{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"1.5\"}]}}")
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(422).body("details[0].message", containsString("more decimals than JPY allows (0)"));
        }

        @Test
        void anExpectedTotalWithAnAbsurdScaleIs422AndNothingIsRecorded() {
            String orderId = "scale-" + UUID.randomUUID();
            Api.checkout().body("{\"orderId\": \"" + orderId + "\", \"expectedTotal\": 1e-999999, \"cart\": {\"currency\": \"USD\", \"lines\": [" + MUG + "]}}")
                    .when().post("/api/v1/orders")
                    .then().statusCode(422).body("details[0].path", equalTo("expectedTotal"));
            Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(404);
        }

        @Test
        void aHugeWholeNumberIs400NamingTheField() {
            Api.checkout().body(cart("{\"id\": \"a\", \"sku\": \"A\", \"quantity\": 99999999999999999999, \"unitPrice\": \"1.00\"}"))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(400).body("error", anyOf(equalTo("MALFORMED_JSON"), equalTo("MALFORMED_REQUEST")));
        }
    }

    @Nested
    class Simulate {

        @Test
        void aRuleSetOfTwentyDigitsIs422() {
            Api.marketer().body("{\"ruleSet\": \"12345678901234567890\", \"carts\": [" + cart(MUG) + "]}")
                    .when().post("/api/v1/simulate")
                    .then().statusCode(422).body("details[0].path", equalTo("ruleSet"));
        }

        @Test
        void aRuleSetThatIsAnObjectIs422() {
            Api.marketer().body("{\"ruleSet\": {\"a\": [1]}, \"carts\": [" + cart(MUG) + "]}")
                    .when().post("/api/v1/simulate")
                    .then().statusCode(422).body("details[0].path", equalTo("ruleSet"));
        }

        @Test
        void moreThan100CartsAre422() {
            String carts = String.join(", ", java.util.Collections.nCopies(101, cart(MUG)));
            Api.marketer().body("{\"ruleSet\": \"active\", \"carts\": [" + carts + "]}")
                    .when().post("/api/v1/simulate")
                    .then().statusCode(422).body("details[0].path", equalTo("carts"));
        }
    }

    @Nested
    class Codes {

        private final Scenario shop = new Scenario();

        @AfterEach
        void closeShop() {
            shop.close();
        }

        private String codePromotion() {
            return shop.promotion("""
                    {"id": "%s", "name": "Code 10%%", "trigger": "CODE", "reward": {"type": "PERCENT_OFF", "value": 10}}"""
                    .formatted(shop.id("hostile-codes")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"SAVE 10", "SAVE%10", "SAVE#10", "SAVE{10", "SAVE<10", "SAVE\\\"10", "SAVE\\\\10", "SAVE/10", "SAVE;10", "..", "SAVE\\u0000"})
        void aCodeWithACharacterThatBreaksUrlsCsvOrHtmlIsRefusedBeforeAnythingIsStored(String code) {
            String promotionId = codePromotion();
            Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotionId + "/codes")
                    .then().statusCode(422)
                    .body("error", equalTo("VALIDATION_FAILED"))
                    .body("details[0].path", equalTo("code"));
        }

        @Test
        void aRefusedCodeDoesNotExistAfterwards() {
            String promotionId = codePromotion();
            String code = "HALF" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + " X";
            Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotionId + "/codes")
                    .then().statusCode(422);
            Api.marketer().when().get("/api/v1/codes/{code}", code).then().statusCode(404).body("error", equalTo("NOT_FOUND"));
        }

        @Test
        void aCodeWithAQuestionMarkIsStoredAndFoundByItsEscapedPath() {
            String promotionId = codePromotion();
            String code = "2?" + UUID.randomUUID().toString().substring(0, 6) + "!2d";
            String location = Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotionId + "/codes")
                    .then().statusCode(201).extract().header("Location");
            assertThat(location).endsWith("/api/v1/codes/" + code.replace("?", "%3F"));
            Api.marketer().when().get("/api/v1/codes/{code}", code)
                    .then().statusCode(200).body("code", equalTo(code.toUpperCase()));
        }

        @Test
        void everyPunctuationACodeMayHoldWorksInTheLookupPath() {
            String promotionId = codePromotion();
            String code = "A-_.!?*+=@$:~()" + UUID.randomUUID().toString().substring(0, 6);
            Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotionId + "/codes").then().statusCode(201);
            Api.marketer().when().get("/api/v1/codes/{code}", code).then().statusCode(200).body("code", equalTo(code.toUpperCase()));
            Api.marketer().when().post("/api/v1/codes/{code}/deactivate", code).then().statusCode(200).body("status", equalTo("INACTIVE"));
        }
    }

    @Nested
    class Multipart {

        private RawHttp.Answer upload(String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return RawHttp.send("POST /api/v1/rulesets?dryRun=true HTTP/1.1\r\nAuthorization: Bearer " + Api.ADMIN_KEY
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length, bytes);
        }

        @Test
        void anEmptyBoundaryIs400InTheContractsJson() {
            RawHttp.Answer answer = upload("multipart/form-data; boundary=", "--\r\nx");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"error\":\"MALFORMED_MULTIPART\"");
        }

        @Test
        void aTruncatedPartIs400InTheContractsJson() {
            RawHttp.Answer answer = upload("multipart/form-data; boundary=xyz",
                    "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.drl\"\r\n\r\nrule");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"error\":\"MALFORMED_MULTIPART\"");
        }
    }

    @Nested
    class HttpLayer {

        @Test
        void aBodyOverTheLimitIs413InJsonBeforeItIsRead() {
            // Given a Content-Length of 9 MB, of which only the first bytes are sent
            RawHttp.Answer answer = RawHttp.send("POST /api/v1/evaluate HTTP/1.1\r\nAuthorization: Bearer " + Api.CHECKOUT_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 9 * 1024 * 1024, "{\"cart\": ".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"error\":\"PAYLOAD_TOO_LARGE\"");
        }

        @Test
        void aUriOverTheLimitIs414InJson() {
            Api.marketer().when().get("/api/v1/codes/" + repeat('A', HttpLayerErrors.MAX_URI + 10))
                    .then().statusCode(414).contentType("application/json").body("error", equalTo("URI_TOO_LONG"));
        }

        @Test
        void theWrongContentTypeIs415SayingWhatToSend() {
            Api.checkout().contentType("text/plain").body("hello").when().post("/api/v1/evaluate")
                    .then().statusCode(415).body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                    .body("message", startsWith("Send Content-Type: application/json"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/codes/%zz", "/api/v1/codes/abc%", "/api/v1/promotions?q=%G1", "/q/health/%"})
        void aMalformedPercentEscapeIs400InJson(String uri) {
            RawHttp.Answer answer = RawHttp.send("GET " + uri + " HTTP/1.1\r\nAuthorization: Bearer " + Api.MARKETER_KEY, new byte[0]);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"error\":\"BAD_URI\"");
        }

        @Test
        void malformedJsonIs400SayingWhatToSend() {
            Api.checkout().body("{\"cart\": {\"currency\": ").when().post("/api/v1/evaluate")
                    .then().statusCode(400).body("error", equalTo("MALFORMED_JSON"))
                    // Says what this endpoint takes, not just "one JSON object" (MalformedBodyTest has every endpoint).
                    .body("message", containsString("Send a JSON object with a `cart` field"));
        }

        @Test
        void anUnknownRouteIs404InJson() {
            RestAssured.when().get("/no/such/thing").then().statusCode(404).contentType("application/json").body("error", equalTo("NOT_FOUND"));
        }

        @Test
        void theWrongMethodIs405InJson() {
            Api.checkout().when().delete("/api/v1/evaluate").then().statusCode(405).body("error", equalTo("METHOD_NOT_ALLOWED"));
        }
    }
}
