package kupon.database;

import java.sql.SQLException;

/** A statement failed; the message says what Kupon was doing and what PostgreSQL answered. */
public final class DatabaseFailure extends IllegalStateException {

    public DatabaseFailure(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }
}
