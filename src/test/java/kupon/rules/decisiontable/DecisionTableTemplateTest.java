package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kupon.rules.decisiontable.Tables.csv;
import static kupon.rules.decisiontable.Tables.errors;
import static kupon.rules.decisiontable.Tables.located;
import static kupon.rules.decisiontable.Tables.tiers;
import static kupon.rules.decisiontable.Tables.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision table is only accepted when its header rows match the template Kupon knows; every
 * departure is reported at its cell, all at once, before anything is compiled.
 */
class DecisionTableTemplateTest {

    @Test
    void aTableWithinTheTemplateCompilesAsXlsxAndAsCsv() {
        assertThat(Tables.compiled(xlsx("tiers.xlsx", tiers())).declaresActions()).isTrue();
        assertThat(Tables.compiled(csv("tiers.csv", Tables.tiersCsv())).declaresActions()).isTrue();
    }

    @Test
    void keywordRowsOutsideTheTemplateAreEachReportedAtTheirCell() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers()
                .set("B1", "com.example.rules")
                .set("B2", "kupon.rules.model.*, java.lang.System")
                .set("B3", "java.lang.Runtime runtime")
                .set("A4", "Functions").set("B4", "function void boom() { System.exit(1); }")
                .set("C9", "quantity >= $param || true")
                .set("F9", ".priority($param); System.exit(0)")));
        assertThat(located(errors)).containsExactly("Tiers!B1", "Tiers!B2", "Tiers!B3", "Tiers!A4", "Tiers!C9", "Tiers!F9");
        assertThat(errors).allSatisfy(e -> assertThat(e.file()).isEqualTo("tiers.xlsx"));
        assertThat(errors.get(0).message()).contains("kupon.rules.tables.<name>");
        assertThat(errors.get(1).message()).contains("java.lang.System");
        assertThat(errors.get(2).message()).contains("kupon.rules.api.Actions actions");
        assertThat(errors.get(3).message()).contains("only RuleSet, Import, Variables and Notes");
        assertThat(errors.get(4).message()).contains("not a constraint Kupon accepts on Line").contains("quantity >= $param");
        assertThat(errors.get(5).message()).contains("not an action Kupon accepts");
    }

    @Test
    void factsColumnKindsAndActionsOutsideTheTemplateAreRefused() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers()
                .set("B8", "java.io.File")
                .set("D8", "actions")
                .set("A7", "DESCRIPTION")));
        assertThat(located(errors)).containsExactly("Tiers!A7", "Tiers!B8", "Tiers!D8");
        assertThat(errors.get(0).message()).contains("write NAME, CONDITION or ACTION");
        assertThat(errors.get(1).message()).contains("not a fact Kupon accepts").contains("$line : Line");
        assertThat(errors.get(2).message()).contains("Leave this cell empty in an ACTION column");
    }

    @Test
    void theLastActionEndsTheStatementAndThePromotionComesFirst() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers()
                .set("D9", ".name(\"$param\")")
                .set("E9", "actions.promotion(\"$param\")")
                .set("G9", ".percentOffItems($param).onLine($line)")));
        assertThat(located(errors)).containsExactly("Tiers!D9", "Tiers!E9", "Tiers!G9");
        assertThat(errors.get(0).message()).contains("The first ACTION column must be actions.promotion");
        assertThat(errors.get(2).message()).contains("add ';'");
    }

    @Test
    void aConditionOnAFactThatIsNotImportedIsReportedWhereTheFactIsNamed() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("B2", "kupon.rules.model.Customer")));
        assertThat(located(errors)).containsExactly("Tiers!B8");
        assertThat(errors.get(0).message()).contains("Line is not imported");
    }

    @Test
    void valuesAreTypedByTheirColumn() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers()
                .set("C11", "ten")
                .set("F11", "high")
                .set("D12", "Paper 50")
                .set("G12", 150)));
        assertThat(located(errors)).containsExactly("Tiers!C11", "Tiers!F11", "Tiers!D12", "Tiers!G12");
        assertThat(errors.get(0).message()).isEqualTo("'ten' is not a whole number (e.g. 10)");
        assertThat(errors.get(2).message()).contains("is not a promotion id");
        assertThat(errors.get(3).message()).contains("percentage from 1 to 100");
    }

    @Test
    void everyRuleNamesItsPromotionAndItsReward() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("G11", null).set("D12", null)));
        assertThat(located(errors)).containsExactly("Tiers!G11", "Tiers!D12");
        assertThat(errors.get(1).message()).contains("(the promotion id)");
    }

    @Test
    void anActionOnTheMatchedLineNeedsAConditionOnTheLineInItsRow() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("B12", null).set("C12", null)));
        assertThat(located(errors)).containsExactly("Tiers!G12");
        assertThat(errors.get(0).message()).contains("$line : Line");
    }

    @Test
    void formulasAreRefusedAndATableOnAnotherSheetIsNotSilentlyIgnored() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx",
                tiers().set("G11", "=2+3"),
                new Workbooks.SheetSpec("More").row("Notes", "more rules").row("RuleTable More")));
        assertThat(located(errors)).containsExactly("More!A2", "Tiers!G11");
        assertThat(errors.get(0).message()).contains("Only the first sheet");
        assertThat(errors.get(1).message()).contains("Formulas are not accepted");
    }

    @Test
    void onlyTheFirstSheetIsCompiled() {
        // Were the second sheet read, its imports would reach the DRL and the table would be refused.
        Tables.compiled(xlsx("tiers.xlsx", tiers(),
                new Workbooks.SheetSpec("Notes").row("Import", "java.lang.System").row("Variables", "java.lang.Runtime runtime")));
    }

    @Test
    void theBlankTemplateCompilesOnceARowIsFilledIn() {
        Workbooks.SheetSpec[] template = ShippedSpreadsheets.template();
        assertThat(located(errors(xlsx("template.xlsx", template)))).containsExactly("Table!A11");

        template[0].row("gold-paper: 10% off 10 or more paper for gold members", "loyalty-gold", "paper", 10, "gold-paper",
                "Gold: 10% off paper", 50, 10);
        assertThat(Tables.compiled(xlsx("template.xlsx", template)).declaresActions()).isTrue();
    }

    @Test
    void theRuleSetVariablesAndImportRowsAreRequired() {
        Workbooks.SheetSpec table = tiers().set("A1", null).set("B1", null).set("A2", null).set("B2", null)
                .set("A3", null).set("B3", null);
        List<RuleError> errors = errors(xlsx("tiers.xlsx", table));
        assertThat(errors).extracting(RuleError::sheet).containsOnly("Tiers");
        assertThat(errors).extracting(RuleError::cell).containsOnlyNulls();
        assertThat(errors).extracting(RuleError::message).anySatisfy(m -> assertThat(m).contains("RuleSet"))
                .anySatisfy(m -> assertThat(m).contains("Variables")).anySatisfy(m -> assertThat(m).contains("Import"));
    }

    @Test
    void aCsvTableIsCheckedTheSameWayAndLocatedByCell() {
        List<RuleError> errors = errors(csv("tiers.csv", Tables.tiersCsv()
                .replace("RuleSet,kupon.rules.tables.test_tiers", "RuleSet,org.acme")
                .replace(",paper,50,paper-50,", ",paper,fifty,paper-50,")));
        assertThat(errors).extracting(RuleError::cell).containsExactly("B1", "C12");
        assertThat(errors).extracting(RuleError::sheet).containsOnlyNulls();
        assertThat(errors).extracting(RuleError::line).containsOnlyNulls();
    }
}
