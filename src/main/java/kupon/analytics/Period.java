package kupon.analytics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A period of analytics, {@code from} inclusive and {@code to} exclusive, both on a quarter hour (the rollups' grain),
 * with the time zone its days, weeks and months are in.
 */
public record Period(Instant from, Instant to, ZoneId zone) {

    public Period {
        if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to");
        if (!RollupBatch.bucket(from).equals(from) || !RollupBatch.bucket(to).equals(to)) {
            throw new IllegalArgumentException("a period starts and ends on a quarter hour");
        }
    }

    /** The first UTC midnight at or after {@code from}; the period's whole UTC days start there (see {@link #daysTo()}). */
    Instant daysFrom() {
        Instant midnight = from.truncatedTo(ChronoUnit.DAYS);
        Instant first = midnight.equals(from) ? from : midnight.plus(1, ChronoUnit.DAYS);
        return first.isBefore(daysEnd()) ? first : to;
    }

    /**
     * The end of the period's whole UTC days, read from the daily rollups; the quarter hours in [from, daysFrom) and
     * [daysTo, to) are read from the quarter-hour ones. Without a whole day, both are {@code to}: all of it is edge.
     */
    Instant daysTo() {
        return daysFrom().equals(to) ? to : daysEnd();
    }

    private Instant daysEnd() {
        return to.truncatedTo(ChronoUnit.DAYS);
    }

    /** Whether an instant is on the rollups' grain: a quarter hour. */
    public static boolean onQuarterHour(Instant at) {
        return RollupBatch.bucket(at).equals(at);
    }
}
