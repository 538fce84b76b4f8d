package kupon.orders;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the counters say with what the order ledger says they should: every usage counter (uses and
 * budget spent) against the uses placed orders recorded for it, and every code's use count against the placed
 * orders that used it. Cancelled orders gave theirs back, so they count for nothing. Codes deleted with their
 * promotion are not compared (their uses went with them). Reads only.
 */
@ApplicationScoped
public class LedgerConsistency {

    /** One counter that differs from the ledger. */
    public record Difference(String kind, String subject, String scope, String key, long counted, long inLedger,
                             BigDecimal amountCounted, BigDecimal amountInLedger) {
    }

    /** The outcome of a check: how much was compared, and every difference (none when consistent). */
    public record Report(boolean consistent, long counters, long codes, long placedOrders, List<Difference> differences) {
    }

    private static final int MAX_LISTED = 1000;

    private final Sql sql;

    public LedgerConsistency(Sql sql) {
        this.sql = sql;
    }

    public Report check() {
        // One snapshot for all three reads, so orders placed meanwhile cannot make a difference appear.
        return sql.newTransaction("Checking the counters against the ledger", c -> {
            Sql.update(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            List<Difference> counters = Sql.list(c, """
                    WITH ledger AS (
                        SELECT u.subject, u.scope, u.key, count(*) AS uses, sum(u.amount) AS amount
                          FROM order_usage u JOIN orders o ON o.order_id = u.order_id
                         WHERE o.status = 'PLACED' AND NOT (u.subject LIKE 'code:%' AND u.scope = 'TOTAL')
                         GROUP BY u.subject, u.scope, u.key)
                    SELECT coalesce(c.subject, l.subject), coalesce(c.scope, l.scope), coalesce(c.key, l.key),
                           coalesce(c.uses, 0), coalesce(l.uses, 0), coalesce(c.amount, 0), coalesce(l.amount, 0)
                      FROM usage_counter c FULL JOIN ledger l ON l.subject = c.subject AND l.scope = c.scope AND l.key = c.key
                     WHERE coalesce(c.uses, 0) <> coalesce(l.uses, 0) OR coalesce(c.amount, 0) <> coalesce(l.amount, 0)
                     ORDER BY 1, 2, 3 LIMIT ?""",
                    row -> new Difference("COUNTER", row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getLong(5), row.getBigDecimal(6), row.getBigDecimal(7)), MAX_LISTED);
            List<Difference> codes = Sql.list(c, """
                    WITH ledger AS (
                        SELECT substr(u.subject, 6) AS code, count(*) AS uses
                          FROM order_usage u JOIN orders o ON o.order_id = u.order_id
                         WHERE o.status = 'PLACED' AND u.subject LIKE 'code:%' AND u.scope = 'TOTAL'
                         GROUP BY u.subject)
                    SELECT p.code, p.uses, coalesce(l.uses, 0)
                      FROM promotion_code p LEFT JOIN ledger l ON l.code = p.code
                     WHERE p.uses <> coalesce(l.uses, 0)
                     ORDER BY 1 LIMIT ?""",
                    row -> new Difference("CODE", "code:" + row.getString(1), "TOTAL", "", row.getLong(2), row.getLong(3),
                            null, null), MAX_LISTED);
            long counterRows = Sql.one(c, "SELECT count(*) FROM usage_counter", row -> row.getLong(1)).orElse(0L);
            long codeRows = Sql.one(c, "SELECT count(*) FROM promotion_code WHERE uses > 0", row -> row.getLong(1)).orElse(0L);
            long placed = Sql.one(c, "SELECT count(*) FROM orders WHERE status = 'PLACED'", row -> row.getLong(1)).orElse(0L);
            List<Difference> all = new ArrayList<>(counters);
            all.addAll(codes);
            return new Report(all.isEmpty(), counterRows, codeRows, placed, List.copyOf(all));
        });
    }
}
