package kupon.fraud;

import kupon.database.BackgroundThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.Sql;
import kupon.events.EventType;
import kupon.events.Outbox;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owner of the table {@code fraud_block}. Every node keeps the blocks in force in memory and reads them again every
 * {@code kupon.fraud.block-refresh} (1 s), so checking a request costs no database round trip, and a block added on
 * any node is in force everywhere within about a second.
 */
@ApplicationScoped
public class FraudBlocks {

    private static final Logger LOG = Logger.getLogger(FraudBlocks.class);

    private final Sql sql;
    private final FraudConfig config;
    private volatile Map<Subject, Block> inForce = Map.of();
    private final ScheduledExecutorService refresher = BackgroundThread.named("fraud-blocks");

    private final Outbox outbox;

    public FraudBlocks(Sql sql, FraudConfig config, Outbox outbox) {
        this.outbox = outbox;
        this.sql = sql;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.blockRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(refresher);
    }

    /** The block in force on one of the requester's identities, if any. */
    public Optional<Block> blocking(Requester requester, Instant now) {
        Map<Subject, Block> blocks = inForce;
        if (blocks.isEmpty()) return Optional.empty();
        for (Subject subject : requester.subjects()) {
            Block block = blocks.get(subject);
            if (block != null && block.inForceAt(now)) return Optional.of(block);
        }
        return Optional.empty();
    }

    /** Adds a block (the value already normalized) and records it as an event; in force on this node at once. */
    public Block add(Subject subject, Instant until, String reason, String createdBy, FraudEvent.Type eventType) {
        Block block = new Block("block-" + UUID.randomUUID(), subject.type(), subject.value(), until, reason, createdBy, Instant.now());
        sql.transaction("Adding a block", c -> {
            Sql.update(c, """
                    INSERT INTO fraud_block (id, subject_type, subject_value, until, reason, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", block.id(), block.type(), block.value(), until, reason, createdBy, block.createdAt());
            FraudEvents.record(c, eventType, subject, (reason == null ? "blocked" : reason)
                    + (until == null ? "" : " until " + until) + " by " + createdBy);
            outbox.add(c, new Outbox.Event(EventType.FRAUD_BLOCKED, "block/" + block.id(), block));
            return null;
        });
        refresh();
        return block;
    }

    /** Removes a block; false when there is no such block in force. */
    public boolean remove(String id, String by) {
        boolean removed = sql.transaction("Removing a block", c -> {
            List<Subject> subjects = Sql.list(c, "UPDATE fraud_block SET removed_at = now() WHERE id = ? AND removed_at IS NULL"
                    + " RETURNING subject_type, subject_value", row -> new Subject(SubjectType.valueOf(row.getString(1)), row.getString(2)), id);
            for (Subject subject : subjects) FraudEvents.record(c, FraudEvent.Type.UNBLOCKED, subject, "block " + id + " removed by " + by);
            return !subjects.isEmpty();
        });
        if (removed) refresh();
        return removed;
    }

    /** The blocks in force, newest first. */
    public List<Block> list() {
        return sql.list("Reading blocks", "SELECT " + COLUMNS + " FROM fraud_block WHERE removed_at IS NULL"
                + " AND (until IS NULL OR until > now()) ORDER BY created_at DESC, id", FraudBlocks::block);
    }

    private static final String COLUMNS = "id, subject_type, subject_value, until, reason, created_by, created_at";

    private static Block block(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Block(row.getString(1), SubjectType.valueOf(row.getString(2)), row.getString(3), Sql.instant(row, "until"),
                row.getString(5), row.getString(6), Sql.instant(row, "created_at"));
    }

    private void refresh() {
        Map<Subject, Block> next = new HashMap<>();
        for (Block block : list()) next.putIfAbsent(new Subject(block.type(), block.value()), block);
        inForce = Map.copyOf(next);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The blocks read last stay in force; a database outage must not lift them.
            LOG.debugf("Reading blocks failed, keeping the %d known: %s", inForce.size(), e.getMessage());
        }
    }
}
