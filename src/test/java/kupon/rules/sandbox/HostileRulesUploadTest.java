package kupon.rules.sandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.TestRulesFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An attacker with a stolen admin key uploads hostile DRL, or drops it into rules/: every file is refused
 * with located errors, the rule set serving stays as it was, and nothing in the file ran.
 */
@QuarkusTest
class HostileRulesUploadTest {

    private static final String CART = """
            {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "SHOE", "name": "Shoe", "categories": ["shoes"],
                      "quantity": 1, "unitPrice": "10.00"}]}}""";

    private final Path markers = Path.of("target").toAbsolutePath().resolve("upload-markers-" + UUID.randomUUID());
    private final Path dropped = TestRulesFolder.ROOT.resolve("evil");

    static List<HostileRules.Payload> hostile() {
        return HostileRules.all();
    }

    @AfterEach
    void removeDroppedFiles() throws IOException {
        if (Files.exists(dropped)) {
            try (var files = Files.list(dropped)) {
                for (Path file : files.toList()) Files.delete(file);
            }
            Files.delete(dropped);
        }
        Api.admin().when().post("/api/v1/rulesets/reload");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void anUploadIsRefusedWithLocatedErrorsAndRunsNothing(HostileRules.Payload payload) throws IOException {
        Files.createDirectories(markers);
        String marker = markers.resolve("marker").toString();
        String property = "kupon.upload." + UUID.randomUUID();
        String drl = payload.drl().replace("@MARKER@", marker).replace("@PROPERTY@", property);
        int version = activeVersion();

        JsonPath refused = RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .multiPart("file", "evil.drl", drl.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", "evil.drl")
                .when().post("/api/v1/rulesets")
                .then().statusCode(422).body("error", equalTo("RULE_ERRORS"))
                .extract().jsonPath();

        List<Map<String, Object>> errors = refused.getList("errors");
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("file")).isEqualTo("uploaded/evil.drl");
            assertThat((Integer) e.get("line")).isPositive();
            assertThat((Integer) e.get("column")).isPositive();
        });
        // Checkout goes on with the same rule set, and an evaluation fires whatever is active: nothing hostile.
        Api.checkout().body(CART).when().post("/api/v1/evaluate").then().statusCode(200).body("ruleSetVersion", equalTo(version));
        assertThat(Path.of(marker)).doesNotExist();
        assertThat(System.getProperty(property)).isNull();
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("sources.name", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("uploaded/evil.drl")));
    }

    @Test
    void aHostileFileDroppedIntoTheRulesFolderIsRefusedTooAndTheRulesKeepServing() throws Exception {
        int version = activeVersion();
        String property = "kupon.folder." + UUID.randomUUID();
        Files.createDirectories(dropped);
        Files.writeString(dropped.resolve("exit.drl"), HostileRules.HEADER
                + "rule \"evil\" when Line( ) then System.setProperty(\"" + property + "\", \"x\"); end\n");

        JsonPath active = awaitLastError();
        assertThat(active.getList("lastError.errors.file", String.class)).contains("evil/exit.drl");
        assertThat(active.getInt("lastError.errors[0].line")).isEqualTo(5);
        assertThat(active.getInt("version")).isEqualTo(version);
        Api.checkout().body(CART).when().post("/api/v1/evaluate").then().statusCode(200).body("ruleSetVersion", equalTo(version));
        assertThat(System.getProperty(property)).isNull();

        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(422)
                .body("errors[0].file", equalTo("evil/exit.drl"));
    }

    private static int activeVersion() {
        return Api.marketer().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }

    private static JsonPath awaitLastError() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonPath active = Api.marketer().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().jsonPath();
            if (active.get("lastError") != null) return active;
            Thread.sleep(100);
        }
        throw new AssertionError("The rules folder was not reloaded within 20 s");
    }
}
