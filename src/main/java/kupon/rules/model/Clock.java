package kupon.rules.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The moment of the evaluation. Rules ask it about time instead of calling {@code now()} themselves,
 * so one evaluation sees one instant and tests can pin it.
 */
public final class Clock {

    private final Instant now;

    public Clock(Instant now) {
        this.now = now;
    }

    public Instant getNow() { return now; }

    /** True from {@code from} (inclusive) to {@code to} (exclusive); ISO-8601 with offset, e.g. 2026-11-27T00:00:00-05:00. */
    public boolean isBetween(String from, String to) {
        return !now.isBefore(OffsetDateTime.parse(from).toInstant()) && now.isBefore(OffsetDateTime.parse(to).toInstant());
    }

    public boolean isBefore(String moment) {
        return now.isBefore(OffsetDateTime.parse(moment).toInstant());
    }

    public boolean isAfter(String moment) {
        return !now.isBefore(OffsetDateTime.parse(moment).toInstant());
    }

    /** The day of the week in an IANA time zone, e.g. {@code dayOfWeek("Europe/Berlin") == DayOfWeek.FRIDAY}. */
    public DayOfWeek dayOfWeek(String timeZone) {
        return now.atZone(ZoneId.of(timeZone)).getDayOfWeek();
    }

    /** True when the wall-clock time in {@code timeZone} is in [from, to), e.g. {@code isTimeBetween("18:00", "21:00", "America/New_York")}. */
    public boolean isTimeBetween(String from, String to, String timeZone) {
        LocalTime local = now.atZone(ZoneId.of(timeZone)).toLocalTime();
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end); // window across midnight
    }

    @Override
    public String toString() {
        return "Clock[" + now + "]";
    }
}
