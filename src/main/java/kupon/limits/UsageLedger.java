package kupon.limits;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owner of the table {@code usage_counter}: reads counters for evaluation (as they stand, never changing them) and
 * consumes them for an order with conditional updates, which the database applies one at a time per counter: a
 * counter at its limit refuses the update whatever the number of concurrent orders or nodes.
 */
@ApplicationScoped
public class UsageLedger {

    private final Sql sql;

    public UsageLedger(Sql sql) {
        this.sql = sql;
    }

    /** The counters among {@code keys} that have been used; missing ones are unused. */
    public Map<UsageKey, Usage> read(Collection<UsageKey> keys) {
        Map<UsageKey, Usage> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        List<String> subjects = keys.stream().map(key -> key.subject().stored()).toList();
        List<String> scopes = keys.stream().map(key -> key.scope().name()).toList();
        List<String> counterKeys = keys.stream().map(UsageKey::key).toList();
        sql.list("Reading usage counters", """
                SELECT u.subject, u.scope, u.key, u.uses, u.amount
                  FROM usage_counter u
                  JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(subject, scope, key)
                    ON u.subject = k.subject AND u.scope = k.scope AND u.key = k.key""",
                row -> found.put(new UsageKey(UsageKey.Subject.ofStored(row.getString(1)), UsageKey.Scope.valueOf(row.getString(2)), row.getString(3)),
                        new Usage(row.getInt(4), row.getBigDecimal(5))),
                subjects, scopes, counterKeys);
        return found;
    }

    /**
     * Counts one more use (and {@code amount} of budget) on a counter, in the caller's transaction, and returns the
     * counter as it now stands. Empty when the limit does not allow it; nothing is changed then. Concurrent orders
     * update one counter one after the other, so each sees the counter just before and after its own use.
     */
    public Optional<Usage> consume(Connection connection, UsageLimit limit, BigDecimal amount) throws SQLException {
        if (limit.budget() != null && amount.compareTo(limit.budget()) > 0) {
            return Optional.empty();
        }
        UsageKey key = limit.key();
        return Sql.one(connection, """
                INSERT INTO usage_counter (subject, scope, key, uses, amount) VALUES (?, ?, ?, 1, ?)
                ON CONFLICT (subject, scope, key) DO UPDATE
                   SET uses = usage_counter.uses + 1, amount = usage_counter.amount + EXCLUDED.amount
                 WHERE (?::int IS NULL OR usage_counter.uses < ?::int)
                   AND (?::numeric IS NULL OR usage_counter.amount + EXCLUDED.amount <= ?::numeric)
                RETURNING uses, amount""", row -> new Usage(row.getInt(1), row.getBigDecimal(2)),
                key.subject().stored(), key.scope(), key.key(), amount,
                limit.maxUses(), limit.maxUses(), limit.budget(), limit.budget());
    }

    /** Gives back one use and {@code amount} of a counter, for a cancelled order. */
    public void release(Connection connection, UsageKey key, BigDecimal amount) throws SQLException {
        Sql.update(connection, "UPDATE usage_counter SET uses = GREATEST(uses - 1, 0), amount = GREATEST(amount - ?, 0) "
                + "WHERE subject = ? AND scope = ? AND key = ?", amount, key.subject().stored(), key.scope(), key.key());
    }
}
