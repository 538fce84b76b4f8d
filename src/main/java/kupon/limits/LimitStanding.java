package kupon.limits;

import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.codes.Rejections;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Where a promotion stands against its usage limits as counted now: open (its discount capped by what is left of
 * its budget) or reached. The same for JSON promotions and offers from rule files.
 */
public sealed interface LimitStanding {

    /** It may apply; {@code remainingBudget} caps its discount (null: it has no budget). */
    record Open(BigDecimal remainingBudget) implements LimitStanding {
    }

    /** It cannot apply now, for {@code reason}. */
    record Reached(RejectionReason reason) implements LimitStanding {

        /** What a shopper who entered {@code code} for it is told. */
        public RejectedCode rejection(String code) {
            return Rejections.limitReached(code, reason);
        }
    }

    /** The standing of a promotion with {@code limits}, given the counters {@code used} (missing ones are unused). */
    static LimitStanding of(List<UsageLimit> limits, Map<UsageKey, Usage> used) {
        // A per-customer counter for a shopper nobody can recognise again would be shared by every guest.
        if (Limits.needsKnownCustomer(limits)) {
            return new Reached(RejectionReason.NOT_ELIGIBLE_CUSTOMER);
        }
        BigDecimal remainingBudget = null;
        for (UsageLimit limit : limits) {
            Usage usage = used.getOrDefault(limit.key(), Usage.NONE);
            RejectionReason reason = limit.reachedBy(usage);
            if (reason != null) {
                return new Reached(reason);
            }
            if (remainingBudget == null) {
                remainingBudget = limit.remainingBudget(usage);
            }
        }
        return new Open(remainingBudget);
    }
}
