package kupon.rules.api;

import kupon.support.CartBuilder;
import kupon.pricing.Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Tiered promotions written in DRL, as in docs/rules.md "Tiers". */
@DisplayName("TIERED in DRL")
class TieredRulesTest {

    @Nested
    @DisplayName("by subtotal")
    class BySubtotal {

        static final String SPEND_MORE = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "spend-more: 10% off from 100.00, 15% off from 200.00"
                when
                    Cart( )
                then
                    actions.promotion("spend-more").name("Spend more, save more")
                           .tiered(Tiers.bySubtotal().percent().tier("100.00", 10).tier("200.00", 15));
                end
                """;

        @Test
        void spendingOneHundredFiftyReachesTheTenPercentTierAndHearsAboutTheNext() {
            RuleHarness.Evaluated evaluated = evaluate(SPEND_MORE, cart().line("coat", 1, "150.00"));

            assertThat(evaluated.rulesFired()).containsExactly("spend-more: 10% off from 100.00, 15% off from 200.00");
            assertThat(evaluated.applied()).containsExactly("spend-more=15.00");
            assertThat(evaluated.result().hints()).singleElement()
                    .satisfies(h -> assertThat(h.missing().toPlainString()).isEqualTo("50.00"));
        }

        @Test
        void spendingTwoHundredFiftyReachesTheFifteenPercentTierOnEveryLine() {
            RuleHarness.Evaluated evaluated = evaluate(SPEND_MORE, cart()
                    .line("coat", 1, "150.00").line("boots", 1, "100.00"));

            assertThat(evaluated.lineDiscounts()).containsExactly("22.50", "15.00");
        }

        @Test
        void spendingEightyIsBelowTheFirstTier() {
            RuleHarness.Evaluated evaluated = evaluate(SPEND_MORE, cart().line("coat", 1, "80.00"));

            assertThat(evaluated.applied()).isEmpty();
            assertThat(evaluated.notApplied()).containsExactly("spend-more:MIN_SUBTOTAL_NOT_MET");
            assertThat(evaluated.result().hints()).singleElement()
                    .satisfies(h -> assertThat(h.missing().toPlainString()).isEqualTo("20.00"));
        }
    }

    @Nested
    @DisplayName("by quantity")
    class ByQuantity {

        static final String STOCK_UP = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "stock-up: 5.00 off the order from 3 items, 12.00 off from 5"
                when
                    Cart( )
                then
                    actions.promotion("stock-up").name("Stock up and save")
                           .tiered(Tiers.byQuantity().amount().tier(3, "5.00").tier(5, "12.00").onOrder());
                end
                """;

        @Test
        void fourItemsReachTheFiveOffTierAsAnOrderDiscount() {
            RuleHarness.Evaluated evaluated = evaluate(STOCK_UP, cart()
                    .line("soap", 2, "10.00").line("towel", 1, "10.00").line("sponge", 1, "10.00"));

            assertThat(evaluated.rulesFired()).containsExactly("stock-up: 5.00 off the order from 3 items, 12.00 off from 5");
            assertThat(evaluated.applied()).containsExactly("stock-up=5.00");
            assertThat(evaluated.lineDiscounts()).containsExactly("2.50", "1.25", "1.25");
            assertThat(evaluated.result().applied().get(0).target()).isEqualTo(Target.ORDER);
        }

        @Test
        void fiveItemsReachTheTwelveOffTier() {
            RuleHarness.Evaluated evaluated = evaluate(STOCK_UP, cart().line("soap", 5, "10.00"));

            assertThat(evaluated.applied()).containsExactly("stock-up=12.00");
        }
    }

    @Nested
    @DisplayName("by line quantity")
    class ByLineQuantity {

        static final String MULTIPACK = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "multipack: 5% off 2 of the same, 10% off 4 or more"
                when
                    $line : Line( inCategory("pantry") )
                then
                    actions.promotion("multipack").name("Multipack savings")
                           .tiered(Tiers.byLineQuantity().percent().tier(2, 5).tier(4, 10)).onLine($line);
                end
                """;

        @Test
        void eachLineGetsTheTierItsOwnQuantityReaches() {
            RuleHarness.Evaluated evaluated = evaluate(MULTIPACK, cart()
                    .line(line("beans").quantity(2).price("10.00").categories("pantry"))
                    .line(line("rice").quantity(4).price("10.00").categories("pantry"))
                    .line(line("oil").quantity(1).price("10.00").categories("pantry"))
                    .line(line("candle").quantity(4).price("10.00").categories("home")));

            assertThat(evaluated.rulesFired()).containsExactly("multipack: 5% off 2 of the same, 10% off 4 or more");
            assertThat(evaluated.lineDiscounts()).containsExactly("1.00", "4.00", "0.00", "0.00");
        }
    }
}
