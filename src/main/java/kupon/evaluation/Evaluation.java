package kupon.evaluation;

import kupon.rules.RuleProblem;

import kupon.codes.PromoCode;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.limits.UsageLimit;
import kupon.pricing.PricingResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "what would this cart get?": priced cart, rejected codes, which rule set version
 * decided, and what committing it as an order would consume. {@code exclusions}: promotions that concerned the cart
 * but were left out before pricing (schedule, shopper, limits), for {@link Explanation}. {@code holdouts}: promotions
 * the shopper would have got but is held out of; {@code exposures}: the experiments the shopper took part in;
 * {@code codeAttempts}: each entered code that belongs to a promotion, and why it gave nothing (null when it applied);
 * {@code warnings}: free gifts cut by stock.
 */
public record Evaluation(PricingResult pricing, List<RejectedCode> rejectedCodes, long ruleSetVersion,
                         Instant evaluatedAt, List<String> firedRules, List<PlannedUse> plannedUses, Shopper shopper,
                         List<RuleProblem> problems, List<Explanation> exclusions, List<String> holdouts,
                         List<Exposure> exposures, List<CodeAttempt> codeAttempts, List<StockWarning> warnings) {

    /** The promotion was eligible for this identified shopper, who is in its treatment or (held out) its control group. */
    public record Exposure(String promotionId, String customerKey, boolean heldOut) {
    }

    /** An entered code of a promotion; {@code rejected} is null when the code applied. */
    public record CodeAttempt(String code, String promotionId, RejectionReason rejected) {
    }

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
        List<CodeAttempt> attempts = codeAttempts.stream().map(a -> rejected.stream().filter(r -> r.code().equals(a.code()))
                .findFirst().map(r -> new CodeAttempt(a.code(), a.promotionId(), r.reason())).orElse(a)).toList();
        return new Evaluation(pricing, rejected, ruleSetVersion, evaluatedAt, firedRules, plannedUses, shopper, problems, exclusions,
                holdouts, exposures, attempts, warnings);
    }

    public Evaluation {
        rejectedCodes = List.copyOf(rejectedCodes);
        firedRules = List.copyOf(firedRules);
        plannedUses = List.copyOf(plannedUses);
        problems = List.copyOf(problems);
        exclusions = List.copyOf(exclusions);
        holdouts = List.copyOf(holdouts);
        exposures = List.copyOf(exposures);
        codeAttempts = List.copyOf(codeAttempts);
        warnings = List.copyOf(warnings);
    }
}
