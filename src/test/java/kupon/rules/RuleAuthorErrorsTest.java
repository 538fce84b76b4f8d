package kupon.rules;

import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistakes a rule author makes most, each in the shipped example rule and compiled by the real compiler: every
 * error names the author's file, line and column, and says what is wrong in a sentence or two, never a stack trace.
 */
class RuleAuthorErrorsTest {

    /** rules/catalog/electronics-10.drl as shipped, one line of it replaced in each case. */
    private static final String EXAMPLE = """
            // 10% off every electronics item, except items already on sale.
            package kupon.rules.catalog;

            import kupon.rules.model.Line;
            import kupon.rules.model.Cart;
            global kupon.rules.api.Actions actions;

            rule "electronics-10: 10% off electronics"
            when
                $cart : Cart( subtotal > 0 )
                $line : Line( categories contains "electronics", onSale == false )
            then
                actions.promotion("electronics-10")
                       .name("10% off electronics")
                       .priority(100)
                       .percentOffItems(10)
                       .onLine($line);
            end
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a typo in a consequence method          | 16 | '       .percentOffItems(10)'                                   | '       .percentOfItems(10)'                                  | percentOfItems
            a missing ) in the consequence          | 16 | '       .percentOffItems(10)'                                   | '       .percentOffItems(10'                                  | )
            a misspelt field in a condition         | 10 | '    $cart : Cart( subtotal > 0 )'                              | '    $cart : Cart( chanel == "web" )'                         | chanel
            an unknown fact type                    | 10 | '    $cart : Cart( subtotal > 0 )'                              | '    $cart : Crat( subtotal > 0 )'                            | Crat
            a misspelt variable in a consequence    | 17 | '       .onLine($line);'                                        | '       .onLine($lien);'                                      | $lien
            a string compared with a number         | 10 | '    $cart : Cart( subtotal > 0 )'                              | '    $cart : Cart( subtotal > "lots" )'                       | subtotal
            an unterminated string in a condition   | 11 | '    $line : Line( categories contains "electronics", onSale == false )' | '    $line : Line( categories contains "electronics, onSale == false )' | string
            a missing ) in a condition              | 10 | '    $cart : Cart( subtotal > 0 )'                              | '    $cart : Cart( subtotal > 0 '                             | )
            a percentage over 100                   | 16 | '       .percentOffItems(10)'                                   | '       .percentOffItems(150)'                                | 150
            a promotion id that is not a slug       | 13 | '    actions.promotion("electronics-10")'                       | '    actions.promotion("Electronics 10")'                     | is not a slug
            """)
    void isReportedAtTheAuthorsLineInPlainWords(String mistake, int line, String correct, String wrong, String named) {
        assertThat(EXAMPLE).contains(correct);
        List<RuleError> errors = errors(EXAMPLE.replace(correct, wrong));

        assertThat(errors).as(mistake).isNotEmpty();
        RuleError first = errors.get(0);
        assertThat(first.file()).as(mistake + ": " + first.message()).isEqualTo("catalog/electronics-10.drl");
        assertThat(first.line()).as(mistake + ": " + first.message()).isEqualTo(line);
        assertThat(first.column()).as(mistake).isPositive();
        assertThat(first.message()).as(mistake).contains(named);
        errors.forEach(error -> assertThat(error.message()).as(mistake)
                .hasSizeLessThan(400)
                .doesNotContain("\tat ", "Exception", "javaparser", "org.drools", "\n\n"));
    }

    private static List<RuleError> errors(String drl) {
        RuleSource source = RuleSource.of("catalog/electronics-10.drl", RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8));
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(List.of(source));
        return outcome instanceof RuleSetCompiler.Outcome.Failed failed ? failed.errors() : List.of();
    }
}
