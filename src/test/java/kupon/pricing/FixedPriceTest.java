package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("FIXED_PRICE")
class FixedPriceTest {

    @Nested
    @DisplayName("per unit")
    class PerUnit {

        @Test
        void everySelectedUnitCostsTenDollars() {
            Priced priced = price(cart().line("tee", 2, "25.00"), offer("tees-10", fixedPrice("10.00", null)));

            assertThat(priced.lineDiscount("tee")).isEqualTo("30.00");
            assertThat(priced.line("tee").total().amount()).isEqualByComparingTo("20.00");
        }

        @Test
        void unitsAlreadyCheaperThanThePriceKeepTheirPrice() {
            Priced priced = price(cart().line("tee", "25.00").line("sock", "4.00"),
                    offer("p", fixedPrice("10.00", null)));

            assertThat(priced.lineDiscounts()).containsExactly("15.00", "0.00");
        }
    }

    @Nested
    @DisplayName("bundles: 3 for 10.00")
    class Bundles {

        @Test
        void theThreeMostExpensiveUnitsFormTheBundleAndTheCheapestIsLeftOut() {
            Priced priced = price(cart().line("a", "5.00").line("b", "6.00").line("c", "7.00").line("d", "2.00"),
                    offer("three-for-ten", fixedPrice("10.00", 3)));

            // 18.00 - 10.00 = 8.00 off, split 5:6:7 with the odd cent to the largest remainder (b).
            assertThat(priced.lineDiscounts()).containsExactly("2.22", "2.67", "3.11", "0.00");
            assertThat(priced.discountTotal()).isEqualTo("8.00");
        }

        @Test
        void twoFullBundlesFromOneLine() {
            Priced priced = price(cart().line("sock", 7, "4.00"), offer("p", fixedPrice("10.00", 3)));

            assertThat(priced.lineDiscount("sock")).isEqualTo("4.00");
        }

        @Test
        void aBundleCheaperThanThePriceGetsNothing() {
            Priced priced = price(cart().line("sock", 3, "2.00"), offer("p", fixedPrice("10.00", 3)));

            assertThat(priced.notApplied()).containsExactly("p:NO_ELIGIBLE_ITEMS");
        }
    }

    private static Reward.FixedPrice fixedPrice(String price, Integer bundle) {
        return new Reward.FixedPrice(new BigDecimal(price), null, bundle);
    }
}
