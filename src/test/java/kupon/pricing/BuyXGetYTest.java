package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.percentOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import kupon.pricing.Reward.Selection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("BUY_X_GET_Y")
class BuyXGetYTest {

    @Nested
    @DisplayName("cheapest free")
    class Cheapest {

        @Test
        void buyTwoGetOneFreeOnThreeUnitsOfOneLine() {
            Priced priced = price(cart().line("tee", 3, "10.00"), offer("b2g1", buyGet(2, 1, Selection.CHEAPEST, null)));

            assertThat(priced.lineDiscount("tee")).isEqualTo("10.00");
            assertThat(priced.result.applied().get(0).target()).isEqualTo(Target.ITEMS);
        }

        @Test
        void theCheapestUnitIsTheFreeOne() {
            Priced priced = price(cart().line("a", "30.00").line("b", "10.00").line("c", "20.00"),
                    offer("b2g1", buyGet(2, 1, Selection.CHEAPEST, null)));

            assertThat(priced.lineDiscounts()).containsExactly("0.00", "10.00", "0.00");
        }

        @Test
        void repeatsWithTheExpensiveUnitsBoughtAndTheCheapOnesGot() {
            // 60 and 50 buy 10; 40 and 30 buy 20.
            Priced priced = price(sixUnits(), offer("b2g1", buyGet(2, 1, Selection.CHEAPEST, null)));

            assertThat(priced.lineDiscounts()).containsExactly("10.00", "20.00", "0.00", "0.00", "0.00", "0.00");
        }

        @Test
        void stopsAtMaxApplications() {
            Priced priced = price(sixUnits(), offer("b2g1", buyGet(2, 1, Selection.CHEAPEST, 1)));

            assertThat(priced.discountTotal()).isEqualTo("10.00");
        }

        @Test
        void tooFewUnitsGetNothing() {
            Priced priced = price(cart().line("tee", 2, "10.00"), offer("b2g1", buyGet(2, 1, Selection.CHEAPEST, null)));

            assertThat(priced.notApplied()).containsExactly("b2g1:NO_ELIGIBLE_ITEMS");
        }
    }

    @Nested
    @DisplayName("most expensive free")
    class MostExpensive {

        @Test
        void theMostExpensiveUnitOfEachGroupIsGot() {
            // 60 got with 50 and 40 bought; 30 got with 20 and 10 bought.
            Priced priced = price(sixUnits(), offer("b2g1", buyGet(2, 1, Selection.MOST_EXPENSIVE, null)));

            assertThat(priced.lineDiscounts()).containsExactly("0.00", "0.00", "30.00", "0.00", "0.00", "60.00");
        }
    }

    @Nested
    @DisplayName("different buy and get items")
    class DifferentItems {

        @Test
        void buyAShoeGetSocksHalfOff() {
            Reward reward = new Reward.BuyXGetY(LineSelector.categories("shoes"), 1, LineSelector.categories("socks"), 1,
                    new BigDecimal("50"), null, Selection.CHEAPEST, null);
            Priced priced = price(cart()
                            .line(line("shoe").price("80.00").categories("shoes"))
                            .line(line("sock").quantity(2).price("6.00").categories("socks")),
                    offer("shoe-sock", reward));

            assertThat(priced.lineDiscounts()).containsExactly("0.00", "3.00");
        }

        @Test
        void aFixedAmountOffEachGotUnitNeverMoreThanItCosts() {
            Reward reward = new Reward.BuyXGetY(LineSelector.skus("shoe"), 1, LineSelector.skus("sock"), 2,
                    null, new BigDecimal("5.00"), Selection.CHEAPEST, null);
            Priced priced = price(cart().line("shoe", "80.00").line("sock", 2, "4.00"), offer("p", reward));

            assertThat(priced.lineDiscount("sock")).isEqualTo("8.00");
        }
    }

    @Nested
    @DisplayName("several buy-x-get-y promotions")
    class Consumption {

        @Test
        void unitsUsedByTheFirstAreNotAvailableToTheSecondButStillTakeAPercent() {
            Priced priced = price(cart().line("tee", 3, "10.00"),
                    offer("b2g1-first", buyGet(2, 1, Selection.CHEAPEST, null)).priority(3),
                    offer("b1g1-second", buyGet(1, 1, Selection.CHEAPEST, null)).priority(2),
                    offer("ten-off", percentOff("10")).priority(1));

            assertThat(priced.applied()).containsExactly("b2g1-first=10.00", "ten-off=2.00");
            assertThat(priced.notApplied()).containsExactly("b1g1-second:NO_ELIGIBLE_ITEMS");
        }
    }

    private static CartBuilder sixUnits() {
        return cart().line("a", "10.00").line("b", "20.00").line("c", "30.00")
                .line("d", "40.00").line("e", "50.00").line("f", "60.00");
    }

    private static Reward.BuyXGetY buyGet(int buy, int get, Selection selection, Integer maxApplications) {
        return new Reward.BuyXGetY(null, buy, null, get, null, null, selection, maxApplications);
    }
}
