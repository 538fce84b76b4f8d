package kupon.pricing;

import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.amountOffEach;
import static kupon.pricing.Rewards.percentOff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class RewardWordingTest {

    private final RewardWording usd = new RewardWording(Currency.getInstance("USD"), Rounding.HALF_EVEN);

    @Test
    void rewardsInPlainWords() {
        assertThat(usd.describe(percentOff("12.50"))).isEqualTo("12.5% off");
        assertThat(usd.describe(amountOff("20", Target.ORDER))).isEqualTo("20.00 off");
        assertThat(usd.describe(amountOffEach("5", null))).isEqualTo("5.00 off each item");
        assertThat(usd.describe(percentOff("50", Target.SHIPPING))).isEqualTo("50% off shipping");
        assertThat(usd.describe(new Reward.FreeShipping(null))).isEqualTo("free shipping");
        assertThat(usd.describe(new Reward.FixedPrice(new BigDecimal("10"), null, 3))).isEqualTo("3 for 10.00");
        assertThat(usd.describe(new Reward.BuyXGetY(null, 2, null, 1, null, null, null, null)))
                .isEqualTo("buy 2, get 1 free");
        assertThat(usd.describe(new Reward.BuyXGetY(null, 1, null, 1, new BigDecimal("50"), null, null, null)))
                .isEqualTo("buy 1, get 1 at 50% off");
        assertThat(usd.describe(new Reward.FreeGift("TOTE-1", 1))).isEqualTo("a free TOTE-1");
    }

    @Test
    void shortfallsInPlainWords() {
        assertThat(usd.spendMore(new BigDecimal("100"), "20.00 off")).isEqualTo("Spend 100.00 more to get 20.00 off.");
        assertThat(usd.addMore(BigDecimal.ONE, false, "10% off")).isEqualTo("Add 1 more item to get 10% off.");
        assertThat(usd.addMore(BigDecimal.valueOf(2), false, "10% off")).isEqualTo("Add 2 more items to get 10% off.");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        RewardWording jpy = new RewardWording(Currency.getInstance("JPY"), Rounding.HALF_EVEN);

        assertThat(jpy.describe(amountOff("500", Target.ORDER))).isEqualTo("500 off");
    }
}
