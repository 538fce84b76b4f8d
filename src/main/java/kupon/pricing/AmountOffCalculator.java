package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
        List<Group> groups = state.targeted(reward.items());
        if (reward.allocation() == Reward.Allocation.EACH) {
            List<Share> shares = new ArrayList<>();
            for (List<Group> line : PricingState.byLine(groups)) {
                for (Group group : PricingState.largestFirst(line, reward.maxQuantity())) {
                    shares.add(new Share(group, amount.min(group.remaining())));
                }
            }
            return Proposal.perUnit(shares, state);
        }
        return Proposal.spread(across(state, groups, amount), groups, state);
    }

    static List<Share> across(PricingState state, List<Group> groups, BigDecimal amount) {
        return Allocator.overLinesThenUnits(amount.min(state.sum(groups)), groups, state);
    }
}
