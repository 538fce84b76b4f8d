package kupon.database;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database connection (PostgreSQL stopped, restarting, unreachable, or the pool out of
 * connections for longer than its acquisition timeout) from a failure of a statement: the first answers 503 with
 * Retry-After and goes away by itself, the second is a bug.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException) return true;
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server shuts down or cannot accept connections yet.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) return true;
                String message = sql.getMessage();
                // Agroal's pool gives up waiting for a connection with this message and no SQLSTATE.
                if (state == null && message != null && message.contains("acquisition timeout")) return true;
            }
        }
        return false;
    }
}
