package kupon.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Rule files uploaded through the API: checked, compiled with everything else, versioned, rolled back, simulated. */
@QuarkusTest
class RuleSetUploadTest {

    private final String sku = "UP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String file = "flash-" + sku.toLowerCase() + ".drl";

    private String rule(String amount) {
        return """
                package kupon.rules.uploaded;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;

                rule "%s: %s off each"
                when
                    $line : Line( sku == "%s" )
                then
                    actions.promotion("%s").name("Flash").amountOffEachItem("%s").onLine($line);
                end
                """.formatted(sku.toLowerCase(), amount, sku, sku.toLowerCase(), amount);
    }

    private String cart() {
        return "{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku + "\", \"quantity\": 1, \"unitPrice\": \"10.00\"}]}}";
    }

    private static RequestSpecification upload(String key, String name, String content) {
        return RestAssured.given().header("Authorization", "Bearer " + key)
                .multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", name);
    }

    private BigDecimal discount() {
        return Api.checkout().body(cart()).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath().getObject("discountTotal", BigDecimal.class);
    }

    @AfterEach
    void cleanUp() {
        Api.admin().when().post("/api/v1/rulesets/reload");
        Api.admin().when().delete("/api/v1/rulesets/files/" + file);
    }

    @Test
    void anAdminUploadsDrlAndItIsLiveWithANewVersion() {
        int before = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
        upload(Api.ADMIN_KEY, file, rule("2.00")).when().post("/api/v1/rulesets")
                .then().statusCode(201)
                .body("version", greaterThan(before))
                .body("sources.name", hasItem("uploaded/" + file));
        assertThat(discount()).isEqualByComparingTo("2.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("sources.name", hasItem("uploaded/" + file));
        Api.marketer().when().get("/api/v1/rulesets/versions").then().statusCode(200)
                .body("[0].active", equalTo(true))
                .body("[0].sources.name", hasItem("uploaded/" + file));

        Api.admin().when().delete("/api/v1/rulesets/files/" + file).then().statusCode(200);
        assertThat(discount()).isEqualByComparingTo("0.00");
    }

    @Test
    void aMarketerUploadsASpreadsheetAndAnInjectedCellIsAnErrorAtItsCell() throws Exception {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of("rules/tables/segment-grid.csv"))
                .replace("kupon.rules.tables.segment_grid", "kupon.rules.tables.upload_" + sku.toLowerCase().replace("-", "_"))
                .replace("gold-paper", "up-" + sku.toLowerCase())
                .replace(",loyalty-gold,paper,", ",loyalty-gold," + sku.toLowerCase() + ",");
        String name = sku.toLowerCase() + ".csv";
        try {
            upload(Api.MARKETER_KEY, name, table.replace("Gold members: 10% off paper", "\"\"); System.exit(1); (\"\""))
                    .when().post("/api/v1/rulesets")
                    .then().statusCode(422)
                    .body("errors[0].file", equalTo("uploaded/" + name))
                    .body("errors[0].cell", notNullValue());
            upload(Api.MARKETER_KEY, name, table).when().post("/api/v1/rulesets")
                    .then().statusCode(201)
                    .body("sources.name", hasItem("uploaded/" + name));
            Api.checkout().body("""
                    {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "X", "categories": ["%s"], "quantity": 1, "unitPrice": "20.00"}]},
                     "customer": {"segments": ["loyalty-gold"]}}""".formatted(sku.toLowerCase()))
                    .when().post("/api/v1/evaluate").then().statusCode(200)
                    .body("discountTotal", equalTo(new BigDecimal("2.00")));
        } finally {
            Api.marketer().when().delete("/api/v1/rulesets/files/" + name).then().statusCode(200);
        }
    }

    @Test
    void marketersCannotUploadDrl() {
        upload(Api.MARKETER_KEY, file, rule("2.00")).when().post("/api/v1/rulesets")
                .then().statusCode(403).body("message", containsString("admin"));
        upload(Api.CHECKOUT_KEY, file, rule("2.00")).when().post("/api/v1/rulesets").then().statusCode(403);
    }

