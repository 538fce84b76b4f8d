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

/** Amount-off promotions written in DRL, as in docs/rules.md "Amount off". */
@DisplayName("AMOUNT_OFF in DRL")
class AmountOffRulesTest {

    @Nested
    @DisplayName("across the items")
    class Across {

        static final String KITCHEN_20 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "kitchen-20: 20.00 off kitchen items"
                when
                    Line( inCategory("kitchen") )
                then
                    actions.promotion("kitchen-20").name("20.00 off kitchen items")
                           .amountOffItems("20.00").onItems(Items.categories("kitchen"));
                end
                """;

        @Test
        void twentyOffThreeEqualKitchenItemsIsSharedWithTheLeftoverCentToTheFirstLines() {
            RuleHarness.Evaluated evaluated = evaluate(KITCHEN_20, cart()
                    .line(line("pan").price("10.00").categories("kitchen"))
                    .line(line("pot").price("10.00").categories("kitchen"))
                    .line(line("wok").price("10.00").categories("kitchen"))
                    .line(line("rug").price("30.00").categories("home")));

            assertThat(evaluated.rulesFired()).containsExactly("kitchen-20: 20.00 off kitchen items");
            assertThat(evaluated.applied()).containsExactly("kitchen-20=20.00");
            assertThat(evaluated.lineDiscounts()).containsExactly("6.67", "6.67", "6.66", "0.00");
        }
    }

    @Nested
    @DisplayName("off each unit")
    class Each {

        static final String MUGS_2 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "mugs-2: 2.00 off every mug"
                when
                    $line : Line( inCategory("mugs") )
                then
                    actions.promotion("mugs-2").name("2.00 off every mug").amountOffEachItem("2.00").onLine($line);
                end
                """;

        @Test
        void twoOffEveryMugButNeverMoreThanAMugCosts() {
            RuleHarness.Evaluated evaluated = evaluate(MUGS_2, cart()
                    .line(line("mug").quantity(3).price("8.00").categories("mugs"))
                    .line(line("espresso-cup").price("1.50").categories("mugs")));

            assertThat(evaluated.rulesFired()).containsExactly("mugs-2: 2.00 off every mug");
            assertThat(evaluated.lineDiscounts()).containsExactly("6.00", "1.50");
        }

        static final String MUGS_2_MAX_2 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "mugs-2-max-2: 2.00 off up to two mugs of each kind"
                when
                    $line : Line( inCategory("mugs") )
                then
                    actions.promotion("mugs-2-max-2").name("2.00 off up to two mugs")
                           .amountOffEachItem("2.00", 2).onLine($line);
                end
                """;

        @Test
        void twoOffUpToTwoMugsOfEachKindLeavesTheThirdMugAtFullPrice() {
            RuleHarness.Evaluated evaluated = evaluate(MUGS_2_MAX_2, cart()
                    .line(line("mug").quantity(3).price("8.00").categories("mugs")));

            assertThat(evaluated.rulesFired()).containsExactly("mugs-2-max-2: 2.00 off up to two mugs of each kind");
            assertThat(evaluated.lineDiscounts()).containsExactly("4.00");
        }

        static final String EVERY_ITEM_1_AS_ORDER = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "dollar-days: 1.00 off every item, as an order discount"
                when
                    Cart( )
                then
                    actions.promotion("dollar-days").name("Dollar days: 1.00 off every item")
                           .amountOffOrderEachItem("1.00");
                end
                """;

        @Test
        void oneOffEveryItemCanCountAsAnOrderDiscount() {
            RuleHarness.Evaluated evaluated = evaluate(EVERY_ITEM_1_AS_ORDER, cart()
                    .line("pen", 2, "3.00").line("pad", 1, "0.60"));

            assertThat(evaluated.lineDiscounts()).containsExactly("2.00", "0.60");
            assertThat(evaluated.result().applied()).singleElement()
                    .satisfies(a -> assertThat(a.target()).isEqualTo(Target.ORDER));
        }
    }

    @Nested
    @DisplayName("off the order")
    class OnOrder {

        static final String SPEND_50_SAVE_5 = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "spend-50-save-5: 5.00 off orders of 50.00 or more"
                when
                    Cart( )
                then
                    actions.promotion("spend-50-save-5").name("5.00 off orders of 50.00 or more")
                           .minSubtotal("50.00").amountOffOrder("5.00");
                end
                """;

        @Test
        void fiveOffAnOrderOfExactlyFiftyIsSharedByValue() {
            RuleHarness.Evaluated evaluated = evaluate(SPEND_50_SAVE_5, cart()
                    .line("jacket", 1, "30.00").line("scarf", 1, "20.00").shipping("4.99"));

            assertThat(evaluated.rulesFired()).containsExactly("spend-50-save-5: 5.00 off orders of 50.00 or more");
            assertThat(evaluated.lineDiscounts()).containsExactly("3.00", "2.00");
            assertThat(evaluated.shippingDiscount()).isEqualTo("0.00");
            assertThat(evaluated.total()).isEqualTo("49.99");
        }

        @Test
        void anOrderUnderFiftyGetsNothingButAHintOfWhatIsMissing() {
            RuleHarness.Evaluated evaluated = evaluate(SPEND_50_SAVE_5, cart().line("jacket", 1, "45.50"));

            assertThat(evaluated.rulesFired()).containsExactly("spend-50-save-5: 5.00 off orders of 50.00 or more");
            assertThat(evaluated.applied()).isEmpty();
            assertThat(evaluated.notApplied()).containsExactly("spend-50-save-5:MIN_SUBTOTAL_NOT_MET");
            assertThat(evaluated.result().hints()).singleElement()
                    .satisfies(h -> assertThat(h.missing().toPlainString()).isEqualTo("4.50"));
        }

        static final String BOOKS_5_TWO_RULES = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "books-5: 5.00 off orders with books"
                when
                    Line( inCategory("books") )
                then
                    actions.promotion("books-5").name("5.00 off for readers").amountOffOrder("5.00");
                end

                rule "books-5: 5.00 off for readers-club members"
                when
                    Customer( inSegment("readers-club") )
                then
                    actions.promotion("books-5").name("5.00 off for readers").amountOffOrder("5.00");
                end
                """;

        @Test
        void twoRulesAndTwoBookLinesNamingOnePromotionGiveItsFiveOffOnce() {
            RuleHarness.Evaluated evaluated = evaluate(BOOKS_5_TWO_RULES, cart()
                    .line(line("novel").price("15.00").categories("books"))
                    .line(line("poems").price("10.00").categories("books"))
                    .customerIn("readers-club"));

            assertThat(evaluated.firedRules()).hasSize(3);
            assertThat(evaluated.rulesFired()).containsExactly(
                    "books-5: 5.00 off for readers-club members", "books-5: 5.00 off orders with books");
            assertThat(evaluated.applied()).containsExactly("books-5=5.00");
            assertThat(evaluated.lineDiscounts()).containsExactly("3.00", "2.00");
            assertThat(evaluated.problems()).isEmpty();
        }
    }
}
