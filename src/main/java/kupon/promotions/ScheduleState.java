package kupon.promotions;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where a moment falls in a promotion's schedule. Weekdays and hours are read on the wall clock of the
 * schedule's time zone, so "Fridays 18:00–21:00 in New York" stays right across daylight-saving changes.
 */
public enum ScheduleState {
    RUNNING, NOT_STARTED, ENDED, OUTSIDE_HOURS;

    public static ScheduleState of(Promotion.Schedule schedule, Instant now) {
        if (schedule == null) {
            return RUNNING;
        }
        if (schedule.startsAt() != null && now.isBefore(schedule.startsAt().toInstant())) {
            return NOT_STARTED;
        }
        if (schedule.endsAt() != null && now.isAfter(schedule.endsAt().toInstant())) {
            return ENDED;
        }
        ZonedDateTime local = now.atZone(zone(schedule));
        if (schedule.daysOfWeek() != null && !schedule.daysOfWeek().isEmpty()
                && !schedule.daysOfWeek().contains(local.getDayOfWeek())) {
            return OUTSIDE_HOURS;
        }
        Promotion.Hours hours = schedule.hours();
        if (hours != null && !within(local.toLocalTime(), hours.from(), hours.to())) {
            return OUTSIDE_HOURS;
        }
        return RUNNING;
    }

    public static ZoneId zone(Promotion.Schedule schedule) {
        return schedule == null || schedule.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(schedule.timeZone());
    }

    /** [from, to); a window like 22:00–02:00 runs across midnight. */
    private static boolean within(LocalTime time, LocalTime from, LocalTime to) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
