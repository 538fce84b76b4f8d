package kupon.pricing;

import java.math.BigDecimal;

/** Free shipping: the remaining shipping, or the given percentage of it. */
final class FreeShippingCalculator implements RewardCalculator<Reward.FreeShipping> {

    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    @Override
    public Proposal propose(PricingState state, Reward.FreeShipping reward) {
        BigDecimal percent = reward.percent() == null ? ALL : reward.percent();
        return Proposal.shipping(state.percentOf(state.shippingRemaining(), percent));
    }
}
