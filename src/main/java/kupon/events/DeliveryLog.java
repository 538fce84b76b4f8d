package kupon.events;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.time.Instant;
import java.util.List;

/** A webhook's delivery log as admins read it: what was delivered, what waits for a retry, what was given up. */
@ApplicationScoped
public class DeliveryLog {

    private final Sql sql;

    public DeliveryLog(Sql sql) {
        this.sql = sql;
    }

    /** One delivery of an event to a webhook, as the log shows it. */
    public record Delivery(long event, String type, String subject, String status, int attempts, Integer lastStatus,
                           String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /** A page of a webhook's deliveries, newest first; {@code before} the event number to continue below. */
    public List<Delivery> deliveries(String webhookId, Long before, int limit) {
        return sql.list("Reading the deliveries of " + webhookId, """
                SELECT d.event_seq, e.type, d.subject, d.status, d.attempts, d.last_status, d.last_error, d.created_at,
                       d.next_attempt_at, d.delivered_at
                  FROM webhook_delivery d LEFT JOIN event_outbox e ON e.seq = d.event_seq
                 WHERE d.webhook_id = ? AND d.event_seq < ? ORDER BY d.event_seq DESC LIMIT ?""",
                row -> new Delivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        Sql.integer(row, "last_status"), row.getString(7), Sql.instant(row, "created_at"),
                        "PENDING".equals(row.getString(4)) ? Sql.instant(row, "next_attempt_at") : null, Sql.instant(row, "delivered_at")),
                webhookId, before == null ? Long.MAX_VALUE : before, limit);
    }
}
