package kupon.limits;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads usage counters for evaluation (as they stand, never changing them) and consumes them for an
 * order with conditional updates, which the database applies one at a time per counter: a counter
 * at its limit refuses the update whatever the number of concurrent orders or nodes.
 */
@ApplicationScoped
public class UsageLedger {

    private final AgroalDataSource dataSource;

    public UsageLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counters among {@code keys} that have been used; missing ones are unused. */
    public Map<UsageKey, Usage> read(Collection<UsageKey> keys) {
        Map<UsageKey, Usage> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        String[] subjects = new String[keys.size()], scopes = new String[keys.size()], counterKeys = new String[keys.size()];
        int i = 0;
        for (UsageKey key : keys) {
            subjects[i] = key.subject();
            scopes[i] = key.scope().name();
            counterKeys[i++] = key.key();
        }
        String sql = """
                SELECT u.subject, u.scope, u.key, u.uses, u.amount
                  FROM usage_counter u
                  JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(subject, scope, key)
                    ON u.subject = k.subject AND u.scope = k.scope AND u.key = k.key""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", subjects));
            query.setArray(2, connection.createArrayOf("text", scopes));
            query.setArray(3, connection.createArrayOf("text", counterKeys));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    found.put(new UsageKey(row.getString(1), UsageKey.Scope.valueOf(row.getString(2)), row.getString(3)),
                            new Usage(row.getInt(4), row.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading usage counters failed: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Counts one more use (and {@code amount} of budget) on a counter, in the caller's transaction.
     * False when the limit does not allow it; nothing is changed then.
     */
    public boolean consume(Connection connection, UsageLimit limit, BigDecimal amount) throws SQLException {
        if (limit.budget() != null && amount.compareTo(limit.budget()) > 0) {
            return false;
        }
        String sql = """
                INSERT INTO usage_counter (subject, scope, key, uses, amount) VALUES (?, ?, ?, 1, ?)
                ON CONFLICT (subject, scope, key) DO UPDATE
                   SET uses = usage_counter.uses + 1, amount = usage_counter.amount + EXCLUDED.amount
                 WHERE (?::int IS NULL OR usage_counter.uses < ?::int)
                   AND (?::numeric IS NULL OR usage_counter.amount + EXCLUDED.amount <= ?::numeric)
                RETURNING uses""";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            UsageKey key = limit.key();
            update.setString(1, key.subject());
            update.setString(2, key.scope().name());
            update.setString(3, key.key());
            update.setBigDecimal(4, amount);
            setInteger(update, 5, limit.maxUses());
            setInteger(update, 6, limit.maxUses());
            update.setBigDecimal(7, limit.budget());
            update.setBigDecimal(8, limit.budget());
            try (ResultSet row = update.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Gives back one use and {@code amount} of a counter, for a cancelled order. */
    public void release(Connection connection, UsageKey key, BigDecimal amount) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE usage_counter SET uses = GREATEST(uses - 1, 0), amount = GREATEST(amount - ?, 0) WHERE subject = ? AND scope = ? AND key = ?")) {
            update.setBigDecimal(1, amount);
            update.setString(2, key.subject());
            update.setString(3, key.scope().name());
            update.setString(4, key.key());
            update.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) statement.setNull(index, Types.INTEGER);
        else statement.setInt(index, value);
    }
}
