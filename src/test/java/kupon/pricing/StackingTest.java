package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.freeShipping;
import static kupon.pricing.Rewards.percentOff;
import static kupon.pricing.Rewards.percentOffEach;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Stacking: order, exclusive, stopFurther, combinesWith, conditions")
class StackingTest {

    @Nested
    @DisplayName("order of application")
    class Order {

        @Test
        void tenPercentThenTenPercentOn200Is20Then18() {
            Priced priced = price(cart().line("a", "200.00"),
                    offer("second", percentOff("10")).priority(1),
                    offer("first", percentOff("10")).priority(5));

            assertThat(priced.applied()).containsExactly("first=20.00", "second=18.00");
            assertThat(priced.line("a").adjustments()).extracting(PricingResult.Adjustment::promotionId)
                    .containsExactly("first", "second");
        }

        @Test
        void equalPrioritiesGoByPromotionIdThenCode() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("b-promo", amountOff("1.00", Target.ITEMS)),
                    offer("a-promo", amountOff("2.00", Target.ITEMS)).code("ZED"),
                    offer("a-promo", amountOff("3.00", Target.ITEMS)).code("ABC"));

            assertThat(priced.result.applied()).extracting(a -> a.promotionId() + "/" + a.code())
                    .containsExactly("a-promo/ABC", "a-promo/ZED", "b-promo/null");
        }

        @Test
        void theOrderOfOffersInTheRequestDoesNotMatter() {
            List<Offer> offers = new ArrayList<>(List.of(
                    offer("p1", percentOff("10")).priority(3).build(),
                    offer("p2", amountOff("5.00", Target.ORDER)).priority(3).build(),
                    offer("p3", freeShipping()).minSubtotal("50").build(),
                    offer("p4", percentOff("20")).stopFurther().priority(-1).build()));
            PricingCart cart = cart().line("a", "40.00").line("b", 3, "9.99").shipping("4.95").build();
            PricingResult expected = Priced.ENGINE.price(cart, offers);

            Random random = new Random(7);
            for (int i = 0; i < 10; i++) {
                Collections.shuffle(offers, random);
                assertThat(Priced.ENGINE.price(cart, offers)).isEqualTo(expected);
            }
        }
    }

    @Nested
    @DisplayName("exclusive")
    class Exclusive {

        @Test
        void anExclusivePromotionWinsOverAHigherPriorityOne() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("big-sale", percentOff("50")).priority(100),
                    offer("vip-only", percentOff("5")).exclusive().priority(1));

            assertThat(priced.applied()).containsExactly("vip-only=5.00");
            assertThat(priced.notApplied()).containsExactly("big-sale:EXCLUDED_BY_EXCLUSIVE");
        }

        @Test
        void betweenExclusivesTheFirstInOrderWins() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("ex-low", percentOff("30")).exclusive().priority(1),
                    offer("ex-high", percentOff("10")).exclusive().priority(2));

            assertThat(priced.applied()).containsExactly("ex-high=10.00");
            assertThat(priced.notApplied()).containsExactly("ex-low:EXCLUDED_BY_EXCLUSIVE");
        }

        @Test
        void anExclusivePromotionThatDoesNotApplyBlocksNothing() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("ex-big-spenders", percentOff("30")).exclusive().minSubtotal("500"),
                    offer("everyday", percentOff("10")));

            assertThat(priced.applied()).containsExactly("everyday=10.00");
        }
    }

    @Nested
    @DisplayName("stopFurther")
    class StopFurther {

        @Test
        void laterPromotionsAreSkippedOnceItHasDiscountedSomething() {
            Priced priced = price(cart().line("a", "100.00").shipping("5.00"),
                    offer("first", percentOff("10")).priority(3),
                    offer("stopper", percentOff("10")).priority(2).stopFurther(),
                    offer("never", freeShipping()).priority(1));

            assertThat(priced.applied()).containsExactly("first=10.00", "stopper=9.00");
            assertThat(priced.notApplied()).containsExactly("never:STOPPED_BY_EARLIER");
        }

        @Test
        void aStopperThatDoesNotApplyStopsNothing() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("stopper", percentOff("10")).priority(2).stopFurther().minSubtotal("1000"),
                    offer("next", percentOff("10")).priority(1));

            assertThat(priced.applied()).containsExactly("next=10.00");
        }
    }

    @Nested
    @DisplayName("combinesWith")
    class CombinesWith {

        @Test
        void anItemsPromotionThatRefusesOrderPromotionsBlocksALaterOrderPromotion() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("items-10", percentOff("10")).priority(2).combinesWith(true, false, true),
                    offer("order-5", amountOff("5.00", Target.ORDER)).priority(1));

            assertThat(priced.applied()).containsExactly("items-10=10.00");
            assertThat(priced.notApplied()).containsExactly("order-5:NOT_COMBINABLE");
        }

        @Test
        void aLaterPromotionThatRefusesTheEarlierClassDoesNotApplyEither() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("items-10", percentOff("10")).priority(2),
                    offer("order-5", amountOff("5.00", Target.ORDER)).priority(1).combinesWith(false, true, true));

            assertThat(priced.notApplied()).containsExactly("order-5:NOT_COMBINABLE");
        }

        @Test
        void classesThatAllowEachOtherCombine() {
            Priced priced = price(cart().line("a", "100.00").shipping("5.00"),
                    offer("items-10", percentOff("10")).priority(2).combinesWith(false, false, true),
                    offer("free-ship", freeShipping()).priority(1).combinesWith(true, false, false));

            assertThat(priced.applied()).containsExactly("items-10=10.00", "free-ship=5.00");
        }

        @Test
        void twoItemPromotionsThatRefuseItemsDoNotStack() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("first", percentOff("10")).priority(2).combinesWith(false, true, true),
                    offer("second", percentOff("10")).priority(1));

            assertThat(priced.notApplied()).containsExactly("second:NOT_COMBINABLE");
        }
    }

    /**
     * docs/api.md point 2: a promotion skips the units that an earlier promotion it does not combine with has
     * discounted, and still applies to the others.
     */
    @Nested
    @DisplayName("combinesWith, per unit")
    class CombinesWithPerUnit {

        private static final Reward.BuyXGetY BUY_2_GET_1 = new Reward.BuyXGetY(null, 2, null, 1, null, null,
                Reward.Selection.CHEAPEST, null);

        @Test
        void aSecondItemsPromotionDiscountsTheLinesTheFirstDidNot() {
            Priced priced = price(cart().line("mug", "12.00").line("tee", "20.00").line("cap", "8.00"),
                    offer("mugs-10", percentOff("10", LineSelector.skus("mug"))).priority(2).combinesWith(false, true, true),
                    offer("items-20", percentOff("20")).priority(1));

            // 20% of the tee and of the cap; the mug keeps only its 10%.
            assertThat(priced.applied()).containsExactly("mugs-10=1.20", "items-20=5.60");
            assertThat(priced.lineDiscounts()).containsExactly("1.20", "4.00", "1.60");
            assertThat(priced.total()).isEqualTo("33.20");
        }

        @Test
        void anOrderPromotionIsComputedAndAllocatedOnlyOnTheLinesTheItemsPromotionLeft() {
            Priced priced = price(cart().line("parka", "50.00").line("gloves", "20.00").line("hat", "13.33"),
                    offer("clearance-30", percentOff("30", LineSelector.skus("parka"))).priority(2)
                            .combinesWith(true, false, true),
                    offer("order-10", percentOff("10", Target.ORDER)).priority(1));

            // 10% of 33.33 is 3.33, split 20.00 : 13.33; the cent left by rounding goes to the larger remainder.
            assertThat(priced.applied()).containsExactly("clearance-30=15.00", "order-10=3.33");
            assertThat(priced.lineDiscounts()).containsExactly("15.00", "2.00", "1.33");
        }

        @Test
        void aPromotionThatHasNothingLeftIsNotCombinable() {
            Priced priced = price(cart().line("mug", "12.00").line("tee", "20.00").shipping("5.00"),
                    offer("sitewide-10", percentOff("10")).priority(3).combinesWith(false, false, true),
                    offer("order-5", amountOff("5.00", Target.ORDER)).priority(2),
                    offer("hats-10", percentOff("10", LineSelector.skus("hat"))).priority(2),
                    offer("free-ship", freeShipping()).priority(1));

            // Every unit order-5 could discount was discounted by sitewide-10. hats-10 would find nothing even
            // without sitewide-10, so it keeps its own reason. Shipping was not discounted: free shipping applies.
            assertThat(priced.applied()).containsExactly("sitewide-10=3.20", "free-ship=5.00");
            assertThat(priced.notApplied()).containsExactly("hats-10:NO_ELIGIBLE_ITEMS", "order-5:NOT_COMBINABLE");
        }

        @Test
        void aShippingPromotionSkipsShippingThatAnEarlierOneDiscounted() {
            Priced priced = price(cart().line("a", "30.00").shipping("5.00"),
                    offer("ship-half", percentOff("50", Target.SHIPPING)).priority(3).combinesWith(true, true, false),
                    offer("ship-1", amountOff("1.00", Target.SHIPPING)).priority(2),
                    offer("items-10", percentOff("10")).priority(1));

            assertThat(priced.applied()).containsExactly("ship-half=2.50", "items-10=3.00");
            assertThat(priced.notApplied()).containsExactly("ship-1:NOT_COMBINABLE");
            assertThat(priced.shippingDiscount()).isEqualTo("2.50");
        }

        @Test
        void theUnitsOfALineThatTheFirstPromotionLeftGetTheSecond() {
            Priced priced = price(cart().line("tee", 3, "10.00"),
                    offer("b2g1", BUY_2_GET_1).priority(2).combinesWith(false, true, true),
                    offer("tees-20", percentOff("20")).priority(1));

            // One tee is free; the two bought ones were not discounted, so 20% of their 20.00 is taken off.
            assertThat(priced.applied()).containsExactly("b2g1=10.00", "tees-20=4.00");
            assertThat(priced.lineDiscount("tee")).isEqualTo("14.00");
        }

        @Test
        void aBuyXGetYNeitherBuysNorGetsTheUnitsItSkips() {
            OfferBuilder halfOffOne = offer("half-one", percentOffEach("50", 1)).priority(2).combinesWith(false, true, true);

            // Of three tees, the half-price one is skipped: two are too few to buy 2 and get 1.
            Priced three = price(cart().line("tee", 3, "10.00"), halfOffOne, offer("b2g1", BUY_2_GET_1).priority(1));
            assertThat(three.applied()).containsExactly("half-one=5.00");
            assertThat(three.notApplied()).containsExactly("b2g1:NOT_COMBINABLE");

            // Of four, the other three make one application: 10.00 more.
            Priced four = price(cart().line("tee", 4, "10.00"), halfOffOne, offer("b2g1", BUY_2_GET_1).priority(1));
            assertThat(four.applied()).containsExactly("half-one=5.00", "b2g1=10.00");
        }

        @Test
        void conditionsAreStillCheckedOnTheWholeCart() {
            Priced priced = price(cart().line("mug", "40.00").line("tee", "20.00"),
                    offer("mugs-25", percentOff("25", LineSelector.skus("mug"))).priority(2).combinesWith(true, false, true),
                    offer("order-10", percentOff("10", Target.ORDER)).priority(1).minSubtotal("50.00"));

            // The cart as discounted so far is 30.00 + 20.00, the minimum met with the mug it may not discount.
            assertThat(priced.applied()).containsExactly("mugs-25=10.00", "order-10=2.00");
            assertThat(priced.lineDiscounts()).containsExactly("10.00", "2.00");
        }

        @Test
        void combinablePromotionsCompoundOnTheSameUnitsAsBefore() {
            Priced priced = price(cart().line("mug", "12.00").line("tee", "20.00"),
                    offer("mugs-10", percentOff("10", LineSelector.skus("mug"))).priority(2),
                    offer("order-10", percentOff("10", Target.ORDER)).priority(1));

            // 10% of 10.80 + 20.00, allocated 1.08 and 2.00.
            assertThat(priced.applied()).containsExactly("mugs-10=1.20", "order-10=3.08");
            assertThat(priced.lineDiscounts()).containsExactly("2.28", "2.00");
        }

        @Test
        void theExampleOfTheApiDocs() {
            OfferBuilder[] offers = {
                    offer("mugs-10", percentOff("10", LineSelector.skus("mug"))).priority(3).combinesWith(false, false, true),
                    offer("items-20", percentOff("20")).priority(2),
                    offer("order-10", percentOff("10", Target.ORDER)).priority(1),
                    offer("free-ship", freeShipping())};

            Priced priced = price(cart().line("mug", "12.00").line("tee", "20.00").line("cap", "8.00").shipping("4.95"),
                    offers);
            assertThat(priced.applied())
                    .containsExactly("mugs-10=1.20", "items-20=5.60", "order-10=2.24", "free-ship=4.95");
            assertThat(priced.lineDiscounts()).containsExactly("1.20", "5.60", "2.24");

            Priced mugAlone = price(cart().line("mug", "12.00").shipping("4.95"), offers);
            assertThat(mugAlone.applied()).containsExactly("mugs-10=1.20", "free-ship=4.95");
            assertThat(mugAlone.notApplied()).containsExactly("items-20:NOT_COMBINABLE", "order-10:NOT_COMBINABLE");
        }
    }

    @Nested
    @DisplayName("conditions and hints")
    class Conditions {

        @Test
        void aMinimumSubtotalIsInclusive() {
            Priced priced = price(cart().line("a", "100.00"), offer("p", amountOff("20.00", Target.ORDER)).minSubtotal("100"));

            assertThat(priced.applied()).containsExactly("p=20.00");
        }

        @Test
        void aMissingSubtotalIsHintedWithTheRewardInPlainWords() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("spend-200", amountOff("20.00", Target.ORDER)).minSubtotal("200"));

            assertThat(priced.notApplied()).containsExactly("spend-200:MIN_SUBTOTAL_NOT_MET");
            assertThat(priced.result.hints()).containsExactly(new PricingResult.Hint("spend-200",
                    PricingResult.HintKind.MIN_SUBTOTAL, new java.math.BigDecimal("100.00"),
                    "Spend 100.00 more to get 20.00 off."));
        }

        @Test
        void aMissingQuantityIsHinted() {
            Priced priced = price(cart().line("a", "10.00"),
                    offer("three-items", percentOff("10")).minQuantity(3));

            assertThat(priced.notApplied()).containsExactly("three-items:MIN_QUANTITY_NOT_MET");
            assertThat(priced.hints()).containsExactly("Add 2 more items to get 10% off.");
        }

        @Test
        void whenTwoMinimumsAreMissingNoHintIsGiven() {
            Priced priced = price(cart().line("a", "10.00"),
                    offer("p", percentOff("10")).minQuantity(3).minSubtotal("100"));

            assertThat(priced.notApplied()).containsExactly("p:MIN_SUBTOTAL_NOT_MET");
            assertThat(priced.hints()).isEmpty();
        }

        @Test
        void requiredItemsMissingGiveNoEligibleItemsAndNoHint() {
            Priced priced = price(cart().line("a", "10.00"),
                    offer("shoe-buyers", percentOff("10")).requiresItems(LineSelector.skus("shoe"), 1));

            assertThat(priced.notApplied()).containsExactly("shoe-buyers:NO_ELIGIBLE_ITEMS");
            assertThat(priced.hints()).isEmpty();
        }

        @Test
        void aSelectorThatMatchesNothingGivesNoEligibleItems() {
            Priced priced = price(cart().line("a", "10.00"), offer("p", percentOff("10", LineSelector.skus("zzz"))));

            assertThat(priced.notApplied()).containsExactly("p:NO_ELIGIBLE_ITEMS");
        }
    }
}
