package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Shipping promotions written in DRL, as in docs/rules.md "Free shipping". */
@DisplayName("FREE_SHIPPING in DRL")
class ShippingRulesTest {

    @Nested
    @DisplayName("all of it")
    class Free {

        static final String GOLD_FREE_SHIPPING = """
                package kupon.rules.shipping;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "gold-free-shipping: free shipping for gold members with GOLDSHIP"
                when
                    Customer( inSegment("loyalty-gold") )
                    $code : EnteredCode( code == "GOLDSHIP" )
                then
                    actions.promotion("gold-free-shipping").name("Free shipping for gold members")
                           .code($code).freeShipping();
                end
                """;

        @Test
        void goldMembersWithTheCodeShipForFreeAndKeepTheirItemPrices() {
            RuleHarness.Evaluated evaluated = evaluate(GOLD_FREE_SHIPPING, cart()
                    .line("sweater", 1, "45.00").shipping("5.99").customerIn("loyalty-gold").code(" goldship "));

            assertThat(evaluated.rulesFired()).containsExactly("gold-free-shipping: free shipping for gold members with GOLDSHIP");
            assertThat(evaluated.shippingDiscount()).isEqualTo("5.99");
            assertThat(evaluated.discountTotal()).isEqualTo("0.00");
            assertThat(evaluated.total()).isEqualTo("45.00");
            assertThat(evaluated.result().applied().get(0).code()).isEqualTo("GOLDSHIP");
        }

        @Test
        void withoutTheCodeTheRuleDoesNotFire() {
            RuleHarness.Evaluated evaluated = evaluate(GOLD_FREE_SHIPPING, cart()
                    .line("sweater", 1, "45.00").shipping("5.99").customerIn("loyalty-gold"));

            assertThat(evaluated.rulesFired()).isEmpty();
            assertThat(evaluated.shippingDiscount()).isEqualTo("0.00");
        }
    }

    @Nested
    @DisplayName("part of it")
    class Part {

        static final String HALF_SHIPPING = """
                package kupon.rules.shipping;

                import kupon.rules.model.*;
                import kupon.rules.api.*;
                global kupon.rules.api.Actions actions;

                rule "half-shipping: half off express shipping"
                when
                    Cart( shippingMethod == "express" )
                then
                    actions.promotion("half-shipping").name("Half off express shipping").percentOffShipping(50);
                end

                rule "ship-3: 3.00 off shipping over 40.00"
                when
                    Cart( )
                then
                    actions.promotion("ship-3").name("3.00 off shipping").priority(-1)
                           .minSubtotal("40.00").amountOffShipping("3.00");
                end
                """;

        @Test
        void halfOffExpressShippingIsRoundedAndThreeOffTakesOnlyWhatIsLeft() {
            RuleHarness.Evaluated evaluated = evaluate(HALF_SHIPPING, cart()
                    .line("sweater", 1, "45.00").shippingBy("express", "5.99"));

            assertThat(evaluated.rulesFired()).containsExactly(
                    "half-shipping: half off express shipping", "ship-3: 3.00 off shipping over 40.00");
            // 50% of 5.99 = 2.995 → 3.00 (half-even); then 3.00 off the 2.99 left → 2.99
            assertThat(evaluated.applied()).containsExactly("half-shipping=3.00", "ship-3=2.99");
            assertThat(evaluated.shippingDiscount()).isEqualTo("5.99");
            assertThat(evaluated.discountTotal()).isEqualTo("0.00");
        }

        @Test
        void standardShippingGetsOnlyTheThreeOff() {
            RuleHarness.Evaluated evaluated = evaluate(HALF_SHIPPING, cart()
                    .line("sweater", 1, "45.00").shippingBy("standard", "4.99"));

            assertThat(evaluated.rulesFired()).containsExactly("ship-3: 3.00 off shipping over 40.00");
            assertThat(evaluated.applied()).containsExactly("ship-3=3.00");
        }
    }
}
