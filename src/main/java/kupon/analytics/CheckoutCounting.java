package kupon.analytics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.BackgroundThread;
import kupon.database.Sql;
import kupon.evaluation.Evaluation;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Owner of {@code analytics_code_counter} and {@code analytics_exposure}: what checkout counts on its hot path (codes
 * entered and what became of them, shoppers exposed to an experiment) is added up in memory and written in one batch
 * per second, so an evaluation writes nothing. A graceful stop writes what is left; a crash loses at most the last second.
 */
@ApplicationScoped
public class CheckoutCounting {

    private static final Logger LOG = Logger.getLogger(CheckoutCounting.class);
    static final String ENTERED = "ENTERED";
    static final String APPLIED = "APPLIED";

    record CodeKey(String promotionId, Instant bucket, String outcome) {
    }

    record ExposureKey(String promotionId, String customerKey) {
    }

    record Exposure(boolean heldOut, Instant at) {
    }

    private final Sql sql;
    private final AnalyticsConfig config;
    private final ScheduledExecutorService flusher = BackgroundThread.named("analytics-flush");
    private volatile Map<CodeKey, LongAdder> codes = new ConcurrentHashMap<>();
    private volatile Map<ExposureKey, Exposure> exposures = new ConcurrentHashMap<>();
    // Counting shares the lock, a flush takes it alone to swap the maps: no count lands in a map already written.
    private final ReadWriteLock swap = new ReentrantReadWriteLock();

    public CheckoutCounting(Sql sql, AnalyticsConfig config) {
        this.sql = sql;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.flushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(flusher);
        flushQuietly();
    }

    /** An evaluation or an order was answered: count its codes and exposures. Memory only. */
    public void count(Evaluation evaluation) {
        if (!config.counting()) return;
        if (evaluation.codeAttempts().isEmpty() && evaluation.exposures().isEmpty()) return;
        Instant bucket = RollupBatch.bucket(evaluation.evaluatedAt());
        swap.readLock().lock();
        try {
            add(evaluation, bucket);
        } finally {
            swap.readLock().unlock();
        }
    }

    private void add(Evaluation evaluation, Instant bucket) {
        Map<CodeKey, LongAdder> current = codes;
        for (Evaluation.CodeAttempt attempt : evaluation.codeAttempts()) {
            current.computeIfAbsent(new CodeKey(attempt.promotionId(), bucket, ENTERED), k -> new LongAdder()).increment();
            String outcome = attempt.rejected() == null ? APPLIED : attempt.rejected().name();
            current.computeIfAbsent(new CodeKey(attempt.promotionId(), bucket, outcome), k -> new LongAdder()).increment();
        }
        Map<ExposureKey, Exposure> seen = exposures;
        for (Evaluation.Exposure exposure : evaluation.exposures()) {
            seen.putIfAbsent(new ExposureKey(exposure.promotionId(), exposure.customerKey()),
                    new Exposure(exposure.heldOut(), evaluation.evaluatedAt()));
        }
    }

    /** Whether analytics count checkout (see {@link AnalyticsConfig#counting()}). */
    public boolean enabled() {
        return config.counting();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            if (!kupon.database.JvmShutdown.inProgress()) LOG.warnf("Analytics counters could not be written, keeping them for the next try: %s", e.getMessage());
        }
    }

    /** Writes what was counted since the last flush; on a failure it is kept for the next one. */
    public synchronized void flush() {
        Map<CodeKey, LongAdder> taken = codes;
        Map<ExposureKey, Exposure> takenExposures = exposures;
        if (taken.isEmpty() && takenExposures.isEmpty()) return;
        swap.writeLock().lock();
        try {
            codes = new ConcurrentHashMap<>();
            exposures = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        try {
            sql.newTransaction("Writing analytics counters", c -> {
                writeCodes(c, taken);
                writeExposures(c, takenExposures);
                return null;
            });
        } catch (RuntimeException e) {
            taken.forEach((k, v) -> codes.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
            takenExposures.forEach(exposures::putIfAbsent);
            throw e;
        }
    }

    private static void writeCodes(Connection c, Map<CodeKey, LongAdder> counted) throws SQLException {
        if (counted.isEmpty()) return;
        List<String> promotions = new ArrayList<>(), outcomes = new ArrayList<>();
        List<Object> buckets = new ArrayList<>(), counts = new ArrayList<>();
        // In key order, so two nodes flushing at once lock rows in the same order.
        counted.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(CodeKey::promotionId)
                .thenComparing(CodeKey::bucket).thenComparing(CodeKey::outcome))).forEach(e -> {
            promotions.add(e.getKey().promotionId());
            buckets.add(Timestamp.from(e.getKey().bucket()));
            outcomes.add(e.getKey().outcome());
            counts.add(e.getValue().sum());
        });
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO analytics_code_counter AS k (promotion_id, bucket, outcome, count)
                SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::bigint[])
                ON CONFLICT (promotion_id, bucket, outcome) DO UPDATE SET count = k.count + excluded.count""")) {
            Sql.bind(upsert, promotions, null, outcomes);
            upsert.setArray(2, c.createArrayOf("timestamptz", buckets.toArray()));
            upsert.setArray(4, c.createArrayOf("int8", counts.toArray()));
            upsert.executeUpdate();
        }
    }

    /** The first exposure of a shopper wins; the group cannot change, since it is a hash of the shopper. */
    private static void writeExposures(Connection c, Map<ExposureKey, Exposure> seen) throws SQLException {
        if (seen.isEmpty()) return;
        List<String> promotions = new ArrayList<>(), customers = new ArrayList<>();
        List<Object> heldOut = new ArrayList<>(), at = new ArrayList<>();
        seen.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ExposureKey::promotionId)
                .thenComparing(ExposureKey::customerKey))).forEach(e -> {
            promotions.add(e.getKey().promotionId());
            customers.add(e.getKey().customerKey());
            heldOut.add(e.getValue().heldOut());
            at.add(Timestamp.from(e.getValue().at()));
        });
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO analytics_exposure AS x (promotion_id, customer_key, held_out, first_exposed_at)
                SELECT * FROM unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
                ON CONFLICT (promotion_id, customer_key) DO UPDATE SET first_exposed_at = least(x.first_exposed_at, excluded.first_exposed_at)""")) {
            Sql.bind(insert, promotions, customers);
            insert.setArray(3, c.createArrayOf("bool", heldOut.toArray()));
            insert.setArray(4, c.createArrayOf("timestamptz", at.toArray()));
            insert.executeUpdate();
        }
    }
}
