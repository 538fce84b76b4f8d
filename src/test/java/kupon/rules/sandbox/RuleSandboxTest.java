package kupon.rules.sandbox;

import kupon.rules.source.RuleError;
import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import kupon.support.UncheckedDrools;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule code is checked on its parsed form against an allow-list; every hostile file is refused at its line and runs nothing. */
class RuleSandboxTest {

    private static Path markers;

    @BeforeAll
    static void markerFolder() throws IOException {
        markers = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sandbox-markers-");
    }

    @AfterAll
    static void noMarkerWasEverWritten() throws IOException {
        try (var files = Files.list(markers)) {
            assertThat(files.toList()).as("files written by hostile rules").isEmpty();
        }
    }

    static List<HostileRules.Payload> hostile() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileFileIsRefusedAtALineAndNothingRuns(HostileRules.Payload payload) {
        String marker = markers.resolve(payload.name().replaceAll("[^a-zA-Z0-9]", "_")).toString();
        String property = "kupon.sandbox." + payload.name().replaceAll("[^a-zA-Z0-9]", "_");
        String drl = payload.drl().replace("@MARKER@", marker).replace("@PROPERTY@", property);

        List<RuleError> errors = RuleSandbox.check("evil.drl", drl);

        assertThat(errors).as("errors for " + payload.name()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("evil.drl");
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.message()).isNotBlank().hasSizeLessThan(400);
        });
        // The compiler refuses it too, before Drools ever sees it: nothing was generated, loaded or run.
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(List.of(
                RuleSource.of("evil.drl", RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Failed.class);
        assertThat(((RuleSetCompiler.Outcome.Failed) outcome).errors()).isEqualTo(errors);
        assertThat(Path.of(marker)).doesNotExist();
        assertThat(System.getProperty(property)).isNull();
    }

    /** Proof that the corpus is hostile: compiled by Drools alone, without Kupon's check, these files run their code. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"System.setProperty", "unicode escape in a name", "a string that closes itself after unicode processing",
            "a comment ended by an escaped newline", "a function that writes a file", "comments between the parts of a name"})
    void withoutTheSandboxDroolsWouldRunThem(String name) {
        HostileRules.Payload payload = HostileRules.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        Path marker = markers.resolve("unchecked-" + name.replaceAll("[^a-zA-Z0-9]", "_"));
        String property = "kupon.unchecked." + name.replaceAll("[^a-zA-Z0-9]", "_");
        String drl = payload.drl().replace("@MARKER@", marker.toString()).replace("@PROPERTY@", property);

        UncheckedDrools.fire(drl);

        assertThat(Files.exists(marker) || System.getProperty(property) != null).as("the payload ran").isTrue();
        System.clearProperty(property);
        marker.toFile().delete();
    }

    /** The second line: had a hostile file got past the parsed-code check, the bytecode Drools made of it is refused unloaded. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"System.setProperty", "a comment ended by an escaped newline", "a function that writes a file",
            "System.getenv into an answer", "Runtime.exec", "Class.forName and invoke"})
    void theGeneratedBytecodeOfAHostileFileIsRefusedToo(String name) {
        HostileRules.Payload payload = HostileRules.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        byte[] kjar = UncheckedDrools.kjar(payload.drl().replace("@MARKER@", markers.resolve("never").toString())
                .replace("@PROPERTY@", "kupon.never"));

        List<RuleError> errors = GeneratedCodeCheck.violations(kjar, "evil.drl");

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo("evil.drl"));
        assertThat(errors).extracting(RuleError::message).anyMatch(m -> m.contains("java.lang.System") || m.contains("java.nio")
                || m.contains("java.lang.Runtime") || m.contains("java.lang.reflect") || m.contains("java.lang.Class."));
    }

    @Test
    void theShippedRulesMakeBytecodeThatPassesTheSecondLine() throws IOException {
        List<RuleSource> shipped = new kupon.rules.RulesDirectory(Path.of("rules")).read();
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(shipped);
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        byte[] kjar = ((RuleSetCompiler.Outcome.Compiled) outcome).module().kjar();
        assertThat(GeneratedCodeCheck.violations(kjar, "rules/")).isEmpty();
    }

    @Test
    void theCorpusCoversMoreThanSixtyTechniques() {
        assertThat(HostileRules.all()).hasSizeGreaterThan(60);
        assertThat(HostileRules.all().stream().map(HostileRules.Payload::name).distinct()).hasSameSizeAs(HostileRules.all());
    }

    @Test
    void whatAnOrdinaryRuleUsesIsAllowed() {
        assertThat(RuleSandbox.check("ok.drl", HostileRules.HEADER + """
                import java.math.BigDecimal;
                import java.util.List;

                function boolean isShoe(Line line) { return line.inCategory("shoes") && !line.isOnSale(); }

                rule "shoes-10: 10% off shoes on Fridays, for a System check" salience 10 no-loop
                when
                    $line : Line( categories contains "shoes", $q : quantity >= 2, name != "exit", unitPrice > 10.00B )
                    $cart : Cart( currency == "USD", subtotal.compareTo(new BigDecimal("50.00")) >= 0 )
                    Customer( inSegment("vip") || segments contains "gold", country in ("US", "CA") )
                    not EnteredCode( code.toUpperCase() == "NOSALE" )
                    Clock( dayOfWeek("Europe/Berlin") == java.time.DayOfWeek.FRIDAY, isTimeBetween("18:00", "21:00", "Europe/Berlin") )
                    $total : Number( intValue >= 3 ) from accumulate( Line( $n : quantity ), sum( $n ) )
                    $segment : String( ) from $cart.currency
                    eval( isShoe($line) && List.of("a", "b").contains("a") )
                then
                    actions.promotion("shoes-10").name("10% off " + $line.getName()).priority(100)
                           .percentOffItems(10).onLine($line);
                    actions.promotion("big-shoes").onItems(Items.categories("shoes").excludeOnSale())
                           .buyXGetY(BuyGet.buy(Items.categories("shoes"), 2).get(1).free().cheapest());
                end
                """)).isEmpty();
    }

    @Test
    void aForbiddenCallIsReportedAtItsLineAndColumnWithWhatToDoInstead() {
        List<RuleError> errors = RuleSandbox.check("evil.drl", HostileRules.HEADER + """
                rule "evil"
                when
                    $line : Line( )
                then
                    actions.promotion("x").freeShipping();
                    System.exit(1);
                end
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).contains("System").contains("allowed type");
        });
    }

    @Test
    void aMistypedActionSuggestsTheRightOne() {
        List<RuleError> errors = RuleSandbox.check("typo.drl", HostileRules.HEADER + """
                rule "typo" when Cart( ) then
                    actions.promotion("x").amountOfOrder("5.00");
                end
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.message()).contains("amountOfOrder").contains("did you mean amountOffOrder(...)?");
        });
    }

    @Test
    void aForbiddenConstraintIsReportedInsideItsPattern() {
        List<RuleError> errors = RuleSandbox.check("evil.drl", HostileRules.HEADER + """
                rule "evil"
                when
                    $line : Line( quantity > 1, name matches "(a+)+$" )
                then
                    actions.promotion("x").freeShipping();
                end
                """);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isEqualTo(33);
            assertThat(e.message()).contains("matches").contains("str[startsWith]");
        });
    }

    @Test
    void everyAllowedMemberLeadsOnlyToAllowedTypes() {
        for (Class<?> type : AllowedTypes.all()) {
            for (Method method : type.getMethods()) {
                for (boolean onType : List.of(true, false)) {
                    for (Class<?> returned : AllowedTypes.methodReturns(type, method.getName(), method.getParameterCount(), onType)) {
                        assertThat(returned == void.class || AllowedTypes.isAllowed(returned))
                                .as(type.getSimpleName() + "." + method.getName() + " returns " + returned).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void nothingThatReachesTheRuntimeIsAllowedOnAnyType() {
        Set<String> dangerous = Set.of("getClass", "wait", "notify", "getDeclaringClass", "repeat", "pow", "multiply", "matches",
                "replaceAll", "split", "now", "toOffer", "toSelector", "toReward", "offers", "problems");
        for (Class<?> type : AllowedTypes.all()) {
            for (String name : dangerous) {
                for (int arity = 0; arity <= 3; arity++) {
                    assertThat(AllowedTypes.methodReturns(type, name, arity, false)).as(type.getSimpleName() + "." + name).isEmpty();
                    assertThat(AllowedTypes.methodReturns(type, name, arity, true)).as(type.getSimpleName() + "." + name).isEmpty();
                }
            }
        }
    }
}
