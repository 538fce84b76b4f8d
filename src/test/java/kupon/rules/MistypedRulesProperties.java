package kupon.rules;

import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped example rule with one random typing slip (a character dropped, doubled or replaced by punctuation):
 * whatever the slip, the file either still compiles or every error names the author's file with a short message and
 * no stack trace, and when the slip is a dropped bracket or quote, the error is on the line of the slip.
 */
class MistypedRulesProperties {

    private static final String FILE = "catalog/electronics-10.drl";
    private static final String EXAMPLE = read();
    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private static String read() {
        try {
            return Files.readString(Path.of("rules/catalog/electronics-10.drl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A slip: at an offset of the example, drop the character, double it, or put a punctuation mark there. */
    record Slip(int offset, int kind, char mark) {
        String applyTo(String text) {
            return switch (kind) {
                case 0 -> text.substring(0, offset) + text.substring(offset + 1);
                case 1 -> text.substring(0, offset + 1) + text.charAt(offset) + text.substring(offset + 1);
                default -> text.substring(0, offset) + mark + text.substring(offset + 1);
            };
        }
    }

    @Provide
    Arbitrary<Slip> slips() {
        return Combinators.combine(Arbitraries.integers().between(0, EXAMPLE.length() - 1), Arbitraries.integers().between(0, 2),
                Arbitraries.of('(', ')', '"', ';', '.', ',', '=', '$', ' ', 'x')).as(Slip::new);
    }

    @Property(tries = 120)
    void aSlipIsReportedInTheAuthorsFileInAFewWords(@ForAll("slips") Slip slip) {
        List<RuleError> errors = errors(slip.applyTo(EXAMPLE));
        for (RuleError error : errors) {
            assertThat(error.file()).as("%s: %s", slip, error).isEqualTo(FILE);
            assertThat(error.message()).as("%s", slip).hasSizeLessThan(400).doesNotContain("\tat ", "Exception:", "\n\n");
        }
    }

    @Property(tries = 60)
    void aDroppedBracketOrQuoteIsReportedOnItsLine(@ForAll("brackets") int offset) {
        List<RuleError> errors = errors(EXAMPLE.substring(0, offset) + EXAMPLE.substring(offset + 1));
        int line = (int) EXAMPLE.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        assertThat(errors).as("dropped %s at line %d", EXAMPLE.charAt(offset), line).isNotEmpty();
        assertThat(errors.get(0).line()).as("dropped %s: %s", EXAMPLE.charAt(offset), errors.get(0)).isEqualTo(line);
    }

    /** Offsets of brackets and quotes outside the comments at the top of the file. */
    @Provide
    Arbitrary<Integer> brackets() {
        int code = EXAMPLE.indexOf("package");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = code; i < EXAMPLE.length(); i++) {
            if ("()\"".indexOf(EXAMPLE.charAt(i)) >= 0) offsets.add(i);
        }
        return Arbitraries.of(offsets);
    }

    private static List<RuleError> errors(String drl) {
        RuleSource source = RuleSource.of(FILE, RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8));
        return COMPILER.compile(List.of(source)) instanceof RuleSetCompiler.Outcome.Failed failed ? failed.errors() : List.of();
    }
}
