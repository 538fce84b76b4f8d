package kupon.analytics;

import java.time.Instant;
import java.time.ZoneId;

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

    /** Whether an instant is on the rollups' grain: a quarter hour. */
    public static boolean onQuarterHour(Instant at) {
        return RollupBatch.bucket(at).equals(at);
    }
}
