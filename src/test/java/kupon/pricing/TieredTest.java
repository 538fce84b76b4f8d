package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.tiers;
import static org.assertj.core.api.Assertions.assertThat;

import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("TIERED")
class TieredTest {

    private static final Reward SPEND_MORE_SAVE_MORE = new Reward.Tiered(TierBasis.SUBTOTAL,
            tiers("100", "10", "200", "20"), ValueType.PERCENT, Target.ORDER, null);

    @Nested
    @DisplayName("by subtotal")
    class BySubtotal {

        @Test
        void theHighestTierReachedAppliesAndTheNextOneIsHinted() {
            Priced priced = price(cart().line("a", "150.00"), offer("spend-more", SPEND_MORE_SAVE_MORE));

            assertThat(priced.applied()).containsExactly("spend-more=15.00");
            assertThat(priced.hints()).containsExactly("Spend 50.00 more to get 20% off.");
        }

        @Test
        void minimumsAreInclusiveAndTheTopTierHintsNothing() {
            Priced priced = price(cart().line("a", "200.00"), offer("spend-more", SPEND_MORE_SAVE_MORE));

            assertThat(priced.applied()).containsExactly("spend-more=40.00");
            assertThat(priced.hints()).isEmpty();
        }

        @Test
        void belowTheLowestTierNothingAppliesButTheShopperIsTold() {
            Priced priced = price(cart().line("a", "80.00"), offer("spend-more", SPEND_MORE_SAVE_MORE));

            assertThat(priced.notApplied()).containsExactly("spend-more:MIN_SUBTOTAL_NOT_MET");
            assertThat(priced.hints()).containsExactly("Spend 20.00 more to get 10% off.");
        }
    }

    @Nested
    @DisplayName("by quantity")
    class ByQuantity {

        @Test
        void threeItemsGetFiveOffAndFiveWouldGetFifteen() {
            Reward reward = new Reward.Tiered(TierBasis.QUANTITY, tiers("3", "5.00", "5", "15.00"),
                    ValueType.AMOUNT, Target.ITEMS, null);
            Priced priced = price(cart().line("a", 2, "10.00").line("b", "20.00"), offer("more-items", reward));

            assertThat(priced.lineDiscounts()).containsExactly("2.50", "2.50");
            assertThat(priced.hints()).containsExactly("Add 2 more items to get 15.00 off.");
            assertThat(priced.result.hints().get(0).kind()).isEqualTo(PricingResult.HintKind.MIN_QUANTITY);
        }
    }

    @Nested
    @DisplayName("by line quantity")
    class ByLineQuantity {

        @Test
        void eachLineGetsTheTierOfItsOwnQuantity() {
            Reward reward = new Reward.Tiered(TierBasis.LINE_QUANTITY, tiers("2", "10", "4", "20"),
                    ValueType.PERCENT, Target.ITEMS, null);
            Priced priced = price(cart().line("mug", 4, "10.00").line("pen", 2, "5.00").line("cap", "20.00"),
                    offer("multi-buy", reward));

            assertThat(priced.lineDiscounts()).containsExactly("8.00", "1.00", "0.00");
            assertThat(priced.hints()).containsExactly("Add 1 more of the same item to get 10% off.");
        }
    }

    /** docs/api.md point 2: a tier's basis counts only the units combinesWith leaves the promotion. */
    @Nested
    @DisplayName("with units combinesWith skips")
    class WithSkippedUnits {

        @Test
        void theSubtotalCountsOnlyTheLinesItMayDiscount() {
            Priced priced = price(cart().line("mug", "40.00").line("tee", "20.00"),
                    offer("mugs-25", Rewards.percentOff("25", LineSelector.skus("mug"))).priority(2)
                            .combinesWith(true, false, true),
                    offer("spend-more", new Reward.Tiered(TierBasis.SUBTOTAL, tiers("10", "5", "50", "20"),
                            ValueType.PERCENT, Target.ORDER, null)).priority(1));

            // The tee's 20.00 reaches the 5% tier; the mug's 30.00 does not count toward the 20% one.
            assertThat(priced.applied()).containsExactly("mugs-25=10.00", "spend-more=1.00");
            assertThat(priced.hints()).containsExactly("Spend 30.00 more to get 20% off.");
        }

        @Test
        void aLineQuantityCountsOnlyTheUnitsItMayDiscount() {
            OfferBuilder halfOffOne = offer("half-one", Rewards.percentOffEach("50", 1)).priority(2)
                    .combinesWith(false, true, true);
            OfferBuilder threeOrMore = offer("three-or-more", new Reward.Tiered(TierBasis.LINE_QUANTITY,
                    tiers("3", "10"), ValueType.PERCENT, Target.ITEMS, null)).priority(1);

            // Four mugs, one at half price: the other three reach the tier, 10% of their 30.00.
            Priced four = price(cart().line("mug", 4, "10.00"), halfOffOne, threeOrMore);
            assertThat(four.applied()).containsExactly("half-one=5.00", "three-or-more=3.00");

            // Three mugs leave it two: the whole line would reach the tier, so combinesWith is why it does not.
            Priced three = price(cart().line("mug", 3, "10.00"), halfOffOne, threeOrMore);
            assertThat(three.notApplied()).containsExactly("three-or-more:NOT_COMBINABLE");
        }
    }
}
