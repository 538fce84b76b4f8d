package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A small correct decision table to start tests from, and the real compiler to try variants on. */
final class Tables {

    private Tables() {
    }

    /**
     * Sheet "Tiers": rules in rows 11 and 12 (row 12 has no name, so its rule is "Tiers_12"); columns
     * A name, B category, C from units, D promotion, E shown as, F priority, G % off.
     */
    static Workbooks.SheetSpec tiers() {
        return new Workbooks.SheetSpec("Tiers")
                .row("RuleSet", "kupon.rules.tables.test_tiers")
                .row("Import", "kupon.rules.model.*")
                .row("Variables", "kupon.rules.api.Actions actions")
                .row("Notes", "Test tiers")
                .row()
                .row("RuleTable Tiers")
                .row("NAME", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION")
                .row(null, "$line : Line", null)
                .row(null, "categories contains \"$param\"", "quantity >= $param", "actions.promotion(\"$param\")",
                        ".name(\"$param\")", ".priority($param)", ".percentOffItems($param).onLine($line);")
                .row("Rule", "Category", "From units", "Promotion", "Shown as", "Priority", "% off")
                .row("paper-10: 5% off 10 or more paper", "paper", 10, "paper-10", "Paper: 5% off", 10, 5)
                .row(null, "paper", 50, "paper-50", "Paper: 10% off", 10, 10)
                .merge("B8:C8");
    }

    /** The same table as a CSV file. */
    static String tiersCsv() {
        return String.join("\n",
                "RuleSet,kupon.rules.tables.test_tiers",
                "Import,kupon.rules.model.*",
                "Variables,kupon.rules.api.Actions actions",
                "Notes,Test tiers",
                "",
                "RuleTable Tiers",
                "NAME,CONDITION,CONDITION,ACTION,ACTION,ACTION,ACTION",
                ",$line : Line...,$line : Line...,,,,",
                ",\"categories contains \"\"$param\"\"\",quantity >= $param,\"actions.promotion(\"\"$param\"\")\","
                        + "\".name(\"\"$param\"\")\",.priority($param),.percentOffItems($param).onLine($line);",
                "Rule,Category,From units,Promotion,Shown as,Priority,% off",
                "paper-10: 5% off 10 or more paper,paper,10,paper-10,Paper: 5% off,10,5",
                ",paper,50,paper-50,Paper: 10% off,10,10",
                "");
    }

    static RuleSource xlsx(String name, Workbooks.SheetSpec... sheets) {
        return RuleSource.of(name, RuleSourceKind.XLSX, Workbooks.xlsx(sheets));
    }

    static RuleSource csv(String name, String text) {
        return RuleSource.of(name, RuleSourceKind.CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Compiles with the real compiler and expects it to fail; the errors it gives. */
    static List<RuleError> errors(RuleSource... sources) {
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(List.of(sources));
        assertThat(outcome).as("compile outcome").isInstanceOf(RuleSetCompiler.Outcome.Failed.class);
        return ((RuleSetCompiler.Outcome.Failed) outcome).errors();
    }

    /** Compiles with the real compiler and expects a rule set. */
    static RuleSetCompiler.Outcome.Compiled compiled(RuleSource... sources) {
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(List.of(sources));
        assertThat(outcome).as("compile outcome: %s", outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        return (RuleSetCompiler.Outcome.Compiled) outcome;
    }

    /** "Tiers!F12" for each error, to compare whole lists at once. */
    static List<String> located(List<RuleError> errors) {
        return errors.stream().map(e -> (e.sheet() == null ? "" : e.sheet() + "!") + e.cell()).toList();
    }
}
