package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Fixed-price and bundle promotions written in DRL, as in docs/rules.md "Fixed price and bundles". */
@DisplayName("FIXED_PRICE in DRL")
class FixedPriceRulesTest {

    @Nested
    @DisplayName("each unit")
    class EachUnit {

        static final String TEES_9_99 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "tees-9-99: every tee for 9.99"
                when
                    $line : Line( inCategory("tees") )
                then
                    actions.promotion("tees-9-99").name("Every tee 9.99").fixedPrice("9.99").onLine($line);
                end
                """;

        @Test
        void everyTeeCostsNineNinetyNine() {
            RuleHarness.Evaluated evaluated = evaluate(TEES_9_99, cart()
                    .line(line("tee").quantity(2).price("15.00").categories("tees"))
                    .line(line("cap").price("12.00").categories("hats")));

            assertThat(evaluated.rulesFired()).containsExactly("tees-9-99: every tee for 9.99");
            assertThat(evaluated.lineDiscounts()).containsExactly("10.02", "0.00");
        }
    }

    @Nested
    @DisplayName("bundles")
    class Bundles {

        static final String MUGS_3_FOR_10 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "mugs-3-for-10: 3 mugs for 10.00"
                when
                    $line : Line( sku == "MUG" )
                then
                    actions.promotion("mugs-3-for-10").name("3 mugs for 10.00").bundlePrice(3, "10.00").onLine($line);
                end
                """;

        @Test
        void sevenMugsMakeTwoBundlesOfThreeForTenAndTheSeventhKeepsItsPrice() {
            RuleHarness.Evaluated evaluated = evaluate(MUGS_3_FOR_10, cart()
                    .line(line("mugs").sku("MUG").quantity(7).price("4.00")));

            assertThat(evaluated.rulesFired()).containsExactly("mugs-3-for-10: 3 mugs for 10.00");
            // 6 × 4.00 = 24.00 become 2 × 10.00; the seventh mug stays 4.00
            assertThat(evaluated.discountTotal()).isEqualTo("4.00");
            assertThat(evaluated.total()).isEqualTo("24.00");
        }
    }
}
