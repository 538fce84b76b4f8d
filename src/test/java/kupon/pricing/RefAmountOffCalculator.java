package kupon.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amount off: ACROSS spreads the amount once over the targeted lines (never more than they have left), EACH
 * takes it off every targeted unit (at most {@code maxQuantity} per line, largest first), SHIPPING off shipping.
 * ORDER with EACH behaves as ITEMS with EACH; only the reported class differs.
 */
final class RefAmountOffCalculator implements RefRewardCalculator<Reward.AmountOff> {

    @Override
    public RefProposal propose(RefPricingState state, Reward.AmountOff reward) {
        BigDecimal amount = state.round(reward.amount());
        if (reward.target() == Target.SHIPPING) {
            return RefProposal.shipping(amount.min(state.shippingRemaining()));
        }
        List<RefUnit> units = state.targeted(reward.items());
        if (reward.allocation() == Reward.Allocation.EACH) {
            Map<Integer, BigDecimal> discounts = new TreeMap<>();
            for (List<RefUnit> line : RefPricingState.byLine(units)) {
                for (RefUnit unit : state.largestFirst(line, reward.maxQuantity())) {
                    discounts.put(unit.index(), amount.min(state.remaining(unit)));
                }
            }
            return RefProposal.perUnit(discounts, state);
        }
        return RefProposal.spread(across(state, units, amount), units, state);
    }

    static Map<Integer, BigDecimal> across(RefPricingState state, List<RefUnit> units, BigDecimal amount) {
        return RefAllocator.overLinesThenUnits(amount.min(state.sum(units)), units, state);
    }
}
