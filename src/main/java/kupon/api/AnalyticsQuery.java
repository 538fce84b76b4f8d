package kupon.api;

import kupon.analytics.AnalyticsReports;
import kupon.analytics.Period;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters analytics share, checked: {@code from}/{@code to} as dates (whole days in {@code timeZone},
 * {@code to} included) or as date-times on a quarter hour ({@code to} excluded); by default the last 30 days.
 */
record AnalyticsQuery(Period period, String currency, int limit, boolean csv, AnalyticsReports.Interval interval) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Duration MAX_PERIOD = Duration.ofDays(1100);

    static AnalyticsQuery of(String from, String to, String zone, String currency, String limit, String format, String interval) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId tz = zone(zone, errors);
        Instant end = to == null ? Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)) : instant("to", to, tz, true, errors);
        Instant start = from == null ? (end == null ? null : end.minus(Duration.ofDays(30))) : instant("from", from, tz, false, errors);
        if (currency != null && !currency.strip().matches("[A-Za-z]{3}")) errors.add(new FieldError("currency", "must be an ISO 4217 code such as USD"));
        int pageSize = limit(limit, errors);
        boolean csv = format != null && format.strip().equalsIgnoreCase("csv");
        if (format != null && !csv && !format.strip().equalsIgnoreCase("json")) errors.add(new FieldError("format", "must be csv or json"));
        AnalyticsReports.Interval every = AnalyticsReports.Interval.DAY;
        if (interval != null) {
            try {
                every = AnalyticsReports.Interval.valueOf(interval.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("interval", "must be day, week or month"));
            }
        }
        if (errors.isEmpty() && !start.isBefore(end)) errors.add(new FieldError("from", "must be before to"));
        if (errors.isEmpty() && Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            errors.add(new FieldError("from", "the period may be at most 1,100 days; ask for it in parts"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(400, errors);
        return new AnalyticsQuery(new Period(start, end, tz), currency == null ? null : currency.strip().toUpperCase(Locale.ROOT),
                pageSize, csv, every);
    }

    /** Region ids only ("Europe/Paris", "UTC"): PostgreSQL reads a bare offset such as "+02:00" with the opposite sign. */
    private static ZoneId zone(String zone, List<FieldError> errors) {
        if (zone == null || zone.isBlank()) return ZoneOffset.UTC;
        try {
            ZoneId id = ZoneId.of(zone.strip());
            if (id instanceof ZoneOffset || !(id.getId().contains("/") || id.getId().equals("UTC"))) throw new DateTimeException("offset");
            return id;
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "must be a time zone name such as Europe/Paris or America/New_York, or UTC"));
            return ZoneOffset.UTC;
        }
    }

    private static Instant instant(String name, String value, ZoneId zone, boolean end, List<FieldError> errors) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                if (day.getYear() < 2000 || day.getYear() > 2999) throw new DateTimeException("year");
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant at = OffsetDateTime.parse(v).toInstant();
            if (at.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || at.isAfter(Instant.parse("2999-12-31T00:00:00Z"))) {
                throw new DateTimeException("year");
            }
            if (!Period.onQuarterHour(at)) {
                errors.add(new FieldError(name, "must be on a quarter hour (analytics are kept per 15 minutes), e.g. 2026-11-27T18:45:00Z"));
            }
            return at;
        } catch (DateTimeException e) {
            errors.add(new FieldError(name, "must be a date (2026-11-27) or a date-time with offset (2026-11-27T18:00:00Z) between the years 2000 and 2999"));
            return null;
        }
    }

    private static int limit(String limit, List<FieldError> errors) {
        if (limit == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

}