    @Test
    void aBrokenUploadIsRefusedWithLocatedErrorsAndNothingChanges() {
        upload(Api.ADMIN_KEY, file, rule("2.00").replace("Line(", "Lnie(")).when().post("/api/v1/rulesets")
                .then().statusCode(422)
                .body("errors[0].file", equalTo("uploaded/" + file))
                .body("errors[0].line", equalTo(7));
        upload(Api.ADMIN_KEY, file, rule("2.00").replace("actions.promotion", "System.exit(1); actions.promotion")).when().post("/api/v1/rulesets")
                .then().statusCode(422)
                .body("errors[0].line", equalTo(9))
                .body("errors[0].message", containsString("System"));
        assertThat(discount()).isEqualByComparingTo("0.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("sources.name", org.hamcrest.Matchers.not(hasItem("uploaded/" + file)));
    }

    @Test
    void aDryRunMakesADraftThatCanBeSimulatedWithoutGoingLive() {
        String draft = upload(Api.ADMIN_KEY, file, rule("3.00")).queryParam("dryRun", true).when().post("/api/v1/rulesets")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("draftId", notNullValue())
                .extract().path("draftId");
        assertThat(discount()).isEqualByComparingTo("0.00");

        Api.marketer().body("{\"ruleSet\": \"" + draft + "\", \"carts\": [" + cart() + "]}")
                .when().post("/api/v1/simulate")
                .then().statusCode(200)
                .body("carts[0].simulated.discountTotal", equalTo(new BigDecimal("3.00")))
                .body("carts[0].active.discountTotal", equalTo(new BigDecimal("0.00")))
                .body("carts[0].discountChange", equalTo(new BigDecimal("3.00")))
                .body("carts[0].promotionsAdded", hasItem(sku.toLowerCase()))
                .body("totals[0].discountChange", equalTo(new BigDecimal("3.00")));
        assertThat(discount()).isEqualByComparingTo("0.00");
    }

    @Test
    void rollingBackServesAnEarlierVersionsRuleFilesUntilReload() {
        upload(Api.ADMIN_KEY, file, rule("2.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        int withTwo = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
        upload(Api.ADMIN_KEY, file, rule("5.00")).when().post("/api/v1/rulesets").then().statusCode(201);
        assertThat(discount()).isEqualByComparingTo("5.00");

        // The rollback changes a DRL file: a marketer may not make it, an admin may.
        Api.marketer().when().post("/api/v1/rulesets/versions/" + withTwo + "/activate").then().statusCode(403)
                .body("error", equalTo("FORBIDDEN"));
        assertThat(discount()).isEqualByComparingTo("5.00");
        Api.admin().when().post("/api/v1/rulesets/versions/" + withTwo + "/activate").then().statusCode(200);
        assertThat(discount()).isEqualByComparingTo("2.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("pinnedToVersion", equalTo(withTwo));

        // Simulating the newest files against the rolled-back set shows what going forward again would do.
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
        assertThat(discount()).isEqualByComparingTo("5.00");
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("pinnedToVersion", nullValue());
        Api.marketer().when().post("/api/v1/rulesets/versions/999999/activate").then().statusCode(404);
    }

    @Test
    void aDryRunOfASpreadsheetShowsTheRuleEachRowBecame() {
        String table = "rows-" + sku.toLowerCase() + ".csv";
        String csv = String.join("\n",
                "RuleSet,kupon.rules.tables.rows_" + sku.toLowerCase().replace("-", "_"), "Import,kupon.rules.model.Line",
                "Variables,kupon.rules.api.Actions actions", "",
                "RuleTable Rows", "CONDITION,ACTION,ACTION", "$line : Line,,",
                "\"sku == \"\"$param\"\"\",\"actions.promotion(\"\"$param\"\")\",\".percentOffItems($param).onLine($line);\"",
                "SKU,Promotion,% off", sku + "-A," + sku.toLowerCase() + "-a,10", sku + "-B," + sku.toLowerCase() + "-b,15", "");
        upload(Api.MARKETER_KEY, table, csv).queryParam("dryRun", true).when().post("/api/v1/rulesets").then().statusCode(200)
                .body("generatedRules.size()", equalTo(2))
                .body("generatedRules[0].sheet", nullValue())
                .body("generatedRules[0].cell", equalTo("A10"))
                .body("generatedRules[0].drl", containsString("sku == \"" + sku + "-A\""))
                .body("generatedRules[0].drl", containsString("percentOffItems(10)"))
                .body("generatedRules[1].cell", equalTo("A11"))
                .body("generatedRules[1].drl", containsString("percentOffItems(15)"));
    }

    @Test
    void aMarketerRollsBackASpreadsheetOnTheirOwn() {
        String table = "grid-" + sku.toLowerCase() + ".csv";
        String ruleSet = "kupon.rules.tables.grid_" + sku.toLowerCase().replace("-", "_");
        java.util.function.IntFunction<String> grid = percent -> String.join("\n",
                "RuleSet," + ruleSet, "Import,kupon.rules.model.Line", "Variables,kupon.rules.api.Actions actions", "",
                "RuleTable Grid", "CONDITION,ACTION,ACTION", "$line : Line,,",
                "\"sku == \"\"$param\"\"\",\"actions.promotion(\"\"$param\"\")\",\".percentOffItems($param).onLine($line);\"",
                "SKU,Promotion,% off", sku + "," + sku.toLowerCase() + "-grid," + percent, "");
        try {
            upload(Api.MARKETER_KEY, table, grid.apply(10)).when().post("/api/v1/rulesets").then().statusCode(201);
            int withTen = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
            upload(Api.MARKETER_KEY, table, grid.apply(20)).when().post("/api/v1/rulesets").then().statusCode(201);
            assertThat(discount()).isEqualByComparingTo("2.00");

            Api.marketer().when().post("/api/v1/rulesets/versions/" + withTen + "/activate").then().statusCode(200);
            assertThat(discount()).isEqualByComparingTo("1.00");
        } finally {
            Api.admin().when().post("/api/v1/rulesets/reload");
            Api.marketer().when().delete("/api/v1/rulesets/files/" + table);
        }
    }
}
