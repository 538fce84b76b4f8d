package kupon.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way Kupon writes SQL by hand (docs/architecture.md, "Reaching the database"): parameters bound by type,
 * rows read by the caller's {@link Row}, and every {@link SQLException} turned into a {@link DatabaseFailure} that
 * says what was being done. Connections come from the pool and join the caller's transaction when there is one.
 */
@ApplicationScoped
public class Sql {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work on a connection of its own (in the caller's transaction, if any); {@code what} names it in errors. */
    public <T> T connected(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseFailure(what, e);
        }
    }

    /** Runs the work in a transaction: the caller's if there is one, else a new one committed at the end. */
    public <T> T transaction(String what, Work<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> connected(what, work));
    }

    /** Runs the work in a transaction of its own, committed at the end whatever the caller's. */
    public <T> T newTransaction(String what, Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> connected(what, work));
    }

    /** The same, for work that may take longer than a request's transaction timeout (a rebuild from the whole ledger). */
    public <T> T newTransaction(String what, java.time.Duration timeout, Work<T> work) {
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).call(() -> connected(what, work));
    }

    public int update(String what, String sql, Object... parameters) {
        return connected(what, c -> update(c, sql, parameters));
    }

    public <T> List<T> list(String what, String sql, Row<T> row, Object... parameters) {
        return connected(what, c -> list(c, sql, row, parameters));
    }

    public <T> Optional<T> one(String what, String sql, Row<T> row, Object... parameters) {
        return connected(what, c -> one(c, sql, row, parameters));
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) result.add(row.read(rows));
                return result;
            }
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Binds parameters by their Java type: {@link Instant} as a timestamp, an enum by its name, a collection of
     * strings as a {@code text[]} (for {@code unnest(?::text[])} and {@code = ANY (?)}), null as SQL NULL of the
     * column's type.
     */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            Object value = parameters[i];
            if (value instanceof Instant instant) statement.setTimestamp(index, Timestamp.from(instant));
            else if (value instanceof Enum<?> constant) statement.setString(index, constant.name());
            else if (value instanceof Collection<?> values)
                statement.setArray(index, statement.getConnection().createArrayOf("text", values.toArray()));
            else if (value instanceof byte[] bytes) statement.setBytes(index, bytes);
            else statement.setObject(index, value);
        }
    }

    /** The instant of a timestamp column, null when the column is. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** An integer column that may be NULL. */
    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
