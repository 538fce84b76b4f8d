package kupon.events;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Race;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks as a receiver sees them: CloudEvents signed as docs/events.md says, every committed order announced, in
 * order per subject even when the receiver fails at first, and a promotion's budget and usage limit announced once per
 * crossing however many orders race.
 */
@QuarkusTest
class WebhooksTest {

    private static final String SECRET = "kupon-test-secret-" + UUID.randomUUID();

    private final Scenario shop = new Scenario();
    private String webhook;
    private Receiver receiver;

    @AfterEach
    void close() {
        if (webhook != null) Api.admin().when().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        if (receiver != null) receiver.close();
        shop.close();
    }

    private void subscribe(Receiver to, String... events) {
        receiver = to;
        webhook = Api.admin().body(Map.of("url", to.url(), "events", List.of(events), "secret", SECRET))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", org.hamcrest.Matchers.nullValue()).extract().path("id");
    }

    /** Verifies a delivery exactly as docs/events.md tells a receiver to. */
    static boolean verify(String secret, String header, String body, Duration tolerance) throws Exception {
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > tolerance.toSeconds()) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), parts.get("v1").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSignatureOfTheDocumentedExampleIsTheOneOpensslComputes() {
        assertThat(Signature.header("kupon-example-secret-1", 1764806400, "{\"specversion\":\"1.0\",\"id\":\"e-1\"}"))
                .isEqualTo("t=1764806400,v1=81941ad6e69359edc8c9d59583287213227afb995f738cbd166d4aa58f9eecfd");
    }

    @Test
    void anOrderWithACodeIsAnnouncedSignedInOrderAndItsCancelAfterIt() throws Exception {
        subscribe(new Receiver(n -> 200), "order.placed", "code.redeemed", "order.cancelled");
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Five off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                .formatted(shop.id("five")));
        String code = "WH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotion + "/codes").then().statusCode(201);
        String orderId = "ord-" + UUID.randomUUID();
        Api.checkout().body(shop.checkout("""
                {"orderId": "%s", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "MUG", "quantity": 2, "unitPrice": "12.50"}]},
                 "customer": {"id": "ann"}, "codes": ["%s"]}""".formatted(orderId, code)))
                .when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);

        List<Receiver.Delivery> about = await(() -> receiver.accepted("order/" + orderId), 3);
        assertThat(about).extracting(d -> d.json().getString("type"))
                .containsExactly("order.placed", "code.redeemed", "order.cancelled");
        JsonPath placed = about.get(0).json();
        assertThat(placed.getString("specversion")).isEqualTo("1.0");
        assertThat(placed.getString("source")).isEqualTo("/kupon");
        assertThat(placed.getString("data.orderId")).isEqualTo(orderId);
        assertThat(placed.getString("data.total")).isEqualTo("20.0");
        assertThat(placed.getString("data.promotions[0].code")).isEqualTo(code);
        assertThat(about.get(1).json().getString("data.amount")).isEqualTo("5.0");
        assertThat(about.stream().map(d -> d.json().getString("id")).distinct()).hasSize(3);
        for (Receiver.Delivery d : about) {
            assertThat(d.contentType()).startsWith("application/cloudevents+json");
            assertThat(verify(SECRET, d.signature(), d.body(), Duration.ofMinutes(5))).as("signature of %s", d.body()).isTrue();
            assertThat(verify("another-secret-of-16", d.signature(), d.body(), Duration.ofMinutes(5))).isFalse();
            assertThat(verify(SECRET, d.signature(), d.body().replace(orderId, orderId + "x"), Duration.ofMinutes(5))).isFalse();
        }
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventRetriedAndStillInOrder() throws Exception {
        subscribe(new Receiver(n -> n < 2 ? 503 : 200), "order.placed", "order.cancelled");
        String orderId = "ord-" + UUID.randomUUID();
        Api.checkout().body(shop.checkout("""
                {"orderId": "%s", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "MUG", "quantity": 1, "unitPrice": "9.00"}]}}"""
                .formatted(orderId))).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);

        List<Receiver.Delivery> about = await(() -> receiver.accepted("order/" + orderId), 2);
        assertThat(about).extracting(d -> d.json().getString("type")).containsExactly("order.placed", "order.cancelled");
        // The cancel was never sent before the placed order was taken.
        List<String> sent = receiver.all().stream().filter(d -> d.body().contains(orderId)).map(d -> d.json().getString("type")).toList();
        assertThat(sent.indexOf("order.cancelled")).isGreaterThan(sent.lastIndexOf("order.placed"));
        // The log is written when the dispatcher's pass commits, just after the receiver took the event.
        assertThat(awaitDelivered(orderId)).containsEntry("type", "order.placed").containsEntry("attempts", 3).containsEntry("lastStatus", 200);
    }

    @Test
    void aRedirectIsNotFollowedButRetriedAtTheRegisteredUrl() throws Exception {
        subscribe(new Receiver(n -> n == 0 ? 307 : 200), "order.placed");
        String orderId = placeOrder();

        List<Receiver.Delivery> about = await(() -> receiver.accepted("order/" + orderId), 1);
        assertThat(receiver.followed()).isEmpty();
        assertThat(receiver.all()).extracting(Receiver.Delivery::answered).startsWith(307);
        assertThat(awaitDelivered(orderId)).containsEntry("attempts", 2).containsEntry("lastStatus", 200);
        assertThat(about).hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerWithinTheTimeoutIsCutOffAndTriedAgain() throws Exception {
        // The first answer would take 15 s; the delivery timeout is 5 s, and the next try 1 s after that.
        subscribe(new Receiver(n -> 200, n -> n == 0 ? 15_000 : 0), "order.placed");
        String orderId = placeOrder();

        List<Receiver.Delivery> arrivals = await(() -> receiver.all().stream()
                .filter(d -> ("order/" + orderId).equals(d.json().getString("subject"))).toList(), 2);
        assertThat(arrivals.get(0).json().getString("id")).isEqualTo(arrivals.get(1).json().getString("id"));
        assertThat(Duration.between(arrivals.get(0).arrived(), arrivals.get(1).arrived())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(12));
        Map<String, Object> delivery = awaitDelivered(orderId);
        assertThat(delivery).containsEntry("attempts", 2).containsEntry("lastStatus", 200);
    }

    @Test
    void anHttpsReceiverWithAnUntrustedCertificateGetsNothing() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try {
            // A self-signed certificate for localhost, made by the JDK's keytool: no CA the JVM trusts signed it.
            java.nio.file.Path keystore = java.nio.file.Files.createTempDirectory("kupon-tls-").resolve("receiver.p12");
            Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                    .redirectErrorStream(true).start();
            assertThat(keytool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && keytool.exitValue() == 0)
                    .as("keytool made " + keystore).isTrue();
            io.vertx.core.http.HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setSsl(true)
                            .setKeyCertOptions(new io.vertx.core.net.PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                    .requestHandler(request -> {
                        requests.incrementAndGet();
                        request.response().setStatusCode(200).end();
                    })
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            webhook = Api.admin().body(Map.of("url", "https://localhost:" + server.actualPort() + "/hook", "events", List.of("order.placed"),
                    "secret", SECRET)).when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String orderId = placeOrder();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Map<String, Object> delivery = deliveryOf(orderId);
            while ((delivery == null || delivery.get("lastError") == null) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                delivery = deliveryOf(orderId);
            }
            assertThat(delivery).as("a failed attempt in the log").isNotNull().containsEntry("status", "PENDING");
            assertThat((String) delivery.get("lastError")).containsIgnoringCase("ssl");
            assertThat(requests).hasValue(0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private String placeOrder() {
        String orderId = "ord-" + UUID.randomUUID();
        Api.checkout().body(shop.checkout("""
                {"orderId": "%s", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "MUG", "quantity": 1, "unitPrice": "9.00"}]}}"""
                .formatted(orderId))).when().post("/api/v1/orders").then().statusCode(201);
        return orderId;
    }

    /** The delivery of an order's {@code order.placed} as the webhook's delivery log shows it. */
    private Map<String, Object> deliveryOf(String orderId) {
        JsonPath log = Api.admin().when().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
        return log.getMap("find { it.subject == 'order/" + orderId + "' && it.type == 'order.placed' }");
    }

    /** That delivery once the log says DELIVERED, waiting up to 20 s. */
    private Map<String, Object> awaitDelivered(String orderId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> delivery = deliveryOf(orderId);
        while ((delivery == null || !"DELIVERED".equals(delivery.get("status"))) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            delivery = deliveryOf(orderId);
        }
        assertThat(delivery).as("the delivery log within 20 s").isNotNull().containsEntry("status", "DELIVERED");
        return delivery;
    }

    @Test
    void aBudgetCrossesFivePercentAndRunsOutOnceHoweverManyOrdersRace() throws Exception {
        subscribe(new Receiver(n -> 200), "promotion.budget_low", "promotion.budget_exhausted", "promotion.usage_limit_reached");
        String budgeted = shop.promotion("""
                {"id": "%s", "name": "7 off while 100.00 last", "reward": {"type": "AMOUNT_OFF", "value": "7.00", "target": "ORDER"},
                 "limits": {"budget": "100.00"}}""".formatted(shop.id("budget")));
        race(20);
        List<Receiver.Delivery> about = await(() -> receiver.accepted("promotion/" + budgeted), 2);
        Thread.sleep(1000);
        assertThat(receiver.accepted("promotion/" + budgeted)).extracting(d -> d.json().getString("type"))
                .containsExactly("promotion.budget_low", "promotion.budget_exhausted");
        assertThat(about.get(0).json().getString("data.remaining")).isEqualTo("2.0");
        assertThat(about.get(1).json().getString("data.remaining")).isEqualTo("0.0");
    }

    @Test
    void theLastUseOfAPromotionIsAnnouncedOnceHoweverManyOrdersRace() throws Exception {
        subscribe(new Receiver(n -> 200), "promotion.usage_limit_reached");
        String limited = shop.promotion("""
                {"id": "%s", "name": "First five orders: 1 off", "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"},
                 "limits": {"totalUses": 5}}""".formatted(shop.id("five-uses")));
        race(12);
        await(() -> receiver.accepted("promotion/" + limited), 1);
        Thread.sleep(1000);
        assertThat(receiver.accepted("promotion/" + limited)).singleElement()
                .satisfies(d -> assertThat(d.json().getInt("data.uses")).isEqualTo(5));
    }

    @Test
    void aBlockACompletedCodeBatchAndANewRuleSetVersionAreAnnounced() throws Exception {
        subscribe(new Receiver(n -> 200), "fraud.blocked", "code_batch.completed", "ruleset.activated");
        String device = "wh-device-" + UUID.randomUUID();
        String block = Api.admin().body(Map.of("type", "DEVICE", "value", device, "reason", "test"))
                .when().post("/api/v1/fraud/blocks").then().statusCode(201).extract().path("id");
        assertThat(await(() -> receiver.accepted("block/" + block), 1).get(0).json().getString("data.value")).isEqualTo(device);
        Api.admin().when().delete("/api/v1/fraud/blocks/" + block).then().statusCode(204);

        String promotion = shop.promotion("""
                {"id": "%s", "name": "Batch", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"}}"""
                .formatted(shop.id("batch")));
        String batch = Api.marketer().body("{\"count\": 25, \"pattern\": \"WB-####-####\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches").then().statusCode(202).extract().path("batchId");
        JsonPath completed = await(() -> receiver.accepted("batch/" + batch), 1).get(0).json();
        assertThat(completed.getString("type")).isEqualTo("code_batch.completed");
        assertThat(completed.getInt("data.codes")).isEqualTo(25);
        assertThat(completed.getString("data.promotionId")).isEqualTo(promotion);

        // Creating the promotion made a new rule set version: it was announced with its number and cause.
        List<Receiver.Delivery> versions = await(() -> receiver.accepted("ruleset"), 1);
        List<Integer> recorded = Api.marketer().when().get("/api/v1/rulesets/versions").then().statusCode(200)
                .extract().jsonPath().getList("version");
        assertThat(versions).allSatisfy(d -> {
            assertThat(d.json().getString("type")).isEqualTo("ruleset.activated");
            assertThat(recorded).contains(d.json().getInt("data.version"));
        });
        assertThat(versions).anySatisfy(d -> assertThat(d.json().getString("data.cause")).isEqualTo("PROMOTIONS"));
    }

    @Test
    void badRegistrationsAreRefusedAtTheirField() {
        Api.admin().body(Map.of("url", "ftp://example.com/x", "events", List.of("order.placed"), "secret", SECRET))
                .when().post("/api/v1/webhooks").then().statusCode(422).body("details[0].path", equalTo("url"));
        Api.admin().body(Map.of("url", "https://example.com/x", "events", List.of("order.shipped"), "secret", SECRET))
                .when().post("/api/v1/webhooks").then().statusCode(422).body("details[0].path", equalTo("events[0]"));
        Api.admin().body(Map.of("url", "https://example.com/x", "events", List.of("order.placed"), "secret", "short"))
                .when().post("/api/v1/webhooks").then().statusCode(422).body("details[0].path", equalTo("secret"));
        Api.marketer().body(Map.of("url", "https://example.com/x", "events", List.of("order.placed"), "secret", SECRET))
                .when().post("/api/v1/webhooks").then().statusCode(403);
        Api.admin().when().get("/api/v1/webhooks/wh-none/deliveries").then().statusCode(404);
        Api.admin().when().delete("/api/v1/webhooks/wh-none").then().statusCode(404);
    }

    private void race(int orders) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Race.post("/api/v1/orders", Api.CHECKOUT_KEY, orders, i -> shop.checkout("""
                {"orderId": "race-%s-%d", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]},
                 "customer": {"id": "shopper-%d"}}""".formatted(run, i, i)));
    }

    /** The deliveries about a subject once there are at least {@code count}, waiting up to 20 s. */
    private static List<Receiver.Delivery> await(Supplier<List<Receiver.Delivery>> ask, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Receiver.Delivery> last = ask.get();
        while (last.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = ask.get();
        }
        assertThat(last).as("deliveries within 20 s").hasSizeGreaterThanOrEqualTo(count);
        return last;
    }
}
