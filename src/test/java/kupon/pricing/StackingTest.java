package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.freeShipping;
import static kupon.pricing.Rewards.percentOff;
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
