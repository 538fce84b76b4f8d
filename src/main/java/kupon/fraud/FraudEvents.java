package kupon.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Owner of the table {@code fraud_event}: records what fraud prevention did and lists it, newest first. */
@ApplicationScoped
public class FraudEvents {

    /** At most this many events per page. */
    public static final int MAX_PAGE = 500;

    private final Sql sql;

    public FraudEvents(Sql sql) {
        this.sql = sql;
    }

    /** Records an event in the caller's transaction. */
    static void record(Connection c, FraudEvent.Type type, Subject subject, String detail) throws SQLException {
        Sql.update(c, "INSERT INTO fraud_event (at, type, subject_type, subject_value, detail) VALUES (now(), ?, ?, ?, ?)",
                type.name(), subject.type().name(), subject.value(), detail);
    }

    void record(FraudEvent.Type type, Subject subject, String detail) {
        sql.update("Recording a fraud event", "INSERT INTO fraud_event (at, type, subject_type, subject_value, detail) VALUES (now(), ?, ?, ?, ?)",
                type.name(), subject.type().name(), subject.value(), detail);
    }

    /**
     * Events in {@code [from, to)} (either may be null), of one type and one value if given, newest first;
     * {@code before} is the id of the last event of the previous page (null for the first page).
     */
    public List<FraudEvent> find(Instant from, Instant to, FraudEvent.Type type, String value, Long before, int limit) {
        return sql.list("Reading fraud events", """
                SELECT id, at, type, subject_type, subject_value, detail FROM fraud_event
                 WHERE (?::timestamptz IS NULL OR at >= ?::timestamptz) AND (?::timestamptz IS NULL OR at < ?::timestamptz)
                   AND (?::text IS NULL OR type = ?::text) AND (?::text IS NULL OR subject_value = ?::text)
                   AND (?::bigint IS NULL OR id < ?::bigint)
                 ORDER BY id DESC LIMIT ?""",
                row -> new FraudEvent(row.getLong(1), Sql.instant(row, "at"), FraudEvent.Type.valueOf(row.getString(3)),
                        SubjectType.valueOf(row.getString(4)), row.getString(5), row.getString(6)),
                from, from, to, to, type == null ? null : type.name(), type == null ? null : type.name(), value, value,
                before, before, Math.min(limit, MAX_PAGE));
    }
}
