package kupon.evaluation;

import kupon.codes.RejectionReason;
import kupon.promotions.Eligibility;
import kupon.promotions.Promotion;

/** Why an automatic promotion that concerned the cart was left out before pricing, as {@link Explanation}s say it. */
final class PromotionExclusion {

    private PromotionExclusion() {
    }

    static Explanation of(Promotion promotion, Eligibility eligibility) {
        Promotion.Schedule schedule = promotion.schedule();
        return switch (eligibility) {
            case NOT_STARTED -> Explanation.excluded(promotion.id(), RejectionReason.NOT_YET_ACTIVE,
                    "It starts at " + schedule.startsAt() + ".");
            case ENDED -> Explanation.excluded(promotion.id(), RejectionReason.EXPIRED, "It ended at " + schedule.endsAt() + ".");
            case OUTSIDE_HOURS -> Explanation.excluded(promotion.id(), RejectionReason.NOT_YET_ACTIVE,
                    "It runs only on some days or hours" + (schedule.timeZone() != null ? " (" + schedule.timeZone() + ")" : "")
                            + ", and this is not one of them.");
            default -> Explanation.excluded(promotion.id(), RejectionReason.NOT_ELIGIBLE_CUSTOMER,
                    "This shopper or order is not one it is for (segments, first order only, channel or country).");
        };
    }

    static String limitReached(RejectionReason reason) {
        return switch (reason) {
            case USAGE_LIMIT_REACHED -> "It has been used as many times as it may be.";
            case CUSTOMER_LIMIT_REACHED -> "This customer has used it as many times as one customer may.";
            case DAILY_LIMIT_REACHED -> "It has been used as many times today as it may be in a day.";
            case IP_LIMIT_REACHED -> "It has been used as many times from this IP address as it may be.";
            case BUDGET_EXHAUSTED -> "Its budget is spent.";
            case NOT_ELIGIBLE_CUSTOMER -> "It is limited per customer, and this shopper gave no customer id or email.";
            default -> "One of its usage limits is reached.";
        };
    }
}
