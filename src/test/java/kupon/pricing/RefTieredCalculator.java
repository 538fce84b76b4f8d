package kupon.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tiered: the highest tier the basis reaches gives its value, applied like an ACROSS percent or amount off the
 * target; LINE_QUANTITY picks a tier per line by that line's quantity and discounts that line (what a floor
 * blocks moves only between lines that reached a tier). The proposal carries how far the next tier is, so the engine can hint at it.
 */
final class RefTieredCalculator implements RefRewardCalculator<Reward.Tiered> {

    private final RefPercentOffCalculator percentOff = new RefPercentOffCalculator();
    private final RefAmountOffCalculator amountOff = new RefAmountOffCalculator();

    @Override
    public RefProposal propose(RefPricingState state, Reward.Tiered reward) {
        if (reward.basis() == Reward.TierBasis.LINE_QUANTITY) {
            return perLine(state, reward);
        }
        List<RefUnit> matching = state.matching(reward.items());
        boolean bySubtotal = reward.basis() == Reward.TierBasis.SUBTOTAL;
        BigDecimal basis = bySubtotal ? state.sum(matching) : BigDecimal.valueOf(matching.size());
        int reached = reachedTier(reward.tiers(), basis);
        RefProposal proposal = reached < 0 ? RefProposal.none(state) : applyTier(state, reward, reward.tiers().get(reached));
        if (reached + 1 < reward.tiers().size()) {
            Reward.Tier next = reward.tiers().get(reached + 1);
            BigDecimal missing = next.min().subtract(basis);
            proposal = proposal.withShortfall(bySubtotal
                    ? new RefProposal.Shortfall(PricingResult.HintKind.MIN_SUBTOTAL,
                            missing.setScale(state.scale(), RoundingMode.CEILING), next)
                    : new RefProposal.Shortfall(PricingResult.HintKind.MIN_QUANTITY,
                            missing.setScale(0, RoundingMode.CEILING), next));
        }
        return proposal;
    }

    private RefProposal applyTier(RefPricingState state, Reward.Tiered reward, Reward.Tier tier) {
        return reward.valueType() == Reward.ValueType.PERCENT
                ? percentOff.propose(state, new Reward.PercentOff(tier.value(), reward.target(), reward.items(),
                        Reward.Allocation.ACROSS, null))
                : amountOff.propose(state, new Reward.AmountOff(tier.value(), reward.target(), reward.items(),
                        Reward.Allocation.ACROSS, null));
    }

    private static RefProposal perLine(RefPricingState state, Reward.Tiered reward) {
        Set<RefUnit> targeted = new HashSet<>(state.targeted(reward.items()));
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        List<RefUnit> pool = new ArrayList<>();
        RefProposal.Shortfall closest = null;
        for (List<RefUnit> line : RefPricingState.byLine(state.matching(reward.items()))) {
            // Units combinesWith hides from the offer do not count (docs/api.md point 2).
            BigDecimal quantity = BigDecimal.valueOf(line.size());
            int reached = reachedTier(reward.tiers(), quantity);
            List<RefUnit> open = line.stream().filter(targeted::contains).toList();
            if (reached >= 0 && !open.isEmpty()) {
                BigDecimal value = reward.tiers().get(reached).value();
                BigDecimal amount = reward.valueType() == Reward.ValueType.PERCENT
                        ? state.percentOf(state.sum(open), value)
                        : state.round(value).min(state.sum(open));
                discounts.putAll(RefAllocator.overUnits(amount, open, state));
                pool.addAll(open);
            }
            if (reached + 1 < reward.tiers().size()) {
                Reward.Tier next = reward.tiers().get(reached + 1);
                BigDecimal missing = next.min().subtract(quantity).setScale(0, RoundingMode.CEILING);
                if (closest == null || missing.compareTo(closest.missing()) < 0) {
                    closest = new RefProposal.Shortfall(PricingResult.HintKind.MIN_QUANTITY, missing, next);
                }
            }
        }
        return RefProposal.spread(discounts, pool, state).withShortfall(closest);
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
