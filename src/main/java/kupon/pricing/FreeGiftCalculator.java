package kupon.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * Free gift: if the gift's SKU is already in the cart (on a discountable line), up to {@code quantity} of those
 * units, most expensive first and no more than are available, are discounted to zero, or to their floor. Reporting the gift is the engine's job.
 */
final class FreeGiftCalculator implements RewardCalculator<Reward.FreeGift> {

    @Override
    public Proposal propose(PricingState state, Reward.FreeGift reward) {
        List<Share> shares = new ArrayList<>();
        List<Group> groups = state.givable(state.targeted(LineSelector.skus(reward.sku())));
        for (Group group : PricingState.largestFirst(groups, reward.quantity())) {
            shares.add(new Share(group, group.remaining()));
        }
        return Proposal.perUnit(shares, state);
    }
}
