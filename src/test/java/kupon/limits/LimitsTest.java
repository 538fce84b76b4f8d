package kupon.limits;

import kupon.codes.RejectionReason;
import kupon.promotions.Promotion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters a promotion's limits come to, and where a promotion stands against them. */
class LimitsTest {

    private static final Instant LATE_EVENING_IN_LONDON = Instant.parse("2026-11-27T23:30:00Z");
    private static final Promotion.Limits EVERY_LIMIT = new Promotion.Limits(1000, 1, 500, 3, new BigDecimal("5000.00"));

    @Test
    void everyLimitIsOneCounterKeyedByPromotionId() {
        List<UsageLimit> limits = Limits.of("bf-20", EVERY_LIMIT, ZoneId.of("Europe/Paris"), null, "u-1", "203.0.113.9",
                LATE_EVENING_IN_LONDON);

        assertThat(limits).containsExactly(
                new UsageLimit(UsageKey.total("bf-20"), 1000, new BigDecimal("5000.00"), RejectionReason.USAGE_LIMIT_REACHED),
                new UsageLimit(new UsageKey("bf-20", UsageKey.Scope.CUSTOMER, "u-1"), 1, null, RejectionReason.CUSTOMER_LIMIT_REACHED),
                // 23:30 in London is already the next day in Paris.
                new UsageLimit(new UsageKey("bf-20", UsageKey.Scope.DAY, "2026-11-28"), 500, null, RejectionReason.DAILY_LIMIT_REACHED),
                new UsageLimit(new UsageKey("bf-20", UsageKey.Scope.IP, "203.0.113.9"), 3, null, RejectionReason.IP_LIMIT_REACHED));
    }

    @Test
    void aJsonPromotionCountsItsDaysInItsSchedulesTimeZone() {
        Promotion json = new Promotion("bf-20", null, null, null, null, null, null, null, null, null,
                new Promotion.Schedule(null, null, "Europe/Paris", null, null), EVERY_LIMIT, null, null);

        assertThat(Limits.of(json, null, "u-1", "203.0.113.9", LATE_EVENING_IN_LONDON))
                .isEqualTo(Limits.of("bf-20", EVERY_LIMIT, ZoneId.of("Europe/Paris"), null, "u-1", "203.0.113.9", LATE_EVENING_IN_LONDON));
    }

    @Test
    void aPromotionWithBudgetLeftIsOpenAndCappedByWhatRemains() {
        List<UsageLimit> limits = Limits.of("p", new Promotion.Limits(10, null, null, null, new BigDecimal("25.00")),
                ZoneId.of("UTC"), null, null, null, LATE_EVENING_IN_LONDON);

        assertThat(LimitStanding.of(limits, Map.of())).isEqualTo(new LimitStanding.Open(new BigDecimal("25.00")));
        assertThat(LimitStanding.of(limits, Map.of(UsageKey.total("p"), new Usage(2, new BigDecimal("20.00")))))
                .isEqualTo(new LimitStanding.Open(new BigDecimal("5.00")));
        assertThat(LimitStanding.of(limits, Map.of(UsageKey.total("p"), new Usage(3, new BigDecimal("25.00")))))
                .isEqualTo(new LimitStanding.Reached(RejectionReason.BUDGET_EXHAUSTED));
        assertThat(LimitStanding.of(limits, Map.of(UsageKey.total("p"), new Usage(10, new BigDecimal("20.00")))))
                .isEqualTo(new LimitStanding.Reached(RejectionReason.USAGE_LIMIT_REACHED));
    }

    @Test
    void aGuestWithoutAnEmailCannotUseAPromotionLimitedPerCustomer() {
        List<UsageLimit> limits = Limits.of("p", new Promotion.Limits(null, 1, null, null, null), ZoneId.of("UTC"), null,
                null, null, LATE_EVENING_IN_LONDON);

        LimitStanding standing = LimitStanding.of(limits, Map.of());

        assertThat(standing).isEqualTo(new LimitStanding.Reached(RejectionReason.NOT_ELIGIBLE_CUSTOMER));
        assertThat(((LimitStanding.Reached) standing).rejection("SAVE10").message())
                .isEqualTo("The code SAVE10 is limited per customer: sign in or give an email address to use it.");
    }
}
