package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.freeShipping;
import static kupon.pricing.Rewards.percentOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FREE_SHIPPING")
class FreeShippingTest {

    @Test
    void takesTheWholeShippingOff() {
        Priced priced = price(cart().line("a", "60.00").shipping("5.00"), offer("free-ship", freeShipping()));

        assertThat(priced.shippingDiscount()).isEqualTo("5.00");
        assertThat(priced.applied()).containsExactly("free-ship=5.00");
        assertThat(priced.discountTotal()).isEqualTo("0.00");
        assertThat(priced.total()).isEqualTo("60.00");
    }

    @Test
    void canTakeAPercentageOfShipping() {
        Priced priced = price(cart().line("a", "60.00").shipping("5.00"),
                offer("p", new Reward.FreeShipping(new BigDecimal("50"))));

        assertThat(priced.shippingDiscount()).isEqualTo("2.50");
    }

    @Test
    void overOneHundredDoesNotApplyAfterHalfOffA120Cart() {
        Priced priced = price(cart().line("coat", "120.00").shipping("5.00"),
                offer("half-off", percentOff("50")).priority(10),
                offer("free-ship-100", freeShipping()).minSubtotal("100"));

        assertThat(priced.applied()).containsExactly("half-off=60.00");
        assertThat(priced.notApplied()).containsExactly("free-ship-100:MIN_SUBTOTAL_NOT_MET");
        assertThat(priced.hints()).containsExactly("Spend 40.00 more to get free shipping.");
        assertThat(priced.result.hints().get(0).missing()).isEqualByComparingTo("40.00");
        assertThat(priced.total()).isEqualTo("65.00");
    }

    @Test
    void aCartWithoutShippingHasNothingToDiscount() {
        Priced priced = price(cart().line("a", "60.00"), offer("free-ship", freeShipping()));

        assertThat(priced.notApplied()).containsExactly("free-ship:NO_ELIGIBLE_ITEMS");
    }

    @Test
    void aSecondFreeShippingFindsNothingLeft() {
        Priced priced = price(cart().line("a", "60.00").shipping("5.00"),
                offer("first", freeShipping()).priority(2), offer("second", freeShipping()).priority(1));

        assertThat(priced.applied()).containsExactly("first=5.00");
        assertThat(priced.notApplied()).containsExactly("second:NO_ELIGIBLE_ITEMS");
    }
}
