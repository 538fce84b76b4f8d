package kupon.promotions;

import java.time.Instant;
import java.util.List;

/** Whether a promotion may apply to this shopper at this moment, before any money is looked at. */
public enum Eligibility {
    ELIGIBLE, NOT_ELIGIBLE_CUSTOMER, NOT_STARTED, ENDED, OUTSIDE_HOURS;

    public static Eligibility of(Promotion promotion, Shopper shopper, Instant now) {
        switch (ScheduleState.of(promotion.schedule(), now)) {
            case NOT_STARTED: return NOT_STARTED;
            case ENDED: return ENDED;
            case OUTSIDE_HOURS: return OUTSIDE_HOURS;
            default: break;
        }
        Promotion.Conditions c = promotion.conditions();
        if (!anyOf(c.customerSegments(), shopper.segments())
                || Boolean.TRUE.equals(c.firstOrderOnly()) && shopper.orderCount().getAsInt() > 0
                || !oneOf(c.channels(), shopper.channel())
                || !oneOf(c.countries(), shopper.country())
                || c.birthdayWithinDays() != null && !shopper.birthdayWithinDays().test(c.birthdayWithinDays())
                || c.minLifetimeSpend() != null && shopper.lifetimeSpend().get().compareTo(c.minLifetimeSpend()) < 0) {
            return NOT_ELIGIBLE_CUSTOMER;
        }
        return ELIGIBLE;
    }

    private static boolean anyOf(List<String> required, List<String> actual) {
        return required == null || required.isEmpty() || actual.stream().anyMatch(required::contains);
    }

    private static boolean oneOf(List<String> allowed, String actual) {
        return allowed == null || allowed.isEmpty() || actual != null && allowed.contains(actual);
    }
}
