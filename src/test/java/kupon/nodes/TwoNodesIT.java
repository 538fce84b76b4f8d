package kupon.nodes;

import kupon.support.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import kupon.database.EmbeddedDatabase;
import kupon.support.Race;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Kupon processes on two ports sharing one PostgreSQL, as behind a load balancer. */
class TwoNodesIT {

    private static final String CHECKOUT = "it-checkout";
    private static final String MARKETER = "it-marketer";
    private static EmbeddedDatabase database;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Map<String, String> env = new HashMap<>();
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-postgres-");
            Files.delete(dir);
            database = EmbeddedDatabase.start(dir, 0);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        }
        env.put("KUPON_CHECKOUT_KEYS", CHECKOUT);
        env.put("KUPON_MARKETER_KEYS", MARKETER);
        env.put("KUPON_ADMIN_KEYS", "it-admin");
        a = ServiceProcess.start("node-a", env);
        b = ServiceProcess.start("node-b", env);
    }

    @AfterAll
    static void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
        if (database != null) database.close();
    }

    @Test
    void aRuleFileUploadedThroughOneNodeIsLiveOnTheOther() {
        String sku = "NODE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String drl = """
                package kupon.rules.uploaded;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;
                rule "node-flash: 1.00 off"
                when
                    $line : Line( sku == "%s" )
                then
                    actions.promotion("node-flash").amountOffEachItem("1.00").onLine($line);
                end
                """.formatted(sku);
        RestAssured.given().baseUri("http://localhost").port(a.port).header("X-Api-Key", "it-admin")
                .multiPart("file", sku + ".drl", drl.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rulesets").then().statusCode(201);
        String cart = "{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku + "\", \"quantity\": 1, \"unitPrice\": \"5.00\"}]}}";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String discount = "";
        while (System.nanoTime() < deadline && !discount.equals("1.0")) {
            discount = RestAssured.given().baseUri("http://localhost").port(b.port).contentType(ContentType.JSON).header("X-Api-Key", CHECKOUT)
                    .body(cart).post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath().getString("discountTotal");
        }
        assertThat(discount).isEqualTo("1.0");
    }

    private static String order(String code, int i) {
        return """
                {"orderId": "two-nodes-%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]},
                 "customer": {"id": "u-%d"}, "codes": ["%s"]}""".formatted(UUID.randomUUID(), i, code);
    }

    @Test
    void aCodeLimitHoldsAcrossNodesAndAPromotionMadeOnOneIsLiveOnTheOther() {
        String promotion = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
        String code = "TWO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // Created through node A...
        RestAssured.given().baseUri("http://localhost").port(a.port).contentType(ContentType.JSON).header("X-Api-Key", MARKETER)
                .body("""
                        {"id": "%s", "name": "Ten off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}"""
                        .formatted(promotion))
                .post("/api/v1/promotions").then().statusCode(201);
        RestAssured.given().baseUri("http://localhost").port(a.port).contentType(ContentType.JSON).header("X-Api-Key", MARKETER)
                .body("{\"code\": \"" + code + "\", \"maxUses\": 10}")
                .post("/api/v1/promotions/" + promotion + "/codes").then().statusCode(201);

        // ...and live on node B, which learns of it by polling the catalog revision.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String answer = "";
        while (System.nanoTime() < deadline && !answer.contains("\"code\":\"" + code + "\"")) {
            answer = RestAssured.given().baseUri("http://localhost").port(b.port).contentType(ContentType.JSON).header("X-Api-Key", CHECKOUT)
                    .body(order(code, 0)).post("/api/v1/evaluate").then().statusCode(200).extract().asString();
            if (answer.contains("UNKNOWN_CODE") || answer.contains("INACTIVE")) ServiceProcess.sleep(100);
        }
        assertThat(answer).contains("\"applied\":[{\"promotionId\":\"" + promotion + "\"");

        // 60 orders at once, half through each node: exactly 10 get the code.
        List<Race.Answer> answers = new ArrayList<>();
        Thread viaB = new Thread(() -> answers.addAll(Race.post(b.uri("/api/v1/orders"), CHECKOUT, 30, i -> order(code, 100 + i))));
        viaB.start();
        List<Race.Answer> viaA = Race.post(a.uri("/api/v1/orders"), CHECKOUT, 30, i -> order(code, i));
        try {
            viaB.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.addAll(viaA);
        assertThat(answers).hasSize(60);
        assertThat(Race.count(answers, 201)).isEqualTo(10);
        assertThat(Race.count(answers, 409)).isEqualTo(50);
        int uses = RestAssured.given().baseUri("http://localhost").port(b.port).header("X-Api-Key", MARKETER)
                .get("/api/v1/codes/" + code).then().statusCode(200).extract().path("uses");
        assertThat(uses).isEqualTo(10);
    }
    private static io.restassured.response.Response evaluate(ServiceProcess node, String ip, String code) {
        return RestAssured.given().baseUri("http://localhost").port(node.port).contentType(ContentType.JSON).header("X-Api-Key", CHECKOUT)
                .body("""
                        {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]},
                         "codes": ["%s"], "context": {"ip": "%s"}}""".formatted(code, ip))
                .post("/api/v1/evaluate");
    }

    @Test
    void twentyUnknownCodesSpreadOverTwoNodesThrottleTheTwentyFirstOnEither() {
        String ip = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 20; i++) {
            evaluate(i % 2 == 0 ? a : b, ip, "GUESS" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(200)
                    .body("rejectedCodes[0].reason", org.hamcrest.Matchers.equalTo("UNKNOWN_CODE"));
        }
        evaluate(b, ip, "GUESS-21").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", org.hamcrest.Matchers.equalTo("TOO_MANY_CODE_ATTEMPTS"));
        // Node A counted only ten itself; the database's count is what throttles.
        evaluate(a, ip, "GUESS-22").then().statusCode(429);
    }

    @Test
    void aBlockAddedOnOneNodeRefusesCodesOnTheOtherWithinTwoSeconds() {
        String promotion = "blocks-" + UUID.randomUUID().toString().substring(0, 8);
        String code = "BLK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String ip = "192.0.2." + (1 + new java.util.Random().nextInt(250));
        RestAssured.given().baseUri("http://localhost").port(a.port).contentType(ContentType.JSON).header("X-Api-Key", MARKETER)
                .body("""
                        {"id": "%s", "name": "Five off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                        .formatted(promotion)).post("/api/v1/promotions").then().statusCode(201);
        RestAssured.given().baseUri("http://localhost").port(a.port).contentType(ContentType.JSON).header("X-Api-Key", MARKETER)
                .body("{\"code\": \"" + code + "\"}").post("/api/v1/promotions/" + promotion + "/codes").then().statusCode(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !evaluate(b, ip, code).asString().contains("\"applied\":[{")) ServiceProcess.sleep(100);

        RestAssured.given().baseUri("http://localhost").port(a.port).contentType(ContentType.JSON).header("X-Api-Key", "it-admin")
                .body("{\"type\": \"IP\", \"value\": \"" + ip + "\", \"reason\": \"test\"}")
                .post("/api/v1/fraud/blocks").then().statusCode(201);
        long blockedAt = System.nanoTime();
        String reason = "";
        while (!reason.equals("BLOCKED") && System.nanoTime() - blockedAt < Duration.ofSeconds(5).toNanos()) {
            reason = String.valueOf(evaluate(b, ip, code).then().statusCode(200).extract().jsonPath().getString("rejectedCodes[0].reason"));
        }
        assertThat(reason).isEqualTo("BLOCKED");
        assertThat(Duration.ofNanos(System.nanoTime() - blockedAt)).isLessThan(Duration.ofSeconds(2));
    }
}
