package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.percentOff;
import static kupon.pricing.Rewards.percentOffEach;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Caps and floors")
class CapsAndFloorsTest {

    @Nested
    @DisplayName("floorPrice")
    class Floors {

        @Test
        void whatAFloorBlocksMovesToTheOtherLines() {
            // 30.00 would be 15.00 each; a can only give 10.00, so b takes the other 5.00.
            Priced priced = price(cart().line(line("a").price("100.00").floor("90.00")).line("b", "100.00"),
                    offer("p", amountOff("30.00", Target.ORDER)));

            assertThat(priced.lineDiscounts()).containsExactly("10.00", "20.00");
        }

        @Test
        void isReSplitRepeatedlyUntilPlaced() {
            // 60.00 over three lines: a gives 5, b then c pick up the rest as b also reaches its floor.
            Priced priced = price(cart()
                            .line(line("a").price("100.00").floor("95.00"))
                            .line(line("b").price("100.00").floor("75.00"))
                            .line("c", "100.00"),
                    offer("p", amountOff("60.00", Target.ITEMS)));

            assertThat(priced.lineDiscounts()).containsExactly("5.00", "25.00", "30.00");
        }

        @Test
        void whatCannotBePlacedIsNotGiven() {
            Priced priced = price(cart().line(line("a").price("100.00").floor("90.00")),
                    offer("p", amountOff("30.00", Target.ORDER)));

            assertThat(priced.applied()).containsExactly("p=10.00");
        }

        @Test
        void aPercentOffPerLineMovesWhatTheFloorBlocksToOtherTargetedLines() {
            Priced priced = price(cart().line(line("a").price("50.00").floor("48.00")).line("b", "50.00"),
                    offer("p", percentOff("10")));

            assertThat(priced.lineDiscounts()).containsExactly("2.00", "8.00");
        }

        @Test
        void perUnitRewardsStopAtTheFloorWithoutMovingTheRest() {
            Priced priced = price(cart().line(line("a").price("50.00").floor("48.00")).line("b", "50.00"),
                    offer("p", percentOffEach("10", null)));

            assertThat(priced.lineDiscounts()).containsExactly("2.00", "5.00");
        }

        @Test
        void aUnitAlreadyAtItsFloorGetsNothing() {
            Priced priced = price(cart().line(line("a").price("20.00").floor("30.00")),
                    offer("p", percentOff("10")));

            assertThat(priced.notApplied()).containsExactly("p:NO_ELIGIBLE_ITEMS");
        }

        @Test
        void aFloorBetweenTwoCentsIsNeverUndercut() {
            Priced priced = price(cart().line(line("a").price("10.00").floor("9.991")),
                    offer("p", percentOff("50")));

            assertThat(priced.lineDiscount("a")).isEqualTo("0.00");
        }
    }

    @Nested
    @DisplayName("maxAmount")
    class MaxAmount {

        @Test
        void capsThePromotionAndKeepsTheSplitProportional() {
            Priced priced = price(cart().line("a", "300.00").line("b", "200.00"),
                    offer("p", percentOff("20")).maxAmount("50.00"));

            assertThat(priced.applied()).containsExactly("p=50.00");
            assertThat(priced.lineDiscounts()).containsExactly("30.00", "20.00");
        }
    }

    @Nested
    @DisplayName("remaining budget")
    class Budget {

        @Test
        void anAlmostExhaustedBudgetReducesTheDiscountToWhatRemains() {
            Priced priced = price(cart().line("a", "100.00"), offer("p", percentOff("20")).remainingBudget("7.50"));

            assertThat(priced.applied()).containsExactly("p=7.50");
        }

        @Test
        void anExhaustedBudgetGivesNothing() {
            Priced priced = price(cart().line("a", "100.00"), offer("p", percentOff("20")).remainingBudget("0.004"));

            assertThat(priced.notApplied()).containsExactly("p:BUDGET_EXHAUSTED");
        }

        @Test
        void theSmallerOfMaxAmountAndBudgetWins() {
            Priced priced = price(cart().line("a", "100.00"),
                    offer("p", percentOff("20")).maxAmount("15.00").remainingBudget("12.00"));

            assertThat(priced.applied()).containsExactly("p=12.00");
        }
    }
}
