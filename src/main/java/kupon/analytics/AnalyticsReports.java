package kupon.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;
import kupon.pricing.Rounding;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the analytics figures from the rollups and counters (never by scanning the order ledger, except an
 * experiment's own orders): lists paged by value, one value with its series, values side by side. Every read first
 * takes in what this node counted and what the ledger committed, so a figure is current when it is answered.
 */
@ApplicationScoped
public class AnalyticsReports {

    /** The interval of a series. */
    public enum Interval { DAY, WEEK, MONTH }

    /** A page of figures in value order; {@code next} is the {@code after} of the next page, null on the last. */
    public record Page(List<Figures> items, String next) {
    }

    private final Sql sql;
    private final Rollups rollups;
    private final CheckoutCounting counting;

    public AnalyticsReports(Sql sql, Rollups rollups, CheckoutCounting counting) {
        this.sql = sql;
        this.rollups = rollups;
        this.counting = counting;
    }

    private void catchUp() {
        counting.flush();
        rollups.catchUp(true);
    }

    /** The currency asked for, else the one of most orders in the period, else USD. */
    private String currency(Period period, String asked) {
        if (asked != null) return asked;
        return sql.one("Reading the currencies of the period", """
                SELECT currency FROM (SELECT currency, orders FROM analytics_rollup WHERE dimension = 'ALL' AND value = ''
                                         AND (bucket >= ? AND bucket < ? OR bucket >= ? AND bucket < ?)
                                      UNION ALL
                                      SELECT currency, orders FROM analytics_rollup_day WHERE dimension = 'ALL' AND value = ''
                                         AND bucket >= ? AND bucket < ?) r
                 GROUP BY currency ORDER BY sum(orders) DESC, currency LIMIT 1""", row -> row.getString(1),
                period.from(), period.daysFrom(), period.daysTo(), period.to(), period.daysFrom(), period.daysTo()).orElse("USD");
    }

    /** A page of values with their figures; {@code asked} the currency, or null for the period's main one. */
    public Page list(Dimension dimension, Period period, String asked, String after, int limit) {
        catchUp();
        String currency = currency(period, asked);
        return sql.connected("Reading analytics of " + dimension, c -> {
            List<String> values = Sql.list(c, "SELECT value FROM analytics_value WHERE dimension = ? AND value > ? ORDER BY value LIMIT ?",
                    row -> row.getString(1), dimension, after == null ? "" : after, limit + 1);
            boolean more = values.size() > limit;
            if (more) values = values.subList(0, limit);
            return new Page(figures(c, dimension, values, period, currency), more ? values.get(values.size() - 1) : null);
        });
    }

    /** The figures of the given values, in the order given (unknown values have zeros). */
    public List<Figures> compare(Dimension dimension, List<String> values, Period period, String asked) {
        catchUp();
        String currency = currency(period, asked);
        return sql.connected("Comparing analytics of " + dimension, c -> figures(c, dimension, values, period, currency));
    }

    /**
     * One value's figures with its series; for a promotion also its codes and its experiment, when it has them. Empty
     * for a value analytics have never seen (no order, and for a promotion no code entered and no shopper exposed).
     */
    public Optional<Figures> one(Dimension dimension, String value, Period period, String asked, Interval interval) {
        catchUp();
        String currency = currency(period, asked);
        return sql.connected("Reading analytics of " + dimension + " " + value, c -> {
            if (!known(c, dimension, value)) return Optional.empty();
            Figures figures = figures(c, dimension, List.of(value), period, currency).get(0);
            List<Figures.Point> series = series(c, dimension, value, period, currency, interval);
            if (dimension != Dimension.PROMOTION) return Optional.of(figures.with(null, null, series));
            return Optional.of(figures.with(codes(c, value, period, redemptions(c, value, period, currency)),
                    ExperimentReader.read(c, value, period, currency, scale(currency)), series));
        });
    }

    /** Every order of the period, with or without a promotion, and its series: a shop's totals. */
    public Figures overall(Period period, String asked, Interval interval) {
        catchUp();
        String currency = currency(period, asked);
        return sql.connected("Reading overall analytics", c -> figures(c, Dimension.ALL, List.of(""), period, currency).get(0)
                .with(null, null, series(c, Dimension.ALL, "", period, currency, interval)));
    }

    /** A series of figures per interval, in one currency. */
    public record Series(String currency, List<Figures.Point> points) {
    }

    /** Only the series of every order of the period: the shop's totals per interval, without counting distinct shoppers. */
    public Series overallSeries(Period period, String asked, Interval interval) {
        catchUp();
        String currency = currency(period, asked);
        return new Series(currency, sql.connected("Reading the overall series", c -> series(c, Dimension.ALL, "", period, currency, interval)));
    }

    /** The {@code limit} values with the largest discount in the period, largest first, with their figures. */
    public List<Figures> top(Dimension dimension, Period period, String asked, int limit) {
        catchUp();
        String currency = currency(period, asked);
        return sql.connected("Reading the top " + dimension, c -> {
            List<String> values = Sql.list(c, """
                    SELECT value FROM (SELECT value, discount_total FROM analytics_rollup
                                        WHERE dimension = ? AND currency = ? AND (bucket >= ? AND bucket < ? OR bucket >= ? AND bucket < ?)
                                       UNION ALL
                                       SELECT value, discount_total FROM analytics_rollup_day
                                        WHERE dimension = ? AND currency = ? AND bucket >= ? AND bucket < ?) r
                     GROUP BY value ORDER BY sum(discount_total) DESC, value LIMIT ?""", row -> row.getString(1),
                    dimension, currency, period.from(), period.daysFrom(), period.daysTo(), period.to(),
                    dimension, currency, period.daysFrom(), period.daysTo(), limit);
            return figures(c, dimension, values, period, currency);
        });
    }

    private static boolean known(Connection c, Dimension dimension, String value) throws SQLException {
        String query = dimension != Dimension.PROMOTION
                ? "SELECT EXISTS (SELECT 1 FROM analytics_value WHERE dimension = ? AND value = ?)"
                : """
                  SELECT EXISTS (SELECT 1 FROM analytics_value WHERE dimension = ? AND value = ?)
                      OR EXISTS (SELECT 1 FROM analytics_code_counter WHERE promotion_id = ?)
                      OR EXISTS (SELECT 1 FROM analytics_exposure WHERE promotion_id = ?)""";
        Object[] parameters = dimension != Dimension.PROMOTION ? new Object[] {dimension, value}
                : new Object[] {dimension, value, value, value};
        return Sql.one(c, query, r -> r.getBoolean(1), parameters).orElse(false);
    }

    private static int scale(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** The sums of one dimension value over a period. */
    private record Sums(long orders, long cancelled, long newCustomers, long costed, long redemptions, BigDecimal revenue,
                        BigDecimal discount, BigDecimal discountCancelled, BigDecimal margin) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        long kept() {
            return orders - cancelled;
        }
    }

    private static Map<String, Sums> sums(Connection c, Dimension dimension, List<String> values, Period period, String currency)
            throws SQLException {
        Map<String, Sums> sums = new HashMap<>();
        // Whole UTC days from the daily rows, the edges of the period from the quarter-hour ones.
        for (Object[] row : Sql.list(c, """
                SELECT value, sum(orders), sum(cancelled_orders), sum(new_customers), sum(costed_orders), sum(redemptions),
                       sum(revenue), sum(discount_total), sum(discount_cancelled), sum(gross_margin)
                  FROM (SELECT * FROM analytics_rollup
                         WHERE dimension = ? AND value = ANY (?) AND currency = ?
                           AND (bucket >= ? AND bucket < ? OR bucket >= ? AND bucket < ?)
                        UNION ALL
                        SELECT * FROM analytics_rollup_day
                         WHERE dimension = ? AND value = ANY (?) AND currency = ? AND bucket >= ? AND bucket < ?) r
                 GROUP BY value""", AnalyticsReports::row, dimension, values, currency, period.from(), period.daysFrom(),
                period.daysTo(), period.to(), dimension, values, currency, period.daysFrom(), period.daysTo())) {
            sums.put((String) row[0], (Sums) row[1]);
        }
        return sums;
    }

    private static Object[] row(ResultSet r) throws SQLException {
        return new Object[] {r.getString(1), new Sums(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9), r.getBigDecimal(10))};
    }

    private List<Figures> figures(Connection c, Dimension dimension, List<String> values, Period period, String currency)
            throws SQLException {
        Map<String, Sums> sums = sums(c, dimension, values, period, currency);
        Sums all = sums(c, Dimension.ALL, List.of(""), period, currency).getOrDefault("", Sums.NONE);
        Map<String, Long> customers = ShopperSets.count(c, dimension, values, currency, period);
        int scale = scale(currency);
        List<Figures> figures = new ArrayList<>();
        for (String value : values) {
            Sums s = sums.getOrDefault(value, Sums.NONE);
            BigDecimal cost = s.discount().subtract(s.discountCancelled());
            BigDecimal margin = s.costed() > 0 ? s.margin() : null;
            long othersKept = all.kept() - s.kept();
            figures.add(new Figures(dimension.name(), value, currency, s.orders(), s.cancelled(), customers.getOrDefault(value, 0L),
                    s.newCustomers(), money(s.revenue(), scale), money(s.discount(), scale), money(cost, scale),
                    average(s.revenue(), s.kept(), scale),
                    dimension == Dimension.ALL ? null : average(all.revenue().subtract(s.revenue()), othersKept, scale),
                    margin == null ? null : money(margin, scale), margin == null || cost.signum() == 0 ? null : ratio(margin.subtract(cost), cost),
                    money(s.revenue(), scale), all.revenue().signum() == 0 ? null : ratio(s.revenue(), all.revenue()), null, null, null));
        }
        return figures;
    }

    /** At the currency's scale: sums of amounts already at it are unchanged; a margin from finer unit costs is rounded. */
    static BigDecimal money(BigDecimal amount, int scale) {
        return Rounding.HALF_EVEN.divide(amount, BigDecimal.ONE, scale);
    }

    private static BigDecimal average(BigDecimal sum, long count, int scale) {
        return count <= 0 ? null : Rounding.HALF_EVEN.divide(sum, BigDecimal.valueOf(count), scale);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return Rounding.HALF_EVEN.divide(a, b, 4);
    }

    private static List<Figures.Point> series(Connection c, Dimension dimension, String value, Period period, String currency,
                                              Interval interval) throws SQLException {
        return Sql.list(c, """
                SELECT to_char(date_trunc(?, bucket AT TIME ZONE ?), 'YYYY-MM-DD'), sum(orders), sum(cancelled_orders),
                       sum(revenue), sum(discount_total), sum(discount_cancelled)
                  FROM analytics_rollup
                 WHERE dimension = ? AND value = ? AND currency = ? AND bucket >= ? AND bucket < ?
                 GROUP BY 1 ORDER BY 1""",
                r -> new Figures.Point(r.getString(1), r.getLong(2), r.getLong(3), money(r.getBigDecimal(4), scale(currency)),
                        money(r.getBigDecimal(5), scale(currency)), money(r.getBigDecimal(5).subtract(r.getBigDecimal(6)), scale(currency))),
                interval.name().toLowerCase(java.util.Locale.ROOT), period.zone().getId(), dimension, value, currency,
                period.from(), period.to());
    }

    private static long redemptions(Connection c, String promotionId, Period period, String currency) throws SQLException {
        return sums(c, Dimension.PROMOTION, List.of(promotionId), period, currency).getOrDefault(promotionId, Sums.NONE).redemptions();
    }

    /** Null for a promotion no one entered a code of in the period. */
    private static Figures.CodeFigures codes(Connection c, String promotionId, Period period, long redemptions) throws SQLException {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Sql.list(c, """
                SELECT outcome, sum(count) FROM analytics_code_counter
                 WHERE promotion_id = ? AND bucket >= ? AND bucket < ? GROUP BY outcome ORDER BY outcome""",
                r -> outcomes.put(r.getString(1), r.getLong(2)), promotionId, period.from(), period.to());
        if (outcomes.isEmpty() && redemptions == 0) return null;
        long attempts = Optional.ofNullable(outcomes.remove(CheckoutCounting.ENTERED)).orElse(0L);
        outcomes.remove(CheckoutCounting.APPLIED);
        return new Figures.CodeFigures(attempts, redemptions, outcomes);
    }
}
