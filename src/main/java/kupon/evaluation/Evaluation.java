package kupon.evaluation;

import kupon.rules.RuleProblem;

import kupon.codes.PromoCode;
import kupon.codes.RejectedCode;
import kupon.limits.UsageLimit;
import kupon.pricing.PricingResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "what would this cart get?": priced cart, rejected codes, which rule set version
 * decided, and what committing it as an order would consume. {@code exclusions}: promotions that concerned the cart
 * but were left out before pricing (schedule, shopper, limits), for {@link Explanation}.
 */
public record Evaluation(PricingResult pricing, List<RejectedCode> rejectedCodes, long ruleSetVersion,
                         Instant evaluatedAt, List<String> firedRules, List<PlannedUse> plannedUses, Shopper shopper,
                         List<RuleProblem> problems, List<Explanation> exclusions) {

    /** One applied promotion (through a code, maybe) and the limits an order must count it against. */
    public record PlannedUse(String promotionId, PromoCode code, BigDecimal amount, List<UsageLimit> limits) {
        public PlannedUse {
            limits = List.copyOf(limits);
        }
    }

    /** Who the order is for, as limits and the ledger record it. */
    public record Shopper(String customerId, String email, String ip, String channel, String source, String campaign,
                          String deviceId, String addressHash) {
    }

    /** The same evaluation with {@code rejected} as its rejected codes. */
    Evaluation withRejectedCodes(List<RejectedCode> rejected) {
        return new Evaluation(pricing, rejected, ruleSetVersion, evaluatedAt, firedRules, plannedUses, shopper, problems, exclusions);
    }

    public Evaluation {
        rejectedCodes = List.copyOf(rejectedCodes);
        firedRules = List.copyOf(firedRules);
        plannedUses = List.copyOf(plannedUses);
        problems = List.copyOf(problems);
        exclusions = List.copyOf(exclusions);
    }
}
