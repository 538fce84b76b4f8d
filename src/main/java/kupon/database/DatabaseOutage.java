package kupon.database;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure of the database connection (PostgreSQL stopped, restarting, unreachable, or the pool out of
 * connections for longer than its acquisition timeout) from a failure of a statement: the first answers 503 with
 * Retry-After and goes away by itself, the second is a bug.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Causes and suppressed exceptions both: a connection lost at commit reaches us as the transaction manager's
     * RollbackException, with the driver's error suppressed under the XAException of the failed commit.
     */
    private static boolean isOutage(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) return false;
        if (isConnectionFailure(t)) return true;
        for (Throwable suppressed : t.getSuppressed()) {
            if (isOutage(suppressed, seen)) return true;
        }
        return isOutage(t.getCause(), seen);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException) return true;
        if (t instanceof SQLTransientConnectionException) return true;
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P01-57P03: the server shuts down or cannot accept connections yet.
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) return true;
            String message = sql.getMessage();
            // Agroal's pool gives up waiting for a connection with this message and no SQLSTATE.
            return state == null && message != null && message.contains("acquisition timeout");
        }
        return false;
    }
}
