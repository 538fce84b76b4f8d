package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent off: on ITEMS rounded per line (EACH: per unit), on ORDER rounded once on the targeted total and then
 * allocated, on SHIPPING off the remaining shipping (docs/api.md point 3).
 */
final class PercentOffCalculator implements RewardCalculator<Reward.PercentOff> {

    @Override
    public Proposal propose(PricingState state, Reward.PercentOff reward) {
        List<Group> groups = state.targeted(reward.items());
        return switch (reward.target()) {
            case SHIPPING -> Proposal.shipping(state.percentOf(state.shippingRemaining(), reward.percent()));
            case ORDER -> Proposal.spread(Allocator.overLinesThenUnits(
                    state.percentOf(state.sum(groups), reward.percent()), groups, state), groups, state);
            case ITEMS -> reward.allocation() == Reward.Allocation.EACH
                    ? Proposal.perUnit(eachUnit(state, groups, reward.percent(), reward.maxQuantity()), state)
                    : Proposal.spread(perLine(state, groups, reward.percent()), groups, state);
        };
    }

    static List<Share> perLine(PricingState state, List<Group> groups, BigDecimal percent) {
        List<Share> shares = new ArrayList<>();
        for (List<Group> line : PricingState.byLine(groups)) {
            shares.addAll(Allocator.overUnits(state.percentOf(state.sum(line), percent), line, state));
        }
        return shares;
    }

    private static List<Share> eachUnit(PricingState state, List<Group> groups, BigDecimal percent,
                                        Integer maxQuantity) {
        List<Share> shares = new ArrayList<>();
        for (List<Group> line : PricingState.byLine(groups)) {
            for (Group group : PricingState.largestFirst(line, maxQuantity)) {
                shares.add(new Share(group, state.percentOf(group.remaining(), percent)));
            }
        }
        return shares;
    }
}
