package kupon.rules.api;

import kupon.promotions.Promotion;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

/** The usage limits rules state for one promotion: each at most once (a second, different value is reported, the first kept). */
final class StatedLimits {

    private final String promotionId;
    private final Consumer<String> problems;
    private Integer totalUses;
    private Integer perCustomer;
    private Integer perDay;
    private Integer perIp;
    private Integer perDevice;
    private Integer perAddress;
    private BigDecimal budget;
    /** Null until a time zone is stated. */
    private ZoneId timeZone;

    StatedLimits(String promotionId, Consumer<String> problems) {
        this.promotionId = promotionId;
        this.problems = problems;
    }

    void totalUses(int uses) { totalUses = limit("totalUses", totalUses, uses); }

    void perCustomer(int uses) { perCustomer = limit("perCustomer", perCustomer, uses); }

    void perDay(int uses) { perDay = limit("perDay", perDay, uses); }

    void perIp(int uses) { perIp = limit("perIp", perIp, uses); }

    void perDevice(int uses) { perDevice = limit("perDevice", perDevice, uses); }

    void perAddress(int uses) { perAddress = limit("perAddress", perAddress, uses); }

    void budget(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("budget must be above 0, was " + amount.toPlainString() + " (leave it out for no budget)");
        }
        if (budget == null) {
            budget = amount;
        } else if (budget.compareTo(amount) != 0) {
            problems.accept("Promotion '" + promotionId + "' was given two budgets, " + budget.toPlainString() + " and "
                    + amount.toPlainString() + "; the first is kept.");
        }
    }

    void timeZone(String zone) {
        ZoneId z;
        try {
            z = ZoneId.of(Objects.requireNonNull(zone, "timeZone").trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + zone + "' is not a time zone; use an IANA name like \"Europe/Paris\"");
        }
        if (timeZone == null) {
            timeZone = z;
        } else if (!timeZone.equals(z)) {
            problems.accept("Promotion '" + promotionId + "' was given two time zones, " + timeZone + " and " + z
                    + "; the first is kept.");
        }
    }

    /** As a JSON promotion's {@code limits}; null when none was stated. */
    Promotion.Limits toLimits() {
        if (totalUses == null && perCustomer == null && perDay == null && perIp == null && budget == null
                && perDevice == null && perAddress == null) return null;
        return new Promotion.Limits(totalUses, perCustomer, perDay, perIp, budget, perDevice, perAddress);
    }

    /** UTC unless a time zone was stated, as for a JSON promotion without one. */
    ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    private Integer limit(String name, Integer current, int uses) {
        if (uses < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + uses + " (leave it out for no limit)");
        }
        if (current != null && current != uses) {
            problems.accept("Promotion '" + promotionId + "' was given two limits " + name + ", " + current + " and "
                    + uses + "; the first is kept.");
            return current;
        }
        return uses;
    }
}
