package kupon.codes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.Sql;
import kupon.events.EventType;
import kupon.events.Outbox;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Generates codes in bulk in the background. Codes are drawn with {@link SecureRandom} and inserted in
 * chunks; the code's primary key decides uniqueness (against every code of every promotion), and
 * codes that collide are simply drawn again. Progress is kept in the batch row, so any node can report it.
 * Owner of the table {@code code_batch}; the codes themselves are written through {@link CodeLedger}.
 */
@ApplicationScoped
public class CodeBatchService {

    private static final Logger LOG = Logger.getLogger(CodeBatchService.class);
    private static final int CHUNK = 10_000;
    private static final int MAX_FRUITLESS_CHUNKS = 20;

    /** What a marketer asks for. */
    public record NewBatch(Integer count, String pattern, String charset, Integer maxUses, Integer perCustomer,
                           Instant startsAt, Instant expiresAt) {
    }

    /** Where a batch is: generating, finished, or stopped by an error (the codes generated so far stay valid). */
    public enum BatchState { RUNNING, DONE, FAILED }

    /** How far a batch got. */
    public record BatchStatus(String batchId, String promotionId, BatchState status, int generated, int count, String error,
                              Instant createdAt) {
    }

    private final Sql sql;
    private final CodeLedger ledger;
    private final SecureRandom random = strongInProcessRandom();
    private final ExecutorService generator = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "code-batches");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });

    private final Outbox outbox;

    /** The data of {@code code_batch.completed}. */
    record Completed(String batchId, String promotionId, int codes) {
    }

    public CodeBatchService(Sql sql, CodeLedger ledger, Outbox outbox) {
        this.outbox = outbox;
        this.sql = sql;
        this.ledger = ledger;
    }

    /**
     * A DRBG keeps drawing inside the JVM; the platform default reads /dev/urandom under a lock on every
     * call, which for a million codes of eight characters is most of the generation time.
     */
    private static SecureRandom strongInProcessRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** A batch that stopped moving for a minute belonged to a node that went away: it will not finish. */
    void onStart(@Observes StartupEvent event) {
        sql.update("Marking interrupted code batches", "UPDATE code_batch SET status = 'FAILED', "
                + "error = 'Interrupted by a restart; the codes generated so far are valid' "
                + "WHERE status = 'RUNNING' AND updated_at < now() - interval '1 minute'");
    }

    void onStop(@Observes ShutdownEvent event) {
        generator.shutdownNow();
    }

    /** Records the batch and starts generating; the pattern must already have been checked. */
    public BatchStatus start(String promotionId, NewBatch request, CodePattern pattern) {
        String id = "batch-" + UUID.randomUUID();
        sql.update("Recording code batch", "INSERT INTO code_batch (id, promotion_id, status, count, pattern, charset) "
                + "VALUES (?, ?, 'RUNNING', ?, ?, ?)", id, promotionId, request.count(), pattern.pattern(), pattern.charset());
        generator.submit(() -> generate(id, promotionId, request, pattern));
        return new BatchStatus(id, promotionId, BatchState.RUNNING, 0, request.count(), null, Instant.now());
    }

    public Optional<BatchStatus> status(String batchId) {
        return sql.one("Reading code batch", "SELECT " + BATCH_COLUMNS + " FROM code_batch WHERE id = ?", CodeBatchService::batch, batchId);
    }

    /** Batches newest first (at most 1,000), of one promotion or of all. */
    public List<BatchStatus> list(String promotionId) {
        return promotionId == null
                ? sql.list("Listing code batches", "SELECT " + BATCH_COLUMNS + " FROM code_batch ORDER BY created_at DESC, id LIMIT 1000",
                        CodeBatchService::batch)
                : sql.list("Listing code batches", "SELECT " + BATCH_COLUMNS
                        + " FROM code_batch WHERE promotion_id = ? ORDER BY created_at DESC, id LIMIT 1000", CodeBatchService::batch, promotionId);
    }

    private static final String BATCH_COLUMNS = "id, promotion_id, status, generated, count, error, created_at";

    private static BatchStatus batch(ResultSet row) throws SQLException {
        return new BatchStatus(row.getString(1), row.getString(2), BatchState.valueOf(row.getString(3)), row.getInt(4),
                row.getInt(5), row.getString(6), Sql.instant(row, "created_at"));
    }

    /** Writes the batch's codes as CSV (one column, LF line ends), streaming from a database cursor so a million codes need little memory. */
    public void writeCsv(String batchId, OutputStream out) throws IOException {
        try {
            sql.connected("Reading the codes of " + batchId, c -> {
                // A cursor (fetch size) needs a transaction; it only reads, so it is rolled back.
                c.setAutoCommit(false);
                try (PreparedStatement query = c.prepareStatement("SELECT code FROM promotion_code WHERE batch_id = ? ORDER BY code")) {
                    query.setFetchSize(CHUNK);
                    query.setString(1, batchId);
                    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    writer.write("code\n");
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            writer.write(CsvCell.of(row.getString(1)));
                            writer.write('\n');
                        }
                    }
                    writer.flush();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    c.rollback();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (kupon.database.DatabaseFailure e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void generate(String batchId, String promotionId, NewBatch request, CodePattern pattern) {
        long started = System.nanoTime();
        int[] generated = {0};
        CodeLedger.BatchTerms terms = new CodeLedger.BatchTerms(promotionId, batchId, request.maxUses(), request.perCustomer(),
                request.startsAt(), request.expiresAt());
        try {
            boolean finished = sql.connected("Generating code batch " + batchId, c -> {
                int fruitless = 0;
                while (generated[0] < request.count()) {
                    int wanted = Math.min(CHUNK, request.count() - generated[0]);
                    Set<String> chunk = new HashSet<>(wanted * 2);
                    while (chunk.size() < wanted) chunk.add(pattern.next(random));
                    int inserted = ledger.insertBatchChunk(c, terms, chunk);
                    generated[0] += inserted;
                    fruitless = inserted * 10 < wanted ? fruitless + 1 : 0;
                    if (fruitless >= MAX_FRUITLESS_CHUNKS) {
                        throw new IllegalStateException("Almost every new code collides with an existing one; use a longer pattern");
                    }
                    if (Sql.update(c, "UPDATE code_batch SET generated = ?, updated_at = now() WHERE id = ?", generated[0], batchId) == 0) {
                        // The batch went with its promotion while it ran: take back the codes written for it.
                        ledger.deleteBatch(c, batchId);
                        return false;
                    }
                }
                return true;
            });
            if (finished) {
                // Done and announced together: a receiver never hears of a batch the database does not call done.
                sql.newTransaction("Completing code batch " + batchId, c -> {
                    Sql.update(c, "UPDATE code_batch SET status = 'DONE', updated_at = now() WHERE id = ?", batchId);
                    outbox.add(c, new Outbox.Event(EventType.CODE_BATCH_COMPLETED, "batch/" + batchId,
                            new Completed(batchId, promotionId, generated[0])));
                    return null;
                });
            }
            if (finished) {
                LOG.infof("Code batch %s: %d codes in %d ms", batchId, generated[0], (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.infof("Code batch %s: its promotion was deleted after %d codes; they are removed", batchId, generated[0]);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Code batch %s failed after %d codes: %s", batchId, generated[0], e.getMessage());
            try {
                sql.update("Marking code batch " + batchId + " failed",
                        "UPDATE code_batch SET status = 'FAILED', error = ?, updated_at = now() WHERE id = ?", e.getMessage(), batchId);
            } catch (RuntimeException notMarked) {
                LOG.errorf("Code batch %s could not be marked failed: %s", batchId, notMarked.getMessage());
            }
        }
    }
}
