package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static kupon.rules.decisiontable.Tables.errors;
import static kupon.rules.decisiontable.Tables.tiers;
import static kupon.rules.decisiontable.Tables.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors the compiler finds in the DRL a table became are shown at the spreadsheet cell they come from. */
class DecisionTableErrorLocationTest {

    @Test
    void aRuleNameTakenByADrlFileIsReportedAtTheNameCell() {
        RuleSource drl = RuleSource.of("web/paper.drl", RuleSourceKind.DRL, """
                package kupon.rules.tables.test_tiers;
                import kupon.rules.model.*;
                global kupon.rules.api.Actions actions;

                rule "paper-10: 5% off 10 or more paper"
                when
                    Cart( )
                then
                end
                """.getBytes(StandardCharsets.UTF_8));
        List<RuleError> errors = errors(drl, xlsx("tables/tiers.xlsx", tiers()));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("tables/tiers.xlsx");
            assertThat(e.sheet()).isEqualTo("Tiers");
            assertThat(e.cell()).isEqualTo("A11");
            assertThat(e.message()).contains("Duplicate rule name");
        });
    }

    @Test
    void twoSpreadsheetsCannotShareARuleSet() {
        List<RuleError> errors = errors(xlsx("tables/a.xlsx", tiers()), xlsx("tables/b.xlsx", tiers()));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("tables/b.xlsx");
            assertThat(e.cell()).isEqualTo("B1");
            assertThat(e.message()).contains("already used by tables/a.xlsx");
        });
    }

    @Test
    void aPositionInTheGeneratedDrlLeadsToTheCellThatWroteIt() {
        DecisionTableConverter.Conversion.Converted table =
                (DecisionTableConverter.Conversion.Converted) DecisionTableConverter.convert(xlsx("tiers.xlsx", tiers()));
        List<String> lines = Arrays.asList(table.drl().split("\n", -1));
        int conditionLine = indexOf(lines, "$line : Line(categories contains \"paper\", quantity >= 50)");
        String condition = lines.get(conditionLine - 1);

        assertThat(cellAt(table, conditionLine, condition.indexOf("quantity") + 1)).isEqualTo("C12");
        assertThat(cellAt(table, conditionLine, condition.indexOf("categories") + 3)).isEqualTo("B12");
        assertThat(cellAt(table, conditionLine, 0)).isEqualTo("B12");
        assertThat(cellAt(table, indexOf(lines, ".name(\"Paper: 10% off\")"), 0)).isEqualTo("E12");
        assertThat(cellAt(table, indexOf(lines, "rule \"Tiers_12\""), 0)).isEqualTo("B12");
        assertThat(cellAt(table, indexOf(lines, "package kupon.rules.tables.test_tiers;"), 0)).isEqualTo("B1");
    }

    private static String cellAt(DecisionTableConverter.Conversion.Converted table, int line, int column) {
        RuleError located = table.cells().locate(new RuleError("tiers.xlsx", line, column, "some error"));
        assertThat(located.sheet()).isEqualTo("Tiers");
        assertThat(located.line()).isNull();
        return located.cell();
    }

    /** The 1-based line holding this text. */
    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) return i + 1;
        }
        throw new AssertionError("No line '" + text + "' in\n" + String.join("\n", lines));
    }
}
