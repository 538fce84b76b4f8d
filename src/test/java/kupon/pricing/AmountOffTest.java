package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.amountOffEach;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AMOUNT_OFF")
class AmountOffTest {

    @Nested
    @DisplayName("on items, across")
    class OnItemsAcross {

        @Test
        void twentyOverThreeEqualLinesGivesTheOddCentToTheLowestIds() {
            Priced priced = price(cart().line("c", "10.00").line("a", "10.00").line("b", "10.00"),
                    offer("p", amountOff("20.00", Target.ITEMS)));

            assertThat(priced.lineDiscount("a")).isEqualTo("6.67");
            assertThat(priced.lineDiscount("b")).isEqualTo("6.67");
            assertThat(priced.lineDiscount("c")).isEqualTo("6.66");
        }

        @Test
        void isSplitInProportionToWhatEachLineCosts() {
            Priced priced = price(cart().line("jacket", "30.00").line("scarf", "10.00"),
                    offer("p", amountOff("10.00", Target.ITEMS)));

            assertThat(priced.lineDiscounts()).containsExactly("7.50", "2.50");
        }

        @Test
        void neverTakesMoreThanTheItemsCost() {
            Priced priced = price(cart().line("a", "30.00").shipping("5.00"),
                    offer("p", amountOff("50.00", Target.ITEMS)));

            assertThat(priced.discountTotal()).isEqualTo("30.00");
            assertThat(priced.total()).isEqualTo("5.00");
        }
    }

    @Nested
    @DisplayName("on items, each")
    class OnItemsEach {

        @Test
        void fiveOffEveryUnit() {
            Priced priced = price(cart().line("tee", 3, "20.00"), offer("p", amountOffEach("5.00", null)));

            assertThat(priced.lineDiscount("tee")).isEqualTo("15.00");
        }

        @Test
        void atMostMaxQuantityUnitsPerLine() {
            Priced priced = price(cart().line("tee", 3, "20.00").line("sock", 2, "4.00"),
                    offer("p", amountOffEach("5.00", 2)));

            assertThat(priced.lineDiscounts()).containsExactly("10.00", "8.00");
        }
    }

    @Nested
    @DisplayName("on the order")
    class OnOrder {

        @Test
        void isReportedAsAnOrderDiscountAndLeavesShippingAlone() {
            Priced priced = price(cart().line("a", "60.00").line("b", "40.00").shipping("5.00"),
                    offer("twenty-off", amountOff("20.00", Target.ORDER)));

            assertThat(priced.lineDiscounts()).containsExactly("12.00", "8.00");
            assertThat(priced.shippingDiscount()).isEqualTo("0.00");
            assertThat(priced.result.applied().get(0).target()).isEqualTo(Target.ORDER);
        }
    }

    @Nested
    @DisplayName("on shipping")
    class OnShipping {

        @Test
        void neverTakesMoreThanTheShippingCosts() {
            Priced priced = price(cart().line("a", "10.00").shipping("5.00"),
                    offer("p", amountOff("10.00", Target.SHIPPING)));

            assertThat(priced.shippingDiscount()).isEqualTo("5.00");
            assertThat(priced.applied()).containsExactly("p=5.00");
            assertThat(priced.total()).isEqualTo("10.00");
        }
    }
}
