package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.util.List;

import static kupon.rules.decisiontable.Tables.errors;
import static kupon.rules.decisiontable.Tables.located;
import static kupon.rules.decisiontable.Tables.tiers;
import static kupon.rules.decisiontable.Tables.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stray quote in a cell is DRL injection: Drools pastes cell text into the code of its column.
 * Kupon refuses such a cell, at the cell, before anything is compiled.
 */
class DecisionTableInjectionTest {

    private static final String BREAK_OUT = "\"); System.exit(1); (\"";

    @Test
    void aQuoteThatWouldBreakOutOfTheNameIsAnErrorAtItsCell() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("E12", BREAK_OUT)));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("tiers.xlsx");
            assertThat(e.sheet()).isEqualTo("Tiers");
            assertThat(e.cell()).isEqualTo("E12");
            assertThat(e.line()).isNull();
            assertThat(e.message()).contains("quotes, backslashes, semicolons");
        });
    }

    @Test
    void withoutTheChecksTheSameCellWouldHaveBecomeCode() {
        // What Drools' spreadsheet compiler alone makes of that cell: a call to System.exit in the consequence.
        String drl = new SpreadsheetCompiler().compile(
                new ByteArrayInputStream(Workbooks.xlsx(tiers().set("E12", BREAK_OUT))), InputType.XLS);
        assertThat(drl).contains(".name(\"\"); System.exit(1); (\"\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "paper\") || true || (\"",
            "paper\"",
            "\\u0022) || true || (\\u0022",
            "paper\\",
            "paper; x",
            "paper\nend",
            "${paper}",
            "paper), eval(true), Line(sku == \"x\""})
    void aConditionCellCannotBecomeCode(String cell) {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("B11", cell)));
        assertThat(located(errors)).containsExactly("Tiers!B11");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            BREAK_OUT,
            "\\u0022); System.exit(1); (\\u0022",
            "Paper\\\"",
            "Paper; 5% off",
            "Paper { 5% }",
            "Paper // 5%",
            "Paper\r\nrule x"})
    void aTextCellCannotBecomeCode(String cell) {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("E11", cell)));
        assertThat(located(errors)).containsExactly("Tiers!E11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10); System.exit(1", "5 || true", "0x10", "1e3", "-5", "010"})
    void aNumberCellHoldsOnlyANumber(String cell) {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("C11", cell)));
        assertThat(located(errors)).containsExactly("Tiers!C11");
    }

    @Test
    void aPromotionIdCannotCarryCode() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("D11", "paper-10\").exclusive(); (\"x")));
        assertThat(located(errors)).containsExactly("Tiers!D11");
    }

    @Test
    void aNameColumnCellCannotBreakOutOfTheRuleName() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("A11", "x\" when then System.exit(1); end rule \"y")));
        assertThat(located(errors)).containsExactly("Tiers!A11");
    }

    @Test
    void aCsvCellIsRefusedTheSameWay() {
        String csv = Tables.tiersCsv().replace(",paper,50,paper-50,Paper: 10% off,", ",paper,50,paper-50,\"\"\"); System.exit(1); (\"\"\",");
        List<RuleError> errors = errors(Tables.csv("tiers.csv", csv));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.sheet()).isNull();
            assertThat(e.cell()).isEqualTo("E12");
            assertThat(e.message()).contains("quotes");
        });
    }

    @Test
    void switchingOffEscapingOfQuotesIsNotAnOption() {
        List<RuleError> errors = errors(xlsx("tiers.xlsx", tiers().set("A4", "EscapeQuotes").set("B4", "false")));
        assertThat(located(errors)).containsExactly("Tiers!A4");
    }
}
