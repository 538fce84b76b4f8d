package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import kupon.pricing.Reward.Allocation;

/** Short names for the rewards tests use most. */
final class Rewards {

    private Rewards() {
    }

    static Reward.PercentOff percentOff(String percent) {
        return percentOff(percent, Target.ITEMS);
    }

    static Reward.PercentOff percentOff(String percent, Target target) {
        return new Reward.PercentOff(new BigDecimal(percent), target, null, null, null);
    }

    static Reward.PercentOff percentOff(String percent, LineSelector items) {
        return new Reward.PercentOff(new BigDecimal(percent), Target.ITEMS, items, null, null);
    }

    static Reward.PercentOff percentOffEach(String percent, Integer maxQuantity) {
        return new Reward.PercentOff(new BigDecimal(percent), Target.ITEMS, null, Allocation.EACH, maxQuantity);
    }

    static Reward.AmountOff amountOff(String amount, Target target) {
        return new Reward.AmountOff(new BigDecimal(amount), target, null, null, null);
    }

    static Reward.AmountOff amountOffEach(String amount, Integer maxQuantity) {
        return new Reward.AmountOff(new BigDecimal(amount), Target.ITEMS, null, Allocation.EACH, maxQuantity);
    }

    static Reward.FreeShipping freeShipping() {
        return new Reward.FreeShipping(null);
    }

    /** Tiers as alternating min, value: tiers("100", "10", "200", "20"). */
    static List<Reward.Tier> tiers(String... minThenValue) {
        List<Reward.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < minThenValue.length; i += 2) {
            tiers.add(new Reward.Tier(new BigDecimal(minThenValue[i]), new BigDecimal(minThenValue[i + 1])));
        }
        return tiers;
    }
}
