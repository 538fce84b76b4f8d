package kupon.database;

import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database going away (503, retry) and which are a statement's own failure (a bug, 500). */
class DatabaseOutageTest {

    private static SQLException postmasterGone() {
        return new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01");
    }

    @Test
    void aConnectionLostAtCommitIsAnOutageThoughTheDriverErrorIsOnlySuppressed() {
        // What Narayana throws when the one-phase commit meets a dead server: the driver's error hangs off the XAException.
        XAException commit = new XAException(XAException.XA_RBROLLBACK);
        commit.initCause(postmasterGone());
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commit);
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("transaction failed", rollback))).isTrue();
    }

    @Test
    void aConnectionErrorAnywhereInTheCausesIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new DatabaseFailure("Placing order", new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new java.net.ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aStatementsOwnErrorIsNot() {
        assertThat(DatabaseOutage.isOutage(new DatabaseFailure("Placing order", new SQLException("syntax error", "42601")))).isFalse();
        RuntimeException rollback = new RuntimeException("Could not commit");
        rollback.addSuppressed(new SQLException("duplicate key", "23505"));
        assertThat(DatabaseOutage.isOutage(rollback)).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("no database involved"))).isFalse();
    }
}
