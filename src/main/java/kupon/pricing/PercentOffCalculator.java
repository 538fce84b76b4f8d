package kupon.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Percent off: on ITEMS rounded per line (EACH: per unit), on ORDER rounded once on the targeted total and then
 * allocated, on SHIPPING off the remaining shipping (API.md point 3).
 */
final class PercentOffCalculator implements RewardCalculator<Reward.PercentOff> {

    @Override
    public Proposal propose(PricingState state, Reward.PercentOff reward) {
        List<Unit> units = state.targeted(reward.items());
        return switch (reward.target()) {
            case SHIPPING -> Proposal.shipping(state.percentOf(state.shippingRemaining(), reward.percent()));
            case ORDER -> Proposal.spread(Allocator.overLinesThenUnits(
                    state.percentOf(state.sum(units), reward.percent()), units, state), units, state);
            case ITEMS -> reward.allocation() == Reward.Allocation.EACH
                    ? Proposal.perUnit(eachUnit(state, units, reward.percent(), reward.maxQuantity()), state)
                    : Proposal.spread(perLine(state, units, reward.percent()), units, state);
        };
    }

    static Map<Integer, BigDecimal> perLine(PricingState state, List<Unit> units, BigDecimal percent) {
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        for (List<Unit> line : PricingState.byLine(units)) {
            discounts.putAll(Allocator.overUnits(state.percentOf(state.sum(line), percent), line, state));
        }
        return discounts;
    }

    private static Map<Integer, BigDecimal> eachUnit(PricingState state, List<Unit> units, BigDecimal percent,
                                                     Integer maxQuantity) {
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        for (List<Unit> line : PricingState.byLine(units)) {
            for (Unit unit : state.largestFirst(line, maxQuantity)) {
                discounts.put(unit.index(), state.percentOf(state.remaining(unit), percent));
            }
        }
        return discounts;
    }
}
