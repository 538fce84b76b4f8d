package kupon.limits;

import kupon.codes.RejectionReason;

import java.math.BigDecimal;

/**
 * A limit on one counter: at most {@code maxUses} orders and, for a promotion's total, at most
 * {@code budget} of discount money. {@code usesReason} is what a code hears when the uses run out.
 */
public record UsageLimit(UsageKey key, Integer maxUses, BigDecimal budget, RejectionReason usesReason) {

    /** Why nothing more can be used, or null while something can. */
    public RejectionReason reachedBy(Usage usage) {
        if (maxUses != null && usage.uses() >= maxUses) return usesReason;
        if (budget != null && usage.amount().compareTo(budget) >= 0) return RejectionReason.BUDGET_EXHAUSTED;
        return null;
    }

    /** Budget left, or null when the promotion has no budget. */
    public BigDecimal remainingBudget(Usage usage) {
        return budget == null ? null : budget.subtract(usage.amount()).max(BigDecimal.ZERO);
    }
}
