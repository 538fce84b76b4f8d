package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Conditions the pricing core checks when a promotion's turn comes, as in docs/rules.md "Conditions". */
@DisplayName("Conditions in DRL")
class ConditionsRulesTest {

    @Nested
    @DisplayName("requiresItems")
    class RequiresItems {

        static final String SHOES_ORDER_10 = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "shoe-order-10: 10.00 off any order with shoes in it"
                when
                    Cart( )
                then
                    actions.promotion("shoe-order-10").name("10.00 off with shoes")
                           .requiresItems(Items.categories("shoes"), 1).amountOffOrder("10.00");
                end
                """;

        @Test
        void anOrderWithShoesGetsTenOffSharedOverEverything() {
            RuleHarness.Evaluated evaluated = evaluate(SHOES_ORDER_10, cart()
                    .line(line("runner").price("60.00").categories("shoes"))
                    .line(line("bag").price("40.00").categories("bags")));

            assertThat(evaluated.rulesFired()).containsExactly("shoe-order-10: 10.00 off any order with shoes in it");
            assertThat(evaluated.lineDiscounts()).containsExactly("6.00", "4.00");
        }

        @Test
        void anOrderWithoutShoesGetsNothing() {
            RuleHarness.Evaluated evaluated = evaluate(SHOES_ORDER_10, cart()
                    .line(line("bag").price("40.00").categories("bags")));

            assertThat(evaluated.applied()).isEmpty();
            assertThat(evaluated.notApplied()).containsExactly("shoe-order-10:NO_ELIGIBLE_ITEMS");
        }

        static final String PLANTS_POTS_15 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "plants-pots-15: buy two plants, 15% off pots"
                when
                    Cart( )
                then
                    actions.promotion("plants-pots-15").name("15% off pots with two plants")
                           .requiresItems(Items.categories("plants"), 2)
                           .percentOffItems(15).onItems(Items.categories("pots"));
                end
                """;

        @Test
        void twoPlantsTakeFifteenPercentOffThePotsOnly() {
            RuleHarness.Evaluated evaluated = evaluate(PLANTS_POTS_15, cart()
                    .line(line("fern").quantity(2).price("18.00").categories("plants"))
                    .line(line("pot").price("20.00").categories("pots")));

            assertThat(evaluated.lineDiscounts()).containsExactly("0.00", "3.00");
        }

        @Test
        void onePlantIsNotEnough() {
            RuleHarness.Evaluated evaluated = evaluate(PLANTS_POTS_15, cart()
                    .line(line("fern").price("18.00").categories("plants"))
                    .line(line("pot").price("20.00").categories("pots")));

            assertThat(evaluated.notApplied()).containsExactly("plants-pots-15:NO_ELIGIBLE_ITEMS");
        }
    }

    @Nested
    @DisplayName("minQuantity and maxAmount")
    class MinQuantityAndCap {

        static final String BULK_20_CAPPED = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "bulk-20: 20% off from 10 items, at most 25.00"
                when
                    Cart( )
                then
                    actions.promotion("bulk-20").name("Bulk: 20% off, up to 25.00")
                           .minQuantity(10).maxAmount("25.00").percentOffItems(20);
                end
                """;

        @Test
        void tenItemsGetTwentyPercentButNeverMoreThanTwentyFive() {
            RuleHarness.Evaluated evaluated = evaluate(BULK_20_CAPPED, cart().line("paper", 10, "15.00"));

            // 20% of 150.00 would be 30.00
            assertThat(evaluated.applied()).containsExactly("bulk-20=25.00");
        }

        @Test
        void nineItemsAreOneShort() {
            RuleHarness.Evaluated evaluated = evaluate(BULK_20_CAPPED, cart().line("paper", 9, "15.00"));

            assertThat(evaluated.notApplied()).containsExactly("bulk-20:MIN_QUANTITY_NOT_MET");
        }
    }
}
