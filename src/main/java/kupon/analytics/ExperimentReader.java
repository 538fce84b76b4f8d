package kupon.analytics;

import kupon.database.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * An experiment's two groups as recorded: shoppers exposed before the period's end (first exposure), and the orders
 * not cancelled in the period of those who ordered with the promotion eligible, summed per shopper.
 */
final class ExperimentReader {

    private record Spent(long customers, long orders, BigDecimal revenue, double squares) {
        static final Spent NONE = new Spent(0, 0, BigDecimal.ZERO, 0);
    }

    private ExperimentReader() {
    }

    /** Null for a promotion without a holdout (no shopper was ever exposed to it in a group). */
    static Experiment read(Connection c, String promotionId, Period period, String currency, int scale) throws SQLException {
        Map<Boolean, Long> exposed = new HashMap<>();
        Sql.list(c, "SELECT held_out, count(*) FROM analytics_exposure WHERE promotion_id = ? AND first_exposed_at < ? GROUP BY held_out",
                r -> exposed.put(r.getBoolean(1), r.getLong(2)), promotionId, period.to());
        if (exposed.isEmpty()) return null;
        Map<Boolean, Spent> spent = new HashMap<>();
        Sql.list(c, """
                SELECT held_out, count(*), sum(n), sum(spent), sum(spent * spent) FROM (
                    SELECT e.held_out, e.customer_key, count(*) AS n, sum(o.total) AS spent
                      FROM order_experiment e JOIN orders o ON o.order_id = e.order_id
                     WHERE e.promotion_id = ? AND o.status = 'PLACED' AND o.currency = ? AND o.placed_at >= ? AND o.placed_at < ?
                     GROUP BY e.held_out, e.customer_key) per_shopper
                 GROUP BY held_out""",
                r -> spent.put(r.getBoolean(1), new Spent(r.getLong(2), r.getLong(3), r.getBigDecimal(4), r.getBigDecimal(5).doubleValue())),
                promotionId, currency, period.from(), period.to());
        return Experiment.of(sample(exposed.get(false), spent.get(false)), sample(exposed.get(true), spent.get(true)), scale);
    }

    /** A shopper who ordered is exposed even if the node that saw it has not written the exposure yet. */
    private static Experiment.Sample sample(Long exposed, Spent spent) {
        Spent s = spent == null ? Spent.NONE : spent;
        long n = Math.max(exposed == null ? 0 : exposed, s.customers());
        return new Experiment.Sample(n, s.customers(), s.orders(), s.revenue(), s.squares());
    }
}
