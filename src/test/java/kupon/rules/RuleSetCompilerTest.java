package kupon.rules;

import kupon.rules.source.RuleSourceKind;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Drools compiler on rule files with typical mistakes: every error points at the author's file and line. */
class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private static RuleSource drl(String name, String text) {
        return RuleSource.of(name, RuleSourceKind.DRL, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rule(String when, String then) {
        return """
                package kupon.rules.test;
                import kupon.rules.model.*;
                global kupon.rules.api.Actions actions;

                rule "mugs-off: 2.00 off each mug"
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static final String GOOD_WHEN = "$line : Line( sku == \"MUG\" )";
    private static final String GOOD_THEN = "actions.promotion(\"mugs-off\").amountOffEachItem(\"2.00\").onLine($line);";

    @Test
    void aCorrectFileCompilesAndDeclaresTheActionsGlobal() {
        RuleSetCompiler.Outcome outcome = compiler.compile(List.of(drl("mugs.drl", rule(GOOD_WHEN, GOOD_THEN))));
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        assertThat(((RuleSetCompiler.Outcome.Compiled) outcome).declaresActions()).isTrue();
    }

    @Test
    void aCompiledModuleLoadsAgainWithoutCompiling() {
        RuleSetCompiler.Outcome.Compiled compiled = (RuleSetCompiler.Outcome.Compiled)
                compiler.compile(List.of(drl("mugs.drl", rule(GOOD_WHEN, GOOD_THEN))));
        // As after a restart: a new compiler, only the kjar bytes kept.
        RuleSetCompiler.Outcome.Compiled loaded = new RuleSetCompiler().load(compiled.module()).orElseThrow();
        assertThat(loaded.declaresActions()).isTrue();
        assertThat(loaded.kieBase().getKiePackage("kupon.rules.test").getRules())
                .extracting(org.kie.api.definition.rule.Rule::getName).containsExactly("mugs-off: 2.00 off each mug");
        assertThat(new RuleSetCompiler().load(new RuleSetCompiler.CompiledModule("1.0.0", new byte[] {1, 2, 3}))).isEmpty();
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndColumn() {
        List<RuleError> errors = errors(drl("mugs.drl", rule("$line : Line( sku = = \"MUG\" )", GOOD_THEN)));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo("mugs.drl");
        assertThat(errors.get(0).line()).isEqualTo(7);
        assertThat(errors.get(0).column()).isGreaterThan(0);
    }

    @Test
    void anUnknownFactTypeIsReportedWhereItIsWritten() {
        List<RuleError> errors = errors(drl("mugs.drl", rule("$line : Lnie( sku == \"MUG\" )", GOOD_THEN)));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("mugs.drl");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isEqualTo(13);
            assertThat(e.message()).contains("Lnie");
        });
    }

    @Test
    void aMistakeInTheConsequenceIsTracedBackFromTheGeneratedCodeToTheRuleFile() {
        List<RuleError> errors = errors(
                drl("good.drl", rule(GOOD_WHEN, GOOD_THEN).replace("kupon.rules.test", "kupon.rules.good")),
                drl("bad.drl", rule(GOOD_WHEN, "actions.promotion(\"mugs-off\").nme(\"Mugs\");")));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("bad.drl");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.message()).contains("nme(...)").contains("did you mean name(...)?");
        });
    }

    @Test
    void aRuleSetOfMoreThan1000RulesIsRefusedBeforeItIsCompiled() {
        StringBuilder many = new StringBuilder("package kupon.rules.big;\nimport kupon.rules.model.*;\nglobal kupon.rules.api.Actions actions;\n");
        for (int i = 0; i < 600; i++) {
            many.append("rule \"r").append(i).append("\"\nwhen\n    $line : Line( sku == \"S").append(i)
                    .append("\" )\nthen\n    actions.promotion(\"p").append(i).append("\").percentOffItems(10).onLine($line);\nend\n");
        }
        RuleSource big = drl("big.drl", many.toString());
        RuleSource more = drl("more.drl", many.toString().replace("kupon.rules.big", "kupon.rules.more").replace("\"r", "\"m"));
        assertThat(errors(big, more)).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("big.drl");
            assertThat(e.message()).contains("would hold 1200 rules (big.drl 600, more.drl 600)")
                    .contains("at most 1000").contains("JSON promotions");
        });
    }

    @Test
    void aDecisionTableOfMoreThan1000RowsIsRefusedWithAWayOut() {
        StringBuilder table = new StringBuilder(String.join("\n",
                "RuleSet,kupon.rules.tables.big",
                "Import,kupon.rules.model.*",
                "Variables,kupon.rules.api.Actions actions",
                "",
                "RuleTable Big",
                "NAME,CONDITION,ACTION",
                ",$line : Line...,",
                ",\"categories contains \"\"$param\"\"\",\"actions.promotion(\"\"$param\"\").percentOffItems(10).onLine($line);\"",
                "Rule,Category,Promotion id", ""));
        for (int i = 0; i < 1_001; i++) table.append("row-").append(i).append(",cat-").append(i).append(",p-").append(i).append('\n');
        RuleSource csv = RuleSource.of("big.csv", RuleSourceKind.CSV, table.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(errors(csv)).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("big.csv");
            assertThat(e.message()).contains("More than 1000 rows").contains("split the table");
        });
    }

    private List<RuleError> errors(RuleSource... sources) {
        RuleSetCompiler.Outcome outcome = compiler.compile(List.of(sources));
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Failed.class);
        return ((RuleSetCompiler.Outcome.Failed) outcome).errors();
    }
}
