package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiered: the highest tier the basis reaches gives its value, applied like an ACROSS percent or amount off the
 * target; LINE_QUANTITY picks a tier per line by that line's quantity and discounts that line (what a floor
 * blocks moves only between lines that reached a tier). The basis counts only the units the offer may discount:
 * those combinesWith hides from it count for nothing. The proposal carries how far the next tier is, so the engine
 * can hint at it.
 */
final class TieredCalculator implements RewardCalculator<Reward.Tiered> {

    private final PercentOffCalculator percentOff = new PercentOffCalculator();
    private final AmountOffCalculator amountOff = new AmountOffCalculator();

    @Override
    public Proposal propose(PricingState state, Reward.Tiered reward) {
        if (reward.basis() == Reward.TierBasis.LINE_QUANTITY) {
            return perLine(state, reward);
        }
        List<Group> matching = state.matching(reward.items());
        boolean bySubtotal = reward.basis() == Reward.TierBasis.SUBTOTAL;
        BigDecimal basis = bySubtotal ? state.sum(matching) : BigDecimal.valueOf(PricingState.quantity(matching));
        int reached = reachedTier(reward.tiers(), basis);
        Proposal proposal = reached < 0 ? Proposal.none(state) : applyTier(state, reward, reward.tiers().get(reached));
        if (reached + 1 < reward.tiers().size()) {
            Reward.Tier next = reward.tiers().get(reached + 1);
            BigDecimal missing = next.min().subtract(basis);
            proposal = proposal.withShortfall(bySubtotal
                    ? new Proposal.Shortfall(PricingResult.HintKind.MIN_SUBTOTAL,
                            Rounding.atLeast(missing, state.scale()), next)
                    : new Proposal.Shortfall(PricingResult.HintKind.MIN_QUANTITY,
                            Rounding.atLeast(missing, 0), next));
        }
        return proposal;
    }

    private Proposal applyTier(PricingState state, Reward.Tiered reward, Reward.Tier tier) {
        return reward.valueType() == Reward.ValueType.PERCENT
                ? percentOff.propose(state, new Reward.PercentOff(tier.value(), reward.target(), reward.items(),
                        Reward.Allocation.ACROSS, null))
                : amountOff.propose(state, new Reward.AmountOff(tier.value(), reward.target(), reward.items(),
                        Reward.Allocation.ACROSS, null));
    }

    private static Proposal perLine(PricingState state, Reward.Tiered reward) {
        List<Share> shares = new ArrayList<>();
        List<Group> pool = new ArrayList<>();
        Proposal.Shortfall closest = null;
        for (List<Group> line : PricingState.byLine(state.matching(reward.items()))) {
            // The line's units this offer may see: all of them, unless combinesWith hides some (docs/api.md point 2).
            BigDecimal quantity = BigDecimal.valueOf(PricingState.quantity(line));
            int reached = reachedTier(reward.tiers(), quantity);
            List<Group> open = line.stream().filter(group -> group.remaining().signum() > 0).toList();
            if (reached >= 0 && !open.isEmpty()) {
                BigDecimal value = reward.tiers().get(reached).value();
                BigDecimal amount = reward.valueType() == Reward.ValueType.PERCENT
                        ? state.percentOf(state.sum(open), value)
                        : state.round(value).min(state.sum(open));
                shares.addAll(Allocator.overUnits(amount, open, state));
                pool.addAll(open);
            }
            if (reached + 1 < reward.tiers().size()) {
                Reward.Tier next = reward.tiers().get(reached + 1);
                BigDecimal missing = Rounding.atLeast(next.min().subtract(quantity), 0);
                if (closest == null || missing.compareTo(closest.missing()) < 0) {
                    closest = new Proposal.Shortfall(PricingResult.HintKind.MIN_QUANTITY, missing, next);
                }
            }
        }
        return Proposal.spread(shares, pool, state).withShortfall(closest);
    }

    /** Index of the highest tier whose min the basis reaches, or -1. */
    private static int reachedTier(List<Reward.Tier> tiers, BigDecimal basis) {
        int reached = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (basis.compareTo(tiers.get(i).min()) >= 0) {
                reached = i;
            }
        }
        return reached;
    }
}
