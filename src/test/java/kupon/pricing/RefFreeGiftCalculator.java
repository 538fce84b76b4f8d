package kupon.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free gift: if the gift's SKU is already in the cart (on a discountable line), up to {@code quantity} of those
 * units, most expensive first, are discounted to zero, or to their floor. Reporting the gift is the engine's job.
 */
final class RefFreeGiftCalculator implements RefRewardCalculator<Reward.FreeGift> {

    @Override
    public RefProposal propose(RefPricingState state, Reward.FreeGift reward) {
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        var units = state.targeted(LineSelector.skus(reward.sku()));
        for (RefUnit unit : state.largestFirst(units, reward.quantity())) {
            discounts.put(unit.index(), state.remaining(unit));
        }
        return RefProposal.perUnit(discounts, state);
    }
}
