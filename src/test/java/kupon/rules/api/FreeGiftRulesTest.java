package kupon.rules.api;

import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.rules.api.RuleHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

/** Free-gift promotions written in DRL, as in docs/rules.md "Free gift". */
@DisplayName("FREE_GIFT in DRL")
class FreeGiftRulesTest {

    static final String TOTE_OVER_75 = """
            package kupon.rules.order;

            import kupon.rules.model.*;
            import kupon.rules.api.*;
            global kupon.rules.api.Actions actions;

            rule "tote-gift: a free tote with orders of 75.00 or more"
            when
                Cart( )
            then
                actions.promotion("tote-gift").name("Free tote bag").minSubtotal("75.00").freeGift("TOTE-1", 1);
            end
            """;

    @Test
    void anOrderOfSeventyFiveGetsAToteForCheckoutToAdd() {
        RuleHarness.Evaluated evaluated = evaluate(TOTE_OVER_75, cart().line("jacket", 1, "80.00"));

        assertThat(evaluated.rulesFired()).containsExactly("tote-gift: a free tote with orders of 75.00 or more");
        assertThat(evaluated.gifts()).containsExactly("tote-gift:TOTE-1×1");
        assertThat(evaluated.discountTotal()).isEqualTo("0.00");
    }

    @Test
    void aToteAlreadyInTheCartCostsNothing() {
        RuleHarness.Evaluated evaluated = evaluate(TOTE_OVER_75, cart()
                .line("jacket", 1, "80.00")
                .line(line("tote").sku("TOTE-1").quantity(2).price("12.00")));

        assertThat(evaluated.gifts()).containsExactly("tote-gift:TOTE-1×1");
        assertThat(evaluated.lineDiscounts()).containsExactly("0.00", "12.00");
    }

    @Test
    void anOrderUnderSeventyFiveGetsNoTote() {
        RuleHarness.Evaluated evaluated = evaluate(TOTE_OVER_75, cart().line("jacket", 1, "70.00"));

        assertThat(evaluated.gifts()).isEmpty();
        assertThat(evaluated.notApplied()).containsExactly("tote-gift:MIN_SUBTOTAL_NOT_MET");
    }
}
