package kupon.promotions;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedules are read on the wall clock of their time zone, including across daylight-saving changes. */
class ScheduleStateTest {

    private static final Promotion.Schedule FRIDAY_EVENINGS_IN_NEW_YORK = new Promotion.Schedule(null, null,
            "America/New_York", List.of(DayOfWeek.FRIDAY), new Promotion.Hours(LocalTime.of(18, 0), LocalTime.of(21, 0)));

    @Test
    void fridayEveningBeforeAndAfterTheSpringClockChange() {
        // 6 March 2026 New York is on EST (UTC−5): 18:30 local is 23:30Z.
        assertThat(ScheduleState.of(FRIDAY_EVENINGS_IN_NEW_YORK, Instant.parse("2026-03-06T23:30:00Z"))).isEqualTo(ScheduleState.RUNNING);
        assertThat(ScheduleState.of(FRIDAY_EVENINGS_IN_NEW_YORK, Instant.parse("2026-03-06T22:30:00Z"))).isEqualTo(ScheduleState.OUTSIDE_HOURS);
        // 13 March 2026 it is on EDT (UTC−4): 18:30 local is 22:30Z.
        assertThat(ScheduleState.of(FRIDAY_EVENINGS_IN_NEW_YORK, Instant.parse("2026-03-13T22:30:00Z"))).isEqualTo(ScheduleState.RUNNING);
        assertThat(ScheduleState.of(FRIDAY_EVENINGS_IN_NEW_YORK, Instant.parse("2026-03-14T01:30:00Z"))).isEqualTo(ScheduleState.OUTSIDE_HOURS);
    }

    @Test
    void notOnOtherDays() {
        // Saturday 7 March 2026, 18:30 in New York.
        assertThat(ScheduleState.of(FRIDAY_EVENINGS_IN_NEW_YORK, Instant.parse("2026-03-07T23:30:00Z"))).isEqualTo(ScheduleState.OUTSIDE_HOURS);
    }

    @Test
    void aWindowWithStartAndEnd() {
        Promotion.Schedule blackFriday = new Promotion.Schedule(OffsetDateTime.parse("2026-11-27T00:00:00-05:00"),
                OffsetDateTime.parse("2026-11-30T23:59:59-05:00"), "America/New_York", null, null);
        assertThat(ScheduleState.of(blackFriday, Instant.parse("2026-11-27T04:59:59Z"))).isEqualTo(ScheduleState.NOT_STARTED);
        assertThat(ScheduleState.of(blackFriday, Instant.parse("2026-11-27T05:00:00Z"))).isEqualTo(ScheduleState.RUNNING);
        assertThat(ScheduleState.of(blackFriday, Instant.parse("2026-12-01T04:59:59Z"))).isEqualTo(ScheduleState.RUNNING);
        assertThat(ScheduleState.of(blackFriday, Instant.parse("2026-12-01T05:00:00Z"))).isEqualTo(ScheduleState.ENDED);
    }

    @Test
    void hoursAcrossMidnight() {
        Promotion.Schedule lateNight = new Promotion.Schedule(null, null, "Europe/Berlin", null,
                new Promotion.Hours(LocalTime.of(22, 0), LocalTime.of(2, 0)));
        assertThat(ScheduleState.of(lateNight, Instant.parse("2026-07-01T23:30:00Z"))).isEqualTo(ScheduleState.RUNNING);  // 01:30 CEST
        assertThat(ScheduleState.of(lateNight, Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo(ScheduleState.OUTSIDE_HOURS);
    }
}
