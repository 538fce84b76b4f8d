package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Percent-off promotions written in DRL, as in docs/rules.md "Percent off". */
@DisplayName("PERCENT_OFF in DRL")
class PercentOffRulesTest {

    @Nested
    @DisplayName("on items")
    class OnItems {

        static final String SHOES_10 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "shoes-10: 10% off shoes"
                when
                    $line : Line( inCategory("shoes") )
                then
                    actions.promotion("shoes-10").name("10% off shoes").priority(100)
                           .percentOffItems(10).onLine($line);
                end
                """;

        @Test
        void tenPercentOffShoesIsTakenOffEachPairOfShoesAndRoundedPerLine() {
            RuleHarness.Evaluated evaluated = evaluate(SHOES_10, cart()
                    .line(line("runner").quantity(2).price("59.99").categories("shoes"))
                    .line(line("sandal").price("24.95").categories("shoes"))
                    .line(line("sock").price("5.00").categories("socks")));

            assertThat(evaluated.rulesFired()).containsExactly("shoes-10: 10% off shoes");
            // 10% of 119.98 = 11.998 → 12.00; 10% of 24.95 = 2.495 → 2.50 (half-even: 9 is odd)
            assertThat(evaluated.lineDiscounts()).containsExactly("12.00", "2.50", "0.00");
            assertThat(evaluated.applied()).containsExactly("shoes-10=14.50");
        }

        static final String ACME_SHOES_20 = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "acme-shoes-20: 20% off Acme shoes that are not on sale, except clearance"
                when
                    Cart( )
                then
                    actions.promotion("acme-shoes-20").name("20% off Acme shoes")
                           .percentOffItems(20)
                           .onItems(Items.categories("shoes").andBrands("acme").excludeTags("clearance").excludeOnSale());
                end
                """;

        @Test
        void twentyPercentOffAcmeShoesLeavesOutOtherBrandsSaleItemsAndClearance() {
            RuleHarness.Evaluated evaluated = evaluate(ACME_SHOES_20, cart()
                    .line(line("acme-runner").price("80.00").categories("shoes").brand("acme"))
                    .line(line("luxe-pump").price("120.00").categories("shoes").brand("luxe"))
                    .line(line("acme-sale").price("50.00").categories("shoes").brand("acme").onSale())
                    .line(line("acme-last-pair").price("40.00").categories("shoes").brand("acme").tags("clearance"))
                    .line(line("acme-cap").price("15.00").categories("hats").brand("acme")));

            assertThat(evaluated.rulesFired()).containsExactly(
                    "acme-shoes-20: 20% off Acme shoes that are not on sale, except clearance");
            assertThat(evaluated.lineDiscounts()).containsExactly("16.00", "0.00", "0.00", "0.00", "0.00");
        }
    }

    @Nested
    @DisplayName("on each unit, at most n per line")
    class Each {

        static final String HALF_OFF_ONE_TEE = """
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "tees-half-one: half off one tee of each kind"
                when
                    $line : Line( inCategory("tees") )
                then
                    actions.promotion("tees-half-one").name("Half off one tee of each kind")
                           .percentOffEachItem(50, 1).onLine($line);
                end
                """;

        @Test
        void halfOffOneTeeOfEachKindDiscountsOneUnitPerLine() {
            RuleHarness.Evaluated evaluated = evaluate(HALF_OFF_ONE_TEE, cart()
                    .line(line("tee-white").quantity(3).price("10.00").categories("tees"))
                    .line(line("tee-black").quantity(2).price("12.00").categories("tees"))
                    .line(line("hoodie").price("40.00").categories("sweats")));

            assertThat(evaluated.rulesFired()).containsExactly("tees-half-one: half off one tee of each kind");
            assertThat(evaluated.lineDiscounts()).containsExactly("5.00", "6.00", "0.00");
            assertThat(evaluated.discountTotal()).isEqualTo("11.00");
        }
    }

    @Nested
    @DisplayName("on the order")
    class OnOrder {

        static final String ORDER_10 = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "order-10: 10% off the order"
                when
                    Cart( )
                then
                    actions.promotion("order-10").name("10% off your order").percentOffOrder(10);
                end
                """;

        @Test
        void tenPercentOffTheOrderIsRoundedOnceOnTheTotalThenShared() {
            RuleHarness.Evaluated evaluated = evaluate(ORDER_10, cart()
                    .line("pen", 1, "3.33").line("pad", 1, "3.33").line("ink", 1, "3.34"));

            assertThat(evaluated.rulesFired()).containsExactly("order-10: 10% off the order");
            // 10% of 10.00 = 1.00 in one piece; rounded per line it would be 0.99.
            assertThat(evaluated.applied()).containsExactly("order-10=1.00");
            assertThat(evaluated.lineDiscounts()).containsExactly("0.33", "0.33", "0.34");
        }

        static final String BOOKS_ORDER_15 = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "books-15: 15% off all books together"
                when
                    Cart( )
                then
                    actions.promotion("books-15").name("15% off your books")
                           .percentOffOrder(15).onItems(Items.categories("books"));
                end
                """;

        @Test
        void fifteenPercentOffTheBooksIsTakenOnTheBooksTotalOnly() {
            RuleHarness.Evaluated evaluated = evaluate(BOOKS_ORDER_15, cart()
                    .line(line("novel").price("12.99").categories("books"))
                    .line(line("atlas").price("30.00").categories("books"))
                    .line(line("lamp").price("25.00").categories("home")));

            assertThat(evaluated.rulesFired()).containsExactly("books-15: 15% off all books together");
            // 15% of 42.99 = 6.4485 → 6.45, shared 12.99 : 30.00
            assertThat(evaluated.applied()).containsExactly("books-15=6.45");
            assertThat(evaluated.result().applied().get(0).target()).isEqualTo(kupon.pricing.Target.ORDER);
            assertThat(evaluated.lineDiscounts()).containsExactly("1.95", "4.50", "0.00");
        }
    }
}
