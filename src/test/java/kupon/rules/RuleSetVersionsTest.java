package kupon.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import kupon.support.Eventually;
import kupon.support.TestRulesFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The version history: every version says who made it, why and what changed; a rollback says which version it
 * restores, a file saved on disk during a rollback is reported instead of ignored, and reload ends the rollback.
 */
@QuarkusTest
class RuleSetVersionsTest {

    private final String sku = "VH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String id = sku.toLowerCase();
    private final String file = id + ".drl";
    private final Path onDisk = TestRulesFolder.ROOT.resolve("history/" + id + ".drl");

    private String rule(String amount) {
        return """
                package kupon.rules.history;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;

                rule "%s: %s off"
                when
                    $line : Line( sku == "%s" )
                then
                    actions.promotion("%s").amountOffEachItem("%s").onLine($line);
                end
                """.formatted(id, amount, sku, id, amount);
    }

    private static RequestSpecification upload(String name, String content) {
        return RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", name);
    }

    private BigDecimal discount() {
        return Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku
                        + "\", \"quantity\": 1, \"unitPrice\": \"10.00\"}]}}")
                .when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath().getObject("discountTotal", BigDecimal.class);
    }

    private static Map<String, Object> newest() {
        return Api.marketer().when().get("/api/v1/rulesets/versions").then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    @AfterEach
    void cleanUp() throws IOException {
        Files.deleteIfExists(onDisk);
        Api.admin().when().post("/api/v1/rulesets/reload");
        Api.admin().when().delete("/api/v1/rulesets/files/" + file);
        Api.admin().when().delete("/api/v1/promotions/" + id);
    }

    @Test
    void eachVersionSaysWhoMadeItWhyAndWhatChanged() {
        upload(file, rule("1.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        Map<String, Object> added = newest();
        assertThat(added.get("cause")).isEqualTo("UPLOAD");
        assertThat((String) added.get("createdBy")).matches("admin \\(key [0-9a-f]{8}\\)");
        assertThat(added).extractingByKey("changes").asString().contains("filesAdded=[uploaded/" + file + "]");

        upload(file, rule("2.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        assertThat(newest()).extractingByKey("changes").asString()
                .contains("filesAdded=[]", "filesChanged=[uploaded/" + file + "]", "filesRemoved=[]");

        Api.admin().when().delete("/api/v1/rulesets/files/" + file).then().statusCode(200);
        Map<String, Object> removed = newest();
        assertThat(removed.get("cause")).isEqualTo("REMOVAL");
        assertThat(removed).extractingByKey("changes").asString().contains("filesRemoved=[uploaded/" + file + "]");

        Api.marketer().body("""
                {"id": "%s", "name": "History", "status": "ACTIVE", "trigger": "AUTOMATIC",
                 "reward": {"type": "PERCENT_OFF", "value": 5, "items": {"skus": ["%s"]}}}""".formatted(id, sku))
                .when().post("/api/v1/promotions").then().statusCode(201);
        Map<String, Object> promoted = newest();
        assertThat(promoted.get("cause")).isEqualTo("PROMOTIONS");
        assertThat(promoted).extractingByKey("changes").asString()
                .contains("filesAdded=[]", "promotionsAdded={count=1, ids=[" + id + "]}", "promotionsChanged={count=0");
    }

    @Test
    void aRollbackSaysWhatItRestoresReportsFilesSavedMeanwhileAndReloadEndsIt() throws IOException {
        upload(file, rule("2.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        int withTwo = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
        upload(file, rule("5.00")).when().post("/api/v1/rulesets").then().statusCode(201);

        int rolledBack = Api.admin().when().post("/api/v1/rulesets/versions/" + withTwo + "/activate").then().statusCode(200)
                .body("restores", equalTo(withTwo))
                .body("changed", equalTo(true))
                .extract().path("version");
        // Version numbers only grow: what priced an order stays identifiable, and the rollback is a version of its own.
        assertThat(rolledBack).isGreaterThan(withTwo);
        assertThat(newest()).containsEntry("cause", "ROLLBACK").containsEntry("restores", withTwo);
        assertThat(discount()).isEqualByComparingTo("2.00");

        // Saving a file in the rules folder while pinned: reported, not served.
        Files.createDirectories(onDisk.getParent());
        Files.writeString(onDisk, rule("1.00").replace("\"" + id + "\"", "\"" + id + "-disk\"").replace(id + ": ", id + "-disk: "));
        JsonPath active = Eventually.answer(() -> Api.marketer().when().get("/api/v1/rulesets/active").then().extract().jsonPath(),
                answer -> answer.getList("unservedChanges.file").contains("history/" + id + ".drl"), "the saved file reported");
        assertThat(active.getInt("pinnedToVersion")).isEqualTo(withTwo);
        assertThat(active.getList("unservedChanges", Map.class)).contains(Map.of("file", "history/" + id + ".drl", "change", "ADDED"));
        assertThat(active.getList("unservedChanges", Map.class)).contains(Map.of("file", "uploaded/" + file, "change", "CHANGED"));
        assertThat(discount()).isEqualByComparingTo("2.00");

        // Reload ends the rollback: the folder and the uploads serve as they are now (the 5.00 upload and the 1.00 file).
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200).body("endedRollbackTo", equalTo(withTwo));
        assertThat(discount()).isEqualByComparingTo("6.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then()
                .body("pinnedToVersion", nullValue())
                .body("unservedChanges", equalTo(List.of()));
        assertThat(newest()).containsEntry("cause", "RELOAD");
    }

    @Test
    void anUploadDuringARollbackEndsItLikeAReload() {
        upload(file, rule("2.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        int withTwo = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
        upload(file, rule("5.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        Api.admin().when().post("/api/v1/rulesets/versions/" + withTwo + "/activate").then().statusCode(200);

        upload(file, rule("3.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        assertThat(discount()).isEqualByComparingTo("3.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("pinnedToVersion", nullValue())
                .body("sources.name", hasItem("uploaded/" + file));
    }
}
