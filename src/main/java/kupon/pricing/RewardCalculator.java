package kupon.pricing;

/** Computes what one reward type would take off a cart snapshot, before the engine's floors, caps and stacking. */
interface RewardCalculator<R extends Reward> {

    Proposal propose(PricingState state, R reward);
}
