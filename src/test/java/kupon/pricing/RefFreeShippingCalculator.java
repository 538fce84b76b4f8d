package kupon.pricing;

import java.math.BigDecimal;

/** Free shipping: the remaining shipping, or the given percentage of it. */
final class RefFreeShippingCalculator implements RefRewardCalculator<Reward.FreeShipping> {

    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    @Override
    public RefProposal propose(RefPricingState state, Reward.FreeShipping reward) {
        BigDecimal percent = reward.percent() == null ? ALL : reward.percent();
        return RefProposal.shipping(state.percentOf(state.shippingRemaining(), percent));
    }
}
