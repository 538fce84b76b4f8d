package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FREE_GIFT")
class FreeGiftTest {

    @Test
    void aGiftNotInTheCartIsReportedAndAppliedForNothing() {
        Priced priced = price(cart().line("shoe", "80.00"), offer("free-tote", new Reward.FreeGift("TOTE-1", 1)));

        assertThat(priced.result.gifts()).containsExactly(new PricingResult.Gift("free-tote", "TOTE-1", 1));
        assertThat(priced.applied()).containsExactly("free-tote=0.00");
        assertThat(priced.discountTotal()).isEqualTo("0.00");
    }

    @Test
    void aGiftAlreadyInTheCartIsFreeUpToTheGiftQuantity() {
        Priced priced = price(cart().line("shoe", "80.00").line(line("tote").sku("TOTE-1").quantity(2).price("12.00")),
                offer("free-tote", new Reward.FreeGift("TOTE-1", 1)));

        assertThat(priced.lineDiscounts()).containsExactly("0.00", "12.00");
        assertThat(priced.applied()).containsExactly("free-tote=12.00");
    }

    @Test
    void aGiftInTheCartStillStopsAtItsFloor() {
        Priced priced = price(cart().line(line("tote").sku("TOTE-1").price("12.00").floor("2.00")),
                offer("free-tote", new Reward.FreeGift("TOTE-1", 1)));

        assertThat(priced.lineDiscount("tote")).isEqualTo("10.00");
    }

    @Test
    void aGiftWhoseUnitsInTheCartWereDiscountedByAPromotionItDoesNotCombineWithIsNotCombinable() {
        // docs/api.md point 2: its only units are skipped, so nothing is left for it, and no gift is reported.
        Priced priced = price(cart().line("shoe", "80.00").line(line("tote").sku("TOTE-1").price("12.00")),
                offer("totes-10", Rewards.percentOff("10", LineSelector.skus("TOTE-1"))).priority(1)
                        .combinesWith(false, true, true),
                offer("free-tote", new Reward.FreeGift("TOTE-1", 1)));

        assertThat(priced.applied()).containsExactly("totes-10=1.20");
        assertThat(priced.notApplied()).containsExactly("free-tote:NOT_COMBINABLE");
        assertThat(priced.result.gifts()).isEmpty();
    }

    @Test
    void aGiftNotInTheCartIsGivenAfterAPromotionItDoesNotCombineWith() {
        // Nothing of the gift was discounted, so the earlier promotion takes nothing away from it.
        Priced priced = price(cart().line("shoe", "80.00"),
                offer("shoes-10", Rewards.percentOff("10")).priority(1).combinesWith(false, true, true),
                offer("free-tote", new Reward.FreeGift("TOTE-1", 1)));

        assertThat(priced.applied()).containsExactly("shoes-10=8.00", "free-tote=0.00");
        assertThat(priced.result.gifts()).containsExactly(new PricingResult.Gift("free-tote", "TOTE-1", 1));
    }
}
