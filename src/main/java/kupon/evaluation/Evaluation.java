package kupon.evaluation;

import kupon.codes.RejectedCode;
import kupon.pricing.PricingResult;

import java.time.Instant;
import java.util.List;

/** The answer to "what would this cart get?": priced cart, rejected codes, and which rule set version decided. */
public record Evaluation(PricingResult pricing, List<RejectedCode> rejectedCodes, long ruleSetVersion,
                         Instant evaluatedAt, List<String> firedRules) {

    public Evaluation {
        rejectedCodes = List.copyOf(rejectedCodes);
        firedRules = List.copyOf(firedRules);
    }
}
