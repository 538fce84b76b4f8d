package kupon.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixed price: each selected unit down to the price, or each bundle of n units down to the price together.
 * Bundles are filled with the most expensive remaining units first, which gives the shopper the largest
 * discount and leaves the cheapest units out of incomplete bundles; ties go in pricing order.
 */
final class RefFixedPriceCalculator implements RefRewardCalculator<Reward.FixedPrice> {

    @Override
    public RefProposal propose(RefPricingState state, Reward.FixedPrice reward) {
        BigDecimal price = state.round(reward.price());
        List<RefUnit> units = state.targeted(reward.items());
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        if (reward.bundleQuantity() == null) {
            for (RefUnit unit : units) {
                discounts.put(unit.index(), state.remaining(unit).subtract(price).max(state.zero()));
            }
            return RefProposal.perUnit(discounts, state);
        }
        int size = reward.bundleQuantity();
        List<RefUnit> ordered = state.largestFirst(units, null);
        for (int start = 0; start + size <= ordered.size(); start += size) {
            List<RefUnit> bundle = ordered.subList(start, start + size).stream()
                    .sorted(Comparator.comparing(RefUnit::index))
                    .toList();
            BigDecimal over = state.sum(bundle).subtract(price);
            if (over.signum() > 0) {
                discounts.putAll(RefAllocator.overUnits(over, bundle, state));
            }
        }
        return RefProposal.perUnit(discounts, state);
    }
}
