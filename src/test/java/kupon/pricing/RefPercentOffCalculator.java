package kupon.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Percent off: on ITEMS rounded per line (EACH: per unit), on ORDER rounded once on the targeted total and then
 * allocated, on SHIPPING off the remaining shipping (docs/api.md point 3).
 */
final class RefPercentOffCalculator implements RefRewardCalculator<Reward.PercentOff> {

    @Override
    public RefProposal propose(RefPricingState state, Reward.PercentOff reward) {
        List<RefUnit> units = state.targeted(reward.items());
        return switch (reward.target()) {
            case SHIPPING -> RefProposal.shipping(state.percentOf(state.shippingRemaining(), reward.percent()));
            case ORDER -> RefProposal.spread(RefAllocator.overLinesThenUnits(
                    state.percentOf(state.sum(units), reward.percent()), units, state), units, state);
            case ITEMS -> reward.allocation() == Reward.Allocation.EACH
                    ? RefProposal.perUnit(eachUnit(state, units, reward.percent(), reward.maxQuantity()), state)
                    : RefProposal.spread(perLine(state, units, reward.percent()), units, state);
        };
    }

    static Map<Integer, BigDecimal> perLine(RefPricingState state, List<RefUnit> units, BigDecimal percent) {
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        for (List<RefUnit> line : RefPricingState.byLine(units)) {
            discounts.putAll(RefAllocator.overUnits(state.percentOf(state.sum(line), percent), line, state));
        }
        return discounts;
    }

    private static Map<Integer, BigDecimal> eachUnit(RefPricingState state, List<RefUnit> units, BigDecimal percent,
                                                     Integer maxQuantity) {
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        for (List<RefUnit> line : RefPricingState.byLine(units)) {
            for (RefUnit unit : state.largestFirst(line, maxQuantity)) {
                discounts.put(unit.index(), state.percentOf(state.remaining(unit), percent));
            }
        }
        return discounts;
    }
}
