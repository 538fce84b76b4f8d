package kupon.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DRL is checked before it is compiled: a rule may read facts and call actions, nothing else. */
class DrlPolicyTest {

    private static final String HEADER = """
            package kupon.rules.uploaded;
            import kupon.rules.model.*;
            global kupon.rules.api.Actions actions;
            """;

    @Test
    void anOrdinaryRuleIsAllowed() {
        assertThat(DrlPolicy.check("ok.drl", HEADER + """
                rule "System check: 10% off shoes" // the words System and exit in names and comments are harmless
                when
                    $line : Line( categories contains "shoes", name != "exit" )
                    Clock( dayOfWeek("Europe/Berlin") == java.time.DayOfWeek.FRIDAY )
                then
                    actions.promotion("shoes-10").percentOffItems(10).onLine($line);
                end
                """)).isEmpty();
    }

    @Test
    void exitingTheProcessIsRefusedWhereItIsWritten() {
        List<RuleError> errors = DrlPolicy.check("evil.drl", HEADER + """
                rule "evil"
                when
                    Cart( )
                then
                    System.exit(1);
                end
                """);
        assertThat(errors).extracting(RuleError::line).contains(8);
        assertThat(errors).extracting(RuleError::column).contains(5);
        assertThat(errors.get(0).message()).contains("System");
    }

    @Test
    void filesNetworkThreadsAndReflectionAreRefused() {
        for (String body : List.of("new java.io.File(\"/etc/passwd\").delete();", "new Thread(() -> {}).start();",
                "Runtime.getRuntime().exec(\"sh\");", "Class.forName(\"x\");", "new ProcessBuilder(\"sh\").start();",
                "java.nio.file.Files.readString(null);", "new java.net.Socket(\"h\", 1);", "\"\".getClass();")) {
            assertThat(DrlPolicy.check("evil.drl", HEADER + "rule \"r\" when Cart( ) then " + body + " end"))
                    .as(body).isNotEmpty();
        }
    }

    @Test
    void onlyAllowListedImports() {
        List<RuleError> errors = DrlPolicy.check("imports.drl", HEADER + "import java.io.File;\nimport java.time.LocalTime;\n");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("java.io.File");
        });
    }

    @Test
    void functionsAreCheckedToo() {
        assertThat(DrlPolicy.check("fn.drl", HEADER + """
                function void boom() { Runtime.getRuntime().halt(0); }
                """)).isNotEmpty();
    }
}
