package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import kupon.support.Scenario;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values, drawn with jqwik, in the request shape of every endpoint: NUL and other control characters, lone
 * surrogates, 1 MB strings, 1e-999999999, 1e999999999, -0, huge integers, wrong JSON types, deep nesting, empty strings
 * and cut-off JSON. Whatever comes in, no answer is a 5xx, every error is the contract's JSON and short, a refused write
 * leaves nothing behind, and the service is ready afterwards. The seed is printed; rerun one with -Dfuzz.seed=...
 */
@QuarkusTest
class HttpFuzzTest {

    private static final int REQUESTS = 2000;
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Scenario shop = new Scenario();
    private final List<String> created = new ArrayList<>();
    private int requests;

    /** JSON text for one value, mostly hostile. */
    private static Arbitrary<String> hostileJson() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(30, texts(Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4))),
            net.jqwik.api.Tuple.of(20, texts(Arbitraries.strings().all().ofMaxLength(12))),
            net.jqwik.api.Tuple.of(10, texts(Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(2))),
            net.jqwik.api.Tuple.of(10, texts(Arbitraries.strings().alpha().ofLength(5000))),
            net.jqwik.api.Tuple.of(30, Arbitraries.of("1e-999999999", "1e999999999", "-0", "-0.0", "99999999999999999999999999999",
                    "2147483648", "-2147483649", "9223372036854775808", "1e15", "0.0000001", "-1", "0", "12345678901234567.5")),
            net.jqwik.api.Tuple.of(30, Arbitraries.of("true", "null", "[]", "{}", "\"\"", "\" \"", "[[[[[[[[]]]]]]]]",
                    "[" + "[".repeat(600) + "]".repeat(600) + "]", "{\"a\": {\"b\": {\"c\": [1, \"\\u0000\"]}}}", "\"%00\"", "\"../../etc\"",
                    "\"<script>\"", "\"'; DROP TABLE promotion; --\"", "\"\\u202e\"", "\"😀\"", "\"SAVE 10\"", "\"=cmd|' /C calc'!A0\"")));
    }

    private static final String MEGABYTE = jsonString("x".repeat(1024 * 1024));


    /**
     * Path segments and query values: the same classes of value, percent-encoded. Escapes that are not even URI syntax
     * (%zz) cannot go through an HTTP client library; HostileInputTest sends them byte by byte.
     */
    private static Arbitrary<String> hostileSegments() {
        return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)),
            Arbitraries.of("%00", "%01", "%7F", "%C0%80", "%ED%A0%80", "%2e%2e", "a%2Fb", "..", "%20", "x".repeat(3000), "9223372036854775808",
                    "-1", "0", "SAVE10", "%3F", "a;b=c", "%25"));
    }

    private RandomGenerator<String> hostile;
    private RandomGenerator<String> hostileSegment;
    /** Raw text for a multipart field. */
    private RandomGenerator<String> hostileText;

    @AfterEach
    void cleanUp() {
        created.forEach(id -> Api.marketer().when().delete("/api/v1/promotions/{id}", id));
        shop.close();
    }

    @Test
    void noHostileRequestGetsA5xxALongOrNonJsonErrorOrWritesHalfOfSomething() {
        // jqwik's generators outside a @Property: the session gives them their context; the values come from our seed.
        JqwikSession.start();
        try {
            hostile = hostileJson().generator(1000);
            hostileSegment = hostileSegments().generator(1000);
            hostileText = Arbitraries.strings().all().ofMaxLength(20).generator(1000);
            fuzz();
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz() {
        System.out.println("HttpFuzzTest seed " + seed);
        int promotionsBefore = promotionCount();
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Fuzz target", "trigger": "CODE", "reward": {"type": "PERCENT_OFF", "value": 10}}"""
                .formatted(shop.id("fuzz")));
        List<Runnable> endpoints = endpoints(promotion);
        int nextReload = REQUESTS / 3;
        while (requests < REQUESTS) {
            endpoints.get(random.nextInt(endpoints.size())).run();
            // A reload compiles every rule file: a few in the run, not one in every thirty requests.
            if (requests >= nextReload) {
                post(Api.admin(), "/api/v1/rulesets/reload", "");
                nextReload += REQUESTS / 3;
            }
        }
        assertThat(promotionCount()).as("promotions after the run (seed %d)", seed).isEqualTo(promotionsBefore + 1 + created.size());
        RestAssured.when().get("/q/health/ready").then().statusCode(200);
    }

    private List<Runnable> endpoints(String promotion) {
        List<Runnable> all = new ArrayList<>();
        all.add(() -> post(Api.checkout(), "/api/v1/evaluate", this::checkoutBody));
        all.add(() -> placeOrder());
        all.add(() -> post(Api.checkout(), "/api/v1/orders/" + segment() + "/cancel", () -> ""));
        all.add(() -> createPromotion());
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/promotions?status=" + segment() + "&q=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/promotions/" + segment(), null));
        all.add(() -> call(Api.marketer(), "PUT", "/api/v1/promotions/" + promotion, promotionBody(promotion)));
        all.add(() -> call(Api.marketer(), "DELETE", "/api/v1/promotions/" + segment(), null));
        for (String action : List.of("activate", "deactivate", "archive")) {
            all.add(() -> post(Api.marketer(), "/api/v1/promotions/" + pick(promotion, segment()) + "/" + action, () -> ""));
        }
        all.add(() -> clonePromotion(promotion));
        all.add(() -> createCode(promotion));
        all.add(() -> post(Api.marketer(), "/api/v1/promotions/" + pick(promotion, segment()) + "/code-batches", () -> """
                {"count": %s, "pattern": %s, "charset": %s, "maxUses": %s, "perCustomer": %s, "expiresAt": %s}"""
                .formatted(v("3"), v("\"FZ-####-####\""), v("null"), v("1"), v("null"), v("null"))));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/code-batches/" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/code-batches/" + segment() + "/codes.csv", null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/code-batches?promotionId=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/codes/" + segment(), null));
        all.add(() -> post(Api.marketer(), "/api/v1/codes/" + segment() + "/deactivate", () -> ""));
        all.add(this::uploadRuleFile);
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/rulesets/active", null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/rulesets/versions", null));
        all.add(() -> call(Api.admin(), "DELETE", "/api/v1/rulesets/files/" + segment(), null));
        // Never a version that exists: activating one would change what every other test evaluates against.
        all.add(() -> post(Api.admin(), "/api/v1/rulesets/versions/" + pick("99999999999", segment()) + "/activate", () -> ""));
        all.add(() -> post(Api.marketer(), "/api/v1/simulate", () -> "{\"ruleSet\": %s, \"carts\": [%s, %s]}"
                .formatted(v("\"active\""), checkoutBody(), checkoutBody())));
        // Blocks only on devices no other test uses, so that what the fuzzer blocks stops nothing else.
        all.add(() -> post(Api.admin(), "/api/v1/fraud/blocks", () -> "{\"type\": %s, \"value\": %s, \"until\": %s, \"reason\": %s}"
                .formatted(v("\"DEVICE\""), v("\"fz-device-" + random.nextInt(1000) + "\""), v("null"), v("null"))));
        all.add(() -> call(Api.admin(), "DELETE", "/api/v1/fraud/blocks/" + segment(), null));
        all.add(() -> call(Api.admin(), "GET", "/api/v1/fraud/events?from=" + segment() + "&type=" + segment() + "&value=" + segment()
                + "&limit=" + segment() + "&before=" + segment(), null));
        all.add(() -> call(Api.admin(), "GET", "/api/v1/fraud/patterns?from=" + segment() + "&to=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/promotions?from=" + segment() + "&to=" + segment()
                + "&timeZone=" + segment() + "&currency=" + segment() + "&after=" + segment() + "&limit=" + segment()
                + "&format=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/promotions/" + pick(promotion, segment()) + "?interval="
                + segment() + "&from=" + segment() + "&timeZone=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/codes/" + segment() + "?to=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/campaigns/" + segment() + "?interval=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/channels?limit=" + segment() + "&format=" + segment(), null));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/analytics/compare?promotions=" + segment() + "&campaigns="
                + segment() + "&from=" + segment(), null));
        // Webhooks never registered for real (an ftp URL): a receiver left behind would be sent every later test's events.
        all.add(() -> post(Api.admin(), "/api/v1/webhooks", () -> "{\"url\": %s, \"events\": [%s], \"secret\": %s}"
                .formatted(v("\"ftp://127.0.0.1/fuzz\""), v("\"order.placed\""), v("\"fuzz-secret-0123456789\""))));
        all.add(() -> call(Api.admin(), "GET", "/api/v1/webhooks/" + segment() + "/deliveries?limit=" + segment() + "&before=" + segment(), null));
        all.add(() -> call(Api.admin(), "DELETE", "/api/v1/webhooks/" + segment(), null));
        // Stock only of SKUs no other test gives away.
        all.add(() -> call(Api.marketer(), "PUT", "/api/v1/inventory", "{\"items\": [{\"sku\": %s, \"available\": %s}, %s]}"
                .formatted(v("\"fz-gift-" + random.nextInt(1000) + "\""), v("3"), v("{\"sku\": \"fz-gift-x\", \"available\": 0}"))));
        all.add(() -> call(Api.marketer(), "GET", "/api/v1/inventory/" + segment(), null));
        return all;
    }

    private void placeOrder() {
        String orderId = "fz-" + random.nextLong();
        String body = checkoutBody();
        body = "{\"orderId\": " + v("\"" + orderId + "\"") + ", \"expectedTotal\": " + v("null") + ", " + body.substring(1);
        Response answer = post(Api.checkout(), "/api/v1/orders", body);
        if (answer.statusCode() >= 400 && answer.statusCode() != 409) {
            // Refused: nothing was recorded under the order id it would have had
            check(Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel"), 404);
        }
    }

    private void createPromotion() {
        String id = "fz-" + Long.toHexString(random.nextLong());
        Response answer = post(Api.marketer(), "/api/v1/promotions", promotionBody(id));
        if (answer.statusCode() == 201) created.add(answer.jsonPath().getString("id"));
        else check(Api.marketer().when().get("/api/v1/promotions/" + id), 404);
    }

    private void clonePromotion(String promotion) {
        String id = "fz-" + Long.toHexString(random.nextLong());
        Response answer = post(Api.marketer(), "/api/v1/promotions/" + promotion + "/clone", "{\"id\": %s, \"name\": %s}".formatted(v("\"" + id + "\""), v("null")));
        if (answer.statusCode() == 201) created.add(answer.jsonPath().getString("id"));
        else check(Api.marketer().when().get("/api/v1/promotions/" + id), 404);
    }

    private void createCode(String promotion) {
        String code = "FZ" + Long.toHexString(random.nextLong()).toUpperCase();
        String slot = v("\"" + code + "\"");
        Response answer = post(Api.marketer(), "/api/v1/promotions/" + promotion + "/codes", """
                {"code": %s, "maxUses": %s, "perCustomer": %s, "customerId": %s, "email": %s, "startsAt": %s, "expiresAt": %s}"""
                .formatted(slot, v("10"), v("null"), v("null"), v("null"), v("null"), v("null")));
        if (answer.statusCode() >= 400) check(Api.marketer().when().get("/api/v1/codes/{code}", code), 404);
    }

    private void uploadRuleFile() {
        // Mostly names refused before any compiling: a dry run of a well-named file compiles the whole rule set.
        String name = random.nextInt(10) == 0 ? "fuzz-" + random.nextInt(1000) + ".csv" : hostileText.next(random).value();
        byte[] content = new byte[random.nextInt(200)];
        random.nextBytes(content);
        // Always a dry run: an upload that compiled would change the rule set every other test evaluates against.
        RequestSpecification request = Api.admin().contentType("multipart/form-data").multiPart("file", "upload.csv", content)
                .multiPart("name", name.length() > 2000 ? name.substring(0, 2000) : name);
        check(request.when().post("/api/v1/rulesets?dryRun=true"), -1);
    }

    private String checkoutBody() {
        String line = """
                {"id": %s, "sku": %s, "productId": %s, "name": %s, "categories": [%s], "brand": %s, "tags": [%s],
                 "quantity": %s, "unitPrice": %s, "taxRate": %s, "unitCost": %s, "floorPrice": %s, "onSale": %s, "discountable": %s,
                 "inStock": %s, "availableQuantity": %s}"""
                .formatted(v("\"l1\""), v("\"SKU-1\""), v("null"), v("\"Mug\""), v("\"kitchen\""), v("null"), v("\"new\""),
                        v("2"), v("\"12.50\""), v("\"0.08\""), v("null"), v("null"), v("false"), v("true"), v("true"), v("null"));
        return """
                {"cart": {"id": %s, "currency": %s, "pricesIncludeTax": %s, "lines": [%s],
                  "shipping": {"method": %s, "price": %s, "country": %s, "region": %s, "taxRate": %s}},
                 "customer": {"id": %s, "email": %s, "segments": [%s], "country": %s, "orderCount": %s, "birthday": %s,
                              "attributes": {"tier": %s}},
                 "codes": [%s], "context": {"channel": "%s", "ip": %s, "source": %s, "campaign": %s}}"""
                .formatted(v("\"cart-1\""), v("\"USD\""), v("false"), line, v("\"standard\""), v("\"5.00\""), v("\"US\""), v("null"),
                        v("\"0\""), v("\"u-1\""), v("\"ann@example.com\""), v("\"gold\""), v("\"US\""), v("null"), v("\"04-17\""),
                        v("\"gold\""), v("\"SAVE10\""),
                        shop.channel, v("\"203.0.113.9\""), v("null"), v("null"));
    }

    /** A promotion that can never apply on its own: a code trigger, off, and limited to this test's channel. */
    private String promotionBody(String id) {
        return """
                {"id": %s, "name": %s, "status": "INACTIVE", "trigger": "CODE", "priority": %s, "exclusive": %s,
                 "conditions": {"minSubtotal": %s, "minQuantity": %s, "customerSegments": [%s], "channels": ["%s"], "countries": [%s],
                                "minLifetimeSpend": %s, "birthdayWithinDays": %s},
                 "reward": {"type": %s, "value": %s, "target": %s, "items": {"skus": [%s], "categories": [%s], "excludeBrands": [%s]},
                  "maxQuantity": %s, "maxAmount": %s, "bundleQuantity": %s, "buy": {"quantity": %s}, "get": {"quantity": %s, "amountOff": %s},
                  "maxApplications": %s, "basis": %s, "tiers": [{"min": %s, "value": %s}], "gift": {"sku": %s, "quantity": %s}},
                 "schedule": {"startsAt": %s, "endsAt": %s, "timeZone": %s},
                 "limits": {"totalUses": %s, "perCustomer": %s, "budget": %s}, "campaign": %s, "holdout": {"percent": %s}}"""
                .formatted(v("\"" + id + "\""), v("\"Fuzz\""), v("0"), v("false"), v("null"), v("null"), v("\"gold\""), shop.channel,
                        v("\"US\""), v("null"), v("7"), v("\"PERCENT_OFF\""), v("10"), v("\"ITEMS\""), v("\"SKU-1\""), v("\"kitchen\""), v("\"luxe\""),
                        v("null"), v("null"), v("null"), v("2"), v("1"), v("null"), v("null"), v("\"QUANTITY\""), v("2"), v("5"),
                        v("\"TOTE-1\""), v("1"), v("null"), v("null"), v("\"UTC\""), v("null"), v("null"), v("\"100.00\""), v("null"), v("10"));
    }

    /** The usual value of a slot, or (a third of the time) a hostile one; very rarely a 1 MB string. */
    private String v(String usual) {
        if (random.nextInt(5000) == 0) return MEGABYTE;
        return random.nextInt(3) == 0 ? hostile.next(random).value() : usual;
    }

    private String segment() {
        return hostileSegment.next(random).value();
    }

    private String pick(String usual, String other) {
        return random.nextBoolean() ? usual : other;
    }

    private Response post(RequestSpecification request, String path, Supplier<String> body) {
        return post(request, path, body.get());
    }

    private Response post(RequestSpecification request, String path, String body) {
        return call(request, "POST", path, maybeCutOff(body));
    }

    /** One body in twenty is cut off somewhere: malformed JSON. */
    private String maybeCutOff(String body) {
        return body.isEmpty() || random.nextInt(20) != 0 ? body : body.substring(0, random.nextInt(body.length()));
    }

    private Response call(RequestSpecification request, String method, String path, String body) {
        RequestSpecification spec = request.urlEncodingEnabled(false);
        if (body != null) spec = spec.body(body.getBytes(StandardCharsets.UTF_8));
        return check(spec.request(method, path), -1);
    }

    private Response check(Response answer, int expected) {
        requests++;
        int status = answer.statusCode();
        byte[] body = answer.asByteArray();
        String where = "(seed " + seed + ", request " + requests + ")";
        assertThat(status).as("status " + where).isLessThan(500);
        if (expected > 0) assertThat(status).as("status " + where).isEqualTo(expected);
        assertThat(body.length).as("answer size " + where).isLessThanOrEqualTo(MAX_ANSWER_BYTES);
        if (status >= 400) {
            assertThat(body.length).as("error size " + where).isLessThanOrEqualTo(MAX_ERROR_BYTES);
            assertThat(answer.contentType()).as("error content type " + where).startsWith("application/json");
            assertThat(new JsonPath(new String(body, StandardCharsets.UTF_8)).getString("error")).as("error code " + where).isNotBlank();
        }
        return answer;
    }

    private int promotionCount() {
        return Api.marketer().when().get("/api/v1/promotions").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static Arbitrary<String> texts(Arbitrary<String> strings) {
        return strings.map(HttpFuzzTest::jsonString);
    }

    /** A JSON string literal that carries every character, lone surrogates too, as an escape where needed. */
    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        return json.append('"').toString();
    }
}
