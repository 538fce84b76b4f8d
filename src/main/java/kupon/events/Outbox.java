package kupon.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Owner of {@code event_outbox}: the events of a transaction are written in that transaction, so an event exists if and
 * only if what it reports committed. The dispatcher ({@link Dispatcher}) takes them from here.
 */
@ApplicationScoped
public class Outbox {

    /** One event to announce: its type, what it is about ({@code subject}: deliveries keep its order), its data. */
    public record Event(EventType type, String subject, Object data) {
    }

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the events in the caller's transaction, in one statement. */
    public void add(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) return;
        List<String> ids = new ArrayList<>(), types = new ArrayList<>(), subjects = new ArrayList<>(), data = new ArrayList<>();
        for (Event event : events) {
            ids.add(UUID.randomUUID().toString());
            types.add(event.type().wire());
            subjects.add(event.subject());
            data.add(write(event.data()));
        }
        Sql.update(c, """
                INSERT INTO event_outbox (id, type, subject, time, data)
                SELECT id, type, subject, ?, data FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS e (id, type, subject, data)""",
                Instant.now(), ids, types, subjects, data);
    }

    public void add(Connection c, Event event) throws SQLException {
        add(c, List.of(event));
    }

    /** An event not yet handed to the webhooks, as stored: what the dispatcher fans out and sends. */
    record Taken(long seq, String id, String type, String subject, Instant time, String data) {
    }

    /**
     * Marks up to {@code limit} committed events as handed over, in the dispatcher's transaction, and returns them in
     * event order. Should that transaction not commit, they are handed over again: delivered at least once.
     */
    static List<Taken> takeNew(Connection c, int limit) throws SQLException {
        List<Taken> taken = Sql.list(c, """
                UPDATE event_outbox SET fanned_out = true
                 WHERE seq IN (SELECT seq FROM event_outbox WHERE NOT fanned_out ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING seq, id, type, subject, time, data""",
                row -> new Taken(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), Sql.instant(row, "time"),
                        row.getString(6)), limit);
        return taken.stream().sorted(Comparator.comparingLong(Taken::seq)).toList();
    }

    /** Drops handed-over events no delivery needs: none was made of them, or they are older than {@code before} and done. */
    static int prune(Connection c, Instant before) throws SQLException {
        return Sql.update(c, """
                DELETE FROM event_outbox e WHERE fanned_out
                   AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_seq = e.seq AND (d.status = 'PENDING' OR e.time >= ?))""",
                before);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
