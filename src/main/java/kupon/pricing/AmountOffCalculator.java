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
final class AmountOffCalculator implements RewardCalculator<Reward.AmountOff> {

    @Override
    public Proposal propose(PricingState state, Reward.AmountOff reward) {
        BigDecimal amount = state.round(reward.amount());
        if (reward.target() == Target.SHIPPING) {
            return Proposal.shipping(amount.min(state.shippingRemaining()));
        }
        List<Unit> units = state.targeted(reward.items());
        if (reward.allocation() == Reward.Allocation.EACH) {
            Map<Integer, BigDecimal> discounts = new TreeMap<>();
            for (List<Unit> line : PricingState.byLine(units)) {
                for (Unit unit : state.largestFirst(line, reward.maxQuantity())) {
                    discounts.put(unit.index(), amount.min(state.remaining(unit)));
                }
            }
            return Proposal.perUnit(discounts, state);
        }
        return Proposal.spread(across(state, units, amount), units, state);
    }

    static Map<Integer, BigDecimal> across(PricingState state, List<Unit> units, BigDecimal amount) {
        return Allocator.overLinesThenUnits(amount.min(state.sum(units)), units, state);
    }
}
