package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.percentOff;
import static kupon.pricing.Rewards.percentOffEach;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PERCENT_OFF")
class PercentOffTest {

    @Nested
    @DisplayName("on items, across")
    class OnItemsAcross {

        @Test
        void tenPercentOffA200CartTakes20() {
            Priced priced = price(cart().line("shoe", "200.00"), offer("summer-10", percentOff("10")));

            assertThat(priced.discountTotal()).isEqualTo("20.00");
            assertThat(priced.line("shoe").total().amount()).isEqualByComparingTo("180.00");
            assertThat(priced.applied()).containsExactly("summer-10=20.00");
            assertThat(priced.result.applied().get(0).target()).isEqualTo(Target.ITEMS);
        }

        @Test
        void isRoundedPerLineSoTwoTinyLinesRoundUpTwice() {
            // 15% of 0.10 is 0.015 on each line, which half-even rounds to 0.02 per line.
            Priced priced = price(cart().line("a", "0.10").line("b", "0.10"), offer("p", percentOff("15")));

            assertThat(priced.lineDiscounts()).containsExactly("0.02", "0.02");
        }

        @Test
        void onlyTheSelectedCategoryIsDiscounted() {
            Priced priced = price(cart()
                            .line(line("shoe").price("80.00").categories("shoes"))
                            .line(line("hat").price("20.00").categories("hats")),
                    offer("shoes-20", percentOff("20", LineSelector.categories("shoes"))));

            assertThat(priced.lineDiscounts()).containsExactly("16.00", "0.00");
        }

        @Test
        void aLineNotDiscountableIsNeverTouched() {
            Priced priced = price(cart().line("gift-card", "50.00").line(line("book").price("50.00").notDiscountable()),
                    offer("p", percentOff("10")));

            assertThat(priced.lineDiscounts()).containsExactly("5.00", "0.00");
        }

        @Test
        void theLineDiscountIsSpreadOverItsUnitsAndAddsUp() {
            Priced priced = price(cart().line("pen", 3, "3.33"), offer("p", percentOff("10")));

            assertThat(priced.lineDiscount("pen")).isEqualTo("1.00");
            assertThat(priced.line("pen").adjustments()).singleElement()
                    .satisfies(a -> assertThat(a.amount().amount()).isEqualByComparingTo("1.00"));
        }

        @Test
        void saleItemsCanBeExcluded() {
            LineSelector notOnSale = new LineSelector(null, null, null, null, null, null, null, null, null, true, null);
            Priced priced = price(cart().line(line("old").price("10.00").onSale()).line("new", "10.00"),
                    offer("p", new Reward.PercentOff(new BigDecimal("50"), Target.ITEMS, notOnSale, null, null)));

            assertThat(priced.lineDiscounts()).containsExactly("0.00", "5.00");
        }
    }

    @Nested
    @DisplayName("on items, each")
    class OnItemsEach {

        @Test
        void halfOffAtMostTwoUnitsPerLine() {
            Priced priced = price(cart().line("tee", 3, "10.00").line("cap", 1, "8.00"),
                    offer("p", percentOffEach("50", 2)));

            assertThat(priced.lineDiscounts()).containsExactly("10.00", "4.00");
        }

        @Test
        void eachUnitIsRoundedOnItsOwn() {
            // 15% of 0.10 per unit = 0.015 → 0.02, three times.
            Priced priced = price(cart().line("clip", 3, "0.10"), offer("p", percentOffEach("15", null)));

            assertThat(priced.lineDiscount("clip")).isEqualTo("0.06");
        }
    }

    @Nested
    @DisplayName("on the order")
    class OnOrder {

        @Test
        void isRoundedOnceThenAllocatedTiesToTheLowestLineId() {
            // 15% of 0.20 = 0.03 once; the odd cent goes to line a.
            Priced priced = price(cart().line("b", "0.10").line("a", "0.10"),
                    offer("p", percentOff("15", Target.ORDER)));

            assertThat(priced.lineDiscount("a")).isEqualTo("0.02");
            assertThat(priced.lineDiscount("b")).isEqualTo("0.01");
            assertThat(priced.result.applied().get(0).target()).isEqualTo(Target.ORDER);
        }

        @Test
        void neverTouchesShipping() {
            Priced priced = price(cart().line("a", "100.00").shipping("10.00"),
                    offer("p", percentOff("50", Target.ORDER)));

            assertThat(priced.discountTotal()).isEqualTo("50.00");
            assertThat(priced.shippingDiscount()).isEqualTo("0.00");
            assertThat(priced.total()).isEqualTo("60.00");
        }
    }

    @Nested
    @DisplayName("on shipping")
    class OnShipping {

        @Test
        void halfOffShipping() {
            Priced priced = price(cart().line("a", "20.00").shipping("5.00"),
                    offer("ship-half", percentOff("50", Target.SHIPPING)));

            assertThat(priced.shippingDiscount()).isEqualTo("2.50");
            assertThat(priced.discountTotal()).isEqualTo("0.00");
            assertThat(priced.result.applied()).singleElement()
                    .satisfies(a -> assertThat(a.target()).isEqualTo(Target.SHIPPING));
            assertThat(priced.total()).isEqualTo("22.50");
        }
    }
}
