package kupon.rules.api;

import kupon.pricing.LineSelector;
import kupon.pricing.Reward;
import kupon.pricing.Reward.Selection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The buy-x-get-y builder and the reward it becomes. */
class BuyGetTest {

    @Test
    void buyTwoGetOneIsFreeCheapestAndUnlimitedUnlessSaidOtherwise() {
        Reward.BuyXGetY reward = BuyGet.buy(Items.categories("socks"), 2).get(1).toReward();

        assertThat(reward).isEqualTo(new Reward.BuyXGetY(LineSelector.categories("socks"), 2, null, 1, null, null,
                Selection.CHEAPEST, null));
        assertThat(reward.get()).as("got items default to the bought ones").isEqualTo(reward.buy());
    }

    @Test
    void everyPartOfTheDealReachesTheReward() {
        Reward.BuyXGetY reward = BuyGet.buy(Items.categories("shoes"), 1).get(Items.categories("socks"), 2)
                .amountOff("5.00").mostExpensive().maxApplications(3).toReward();

        assertThat(reward).isEqualTo(new Reward.BuyXGetY(LineSelector.categories("shoes"), 1,
                LineSelector.categories("socks"), 2, null, new BigDecimal("5.00"), Selection.MOST_EXPENSIVE, 3));
    }

    @Test
    void theLastDiscountSaidIsTheOneKept() {
        BuyGet halfPrice = BuyGet.buy(2).get(1).amountOff("5.00").percentOff(50);

        assertThat(halfPrice.toReward().percentOff()).isEqualByComparingTo("50");
        assertThat(halfPrice.toReward().amountOff()).isNull();
        assertThat(halfPrice.free().toReward().percentOff()).isNull();
    }

    @Test
    void aDealIsAValueThatReadsLikeTheOffer() {
        BuyGet deal = BuyGet.buy(Items.categories("socks"), 2).get(1);

        assertThat(deal).isEqualTo(BuyGet.buy(Items.categories("socks"), 2).get(1).free().cheapest());
        assertThat(deal.percentOff(50)).isNotEqualTo(deal);
        assertThat(deal.percentOff(50).maxApplications(2))
                .hasToString("buy 2 of Items[categories=[socks]], get 1 of the same 50% off, cheapest, at most 2 times");
    }

    @Test
    void impossibleQuantitiesAndPercentsAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(() -> BuyGet.buy(0)).hasMessage("buy quantity must be at least 1, was 0");
        assertThatThrownBy(() -> BuyGet.buy(2).get(0)).hasMessage("get quantity must be at least 1, was 0");
        assertThatThrownBy(() -> BuyGet.buy(2).get(1).percentOff(150)).hasMessage("percentOff must be between 0 and 100, was 150");
        assertThatThrownBy(() -> BuyGet.buy(2).get(1).amountOff("-1")).hasMessage("amountOff must not be negative, was -1");
        assertThatThrownBy(() -> BuyGet.buy(2).get(1).maxApplications(0)).hasMessage("maxApplications must be at least 1, was 0");
    }
}
