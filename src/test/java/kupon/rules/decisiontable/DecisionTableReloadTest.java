package kupon.rules.decisiontable;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Eventually;
import kupon.support.TestRulesFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Spreadsheets under rules/ are part of the rule set served, listed with their kind, and reloaded like DRL files. */
@QuarkusTest
class DecisionTableReloadTest {

    private static final Path MUG_TABLE = TestRulesFolder.ROOT.resolve("flash-tables/mugs.csv");
    private static final Path MUG_WORKBOOK = TestRulesFolder.ROOT.resolve("flash-tables/mugs.xlsx");
    private static final String MUG_CART = """
            {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "12.00"}]}}""";

    private static String mugTable(String amount) {
        return String.join("\n",
                "RuleSet,kupon.rules.tables.flash_mugs",
                "Import,kupon.rules.model.Line",
                "Variables,kupon.rules.api.Actions actions",
                "",
                "RuleTable Mugs",
                "CONDITION,ACTION,ACTION,ACTION",
                "$line : Line,,,",
                "\"sku == \"\"$param\"\"\",\"actions.promotion(\"\"$param\"\")\",\".name(\"\"$param\"\")\",\".amountOffEachItem(\"\"$param\"\").onLine($line);\"",
                "SKU,Promotion,Shown as,Off each unit",
                "MUG,mugs-table,Mugs on offer," + amount,
                "");
    }

    @AfterEach
    void restoreShippedRules() {
        TestRulesFolder.reset();
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
    }

    @Test
    void theActiveRuleSetListsTheShippedSpreadsheetsWithKindAndHash() {
        JsonPath active = Api.marketer().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().jsonPath();
        assertThat(active.getString("sources.find { it.name == 'tables/volume-tiers.xlsx' }.kind")).isEqualTo("XLSX");
        assertThat(active.getString("sources.find { it.name == 'tables/segment-grid.csv' }.kind")).isEqualTo("CSV");
        assertThat(active.getString("sources.find { it.name == 'tables/volume-tiers.xlsx' }.hash")).hasSize(64);
        assertThat(active.getString("sources.find { it.name == 'catalog/electronics-10.drl' }.kind")).isEqualTo("DRL");
    }

    @Test
    void aSpreadsheetAddedEditedAndDeletedChangesTheNextAnswers() throws IOException {
        Files.createDirectories(MUG_TABLE.getParent());
        Files.writeString(MUG_TABLE, mugTable("2.00"));
        JsonPath added = awaitEvaluation(r -> r.getList("applied.promotionId").contains("mugs-table"));
        assertThat(added.getString("discountTotal")).isEqualTo("4.00");
        assertThat(added.getString("applied[0].name")).isEqualTo("Mugs on offer");

        Files.writeString(MUG_TABLE, mugTable("3.50"));
        awaitEvaluation(r -> "7.00".equals(r.getString("discountTotal")));

        Files.delete(MUG_TABLE);
        awaitEvaluation(r -> r.getList("applied").isEmpty());
    }

    @Test
    void aWorkbookIsPickedUpToo() throws IOException {
        Files.createDirectories(MUG_WORKBOOK.getParent());
        Files.write(MUG_WORKBOOK, Workbooks.xlsx(new Workbooks.SheetSpec("Mugs")
                .row("RuleSet", "kupon.rules.tables.flash_mug_workbook")
                .row("Import", "kupon.rules.model.Line")
                .row("Variables", "kupon.rules.api.Actions actions")
                .row()
                .row("RuleTable Mugs")
                .row("CONDITION", "ACTION", "ACTION")
                .row("$line : Line")
                .row("sku == \"$param\"", "actions.promotion(\"$param\")", ".percentOffItems($param).onLine($line);")
                .row("SKU", "Promotion", "% off")
                .row("MUG", "mugs-workbook", 25)));
        JsonPath answer = awaitEvaluation(r -> r.getList("applied.promotionId").contains("mugs-workbook"));
        assertThat(answer.getString("discountTotal")).isEqualTo("6.00");
    }

    @Test
    void aCellWithAQuoteIsReportedAtItsCellWhileThePreviousVersionKeepsServing() throws IOException {
        Files.createDirectories(MUG_TABLE.getParent());
        Files.writeString(MUG_TABLE, mugTable("2.00"));
        long working = awaitEvaluation(r -> r.getList("applied.promotionId").contains("mugs-table")).getLong("ruleSetVersion");

        Files.writeString(MUG_TABLE, mugTable("2.00").replace("Mugs on offer", "\"\"\"); System.exit(1); (\"\"\""));
        Api.admin().when().post("/api/v1/rulesets/reload")
                .then().statusCode(422)
                .body("error", equalTo("RULE_ERRORS"))
                .body("errors[0].file", equalTo("flash-tables/mugs.csv"))
                .body("errors[0].cell", equalTo("C10"))
                .body("errors[0]", not(hasKey("line")))
                .body("errors[0]", not(hasKey("sheet")));
        Api.marketer().when().get("/api/v1/rulesets/active")
                .then().statusCode(200)
                .body("version", equalTo((int) working))
                .body("lastError.errors.cell", hasItem("C10"));
        assertThat(evaluate().getString("discountTotal")).isEqualTo("4.00");

        Files.writeString(MUG_TABLE, mugTable("1.00"));
        awaitEvaluation(r -> "2.00".equals(r.getString("discountTotal")));
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("lastError", nullValue());
    }

    private static JsonPath evaluate() {
        return Api.checkout().body(MUG_CART).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitEvaluation(Predicate<JsonPath> expected) {
        return Eventually.answer(() -> evaluate(), expected, "rules folder change picked up");
    }
}
