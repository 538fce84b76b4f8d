package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How promotions stated in DRL stack: rules only state offers, and the pricing core decides the order and
 * whether they combine (docs/rules.md "Stacking").
 */
@DisplayName("Stacking in DRL")
class StackingRulesTest {

    @Nested
    @DisplayName("exclusive")
    class Exclusive {

        static final String WELCOME_AND_SHOES = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "welcome-15: 15% off a first order, with nothing else"
                when
                    Customer( firstOrder )
                then
                    actions.promotion("welcome-15").name("Welcome: 15% off").exclusive().percentOffOrder(15);
                end

                rule "shoes-10: 10% off shoes"
                when
                    $line : Line( inCategory("shoes") )
                then
                    actions.promotion("shoes-10").name("10% off shoes").priority(100).percentOffItems(10).onLine($line);
                end
                """;

        @Test
        void aFirstOrderGetsTheWelcomeDiscountAndNothingElseEvenAtHigherPriority() {
            RuleHarness.Evaluated evaluated = evaluate(WELCOME_AND_SHOES, cart()
                    .line(line("runner").price("100.00").categories("shoes")).firstOrder());

            assertThat(evaluated.rulesFired()).containsExactly(
                    "shoes-10: 10% off shoes", "welcome-15: 15% off a first order, with nothing else");
            assertThat(evaluated.applied()).containsExactly("welcome-15=15.00");
            assertThat(evaluated.notApplied()).containsExactly("shoes-10:EXCLUDED_BY_EXCLUSIVE");
        }

        @Test
        void aReturningCustomerGetsTheShoeDiscount() {
            RuleHarness.Evaluated evaluated = evaluate(WELCOME_AND_SHOES, cart()
                    .line(line("runner").price("100.00").categories("shoes")));

            assertThat(evaluated.rulesFired()).containsExactly("shoes-10: 10% off shoes");
            assertThat(evaluated.applied()).containsExactly("shoes-10=10.00");
        }
    }

    @Nested
    @DisplayName("stopFurther")
    class StopFurther {

        static final String VIP_FIRST = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "vip-25: 25% off for VIPs, and no promotion after it"
                when
                    Customer( inSegment("vip") )
                then
                    actions.promotion("vip-25").name("VIP: 25% off").priority(200).stopFurther().percentOffItems(25);
                end

                rule "spend-50-save-5: 5.00 off orders of 50.00 or more"
                when
                    Cart( )
                then
                    actions.promotion("spend-50-save-5").name("5.00 off orders of 50.00 or more")
                           .priority(50).minSubtotal("50.00").amountOffOrder("5.00");
                end
                """;

        @Test
        void aVipGetsTwentyFivePercentAndTheLowerPriorityOrderDiscountIsSkipped() {
            RuleHarness.Evaluated evaluated = evaluate(VIP_FIRST, cart().line("watch", 1, "100.00").customerIn("vip"));

            assertThat(evaluated.rulesFired()).containsExactly(
                    "spend-50-save-5: 5.00 off orders of 50.00 or more", "vip-25: 25% off for VIPs, and no promotion after it");
            assertThat(evaluated.applied()).containsExactly("vip-25=25.00");
            assertThat(evaluated.notApplied()).containsExactly("spend-50-save-5:STOPPED_BY_EARLIER");
        }
    }

    @Nested
    @DisplayName("combinesWith")
    class CombinesWith {

        static final String CLEARANCE_NOT_WITH_ORDER = """
                package kupon.rules.order;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "clearance-30: 30% off clearance, not with order discounts"
                when
                    $line : Line( hasTag("clearance") )
                then
                    actions.promotion("clearance-30").name("Clearance: 30% off").priority(100)
                           .combinesWith(true, false, true).percentOffItems(30).onLine($line);
                end

                rule "order-10: 10% off the order"
                when
                    Cart( )
                then
                    actions.promotion("order-10").name("10% off your order").priority(50).percentOffOrder(10);
                end

                rule "free-shipping: free shipping"
                when
                    Cart( )
                then
                    actions.promotion("free-shipping").name("Free shipping").freeShipping();
                end
                """;

        @Test
        void clearanceRefusesTheOrderDiscountButStillShipsForFree() {
            RuleHarness.Evaluated evaluated = evaluate(CLEARANCE_NOT_WITH_ORDER, cart()
                    .line(line("parka").price("50.00").tags("clearance"))
                    .line(line("gloves").price("20.00"))
                    .shipping("5.00"));

            // combinesWith is per unit (docs/api.md point 2): the order discount skips only the parka the clearance
            // discounted, and takes 10% off the gloves. It used to be refused as a whole (NOT_COMBINABLE, 55.00).
            assertThat(evaluated.rulesFired()).hasSize(3);
            assertThat(evaluated.applied()).containsExactly("clearance-30=15.00", "order-10=2.00", "free-shipping=5.00");
            assertThat(evaluated.notApplied()).isEmpty();
            assertThat(evaluated.total()).isEqualTo("53.00");
        }
    }
}
