package kupon.analytics;

import kupon.database.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Owner of {@code analytics_pending}: the orders placed or cancelled that the rollups have not taken in. The order
 * ledger notes each change in its own transaction (nothing that rolls back is counted, nothing committed is missed);
 * {@link Rollups} takes a batch in the transaction that counts it.
 */
public final class OrderFeed {

    /** What happened to an order. */
    public enum Change { PLACED, CANCELLED }

    /** One change not yet in the rollups. */
    record Pending(String orderId, Change change) {
    }

    private OrderFeed() {
    }

    /** Called in the transaction that records the change. */
    public static void note(Connection c, String orderId, Change change) throws SQLException {
        Sql.update(c, "INSERT INTO analytics_pending (order_id, change) VALUES (?, ?)", orderId, change);
    }

    /** Takes (deletes) up to {@code limit} changes, oldest first; they count once the caller's transaction commits. */
    static List<Pending> take(Connection c, int limit) throws SQLException {
        return Sql.list(c, """
                DELETE FROM analytics_pending WHERE seq IN (
                    SELECT seq FROM analytics_pending ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING order_id, change""",
                row -> new Pending(row.getString(1), Change.valueOf(row.getString(2))), limit);
    }
}
