package kupon.pricing;

/** Computes what one reward type would take off a cart snapshot, before the engine's floors, caps and stacking. */
interface RefRewardCalculator<R extends Reward> {

    RefProposal propose(RefPricingState state, R reward);
}
