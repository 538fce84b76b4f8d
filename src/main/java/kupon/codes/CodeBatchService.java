package kupon.codes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Generates codes in bulk in the background. Codes are drawn with {@link SecureRandom} and inserted in
 * chunks; the code's primary key decides uniqueness (against every code of every promotion), and
 * codes that collide are simply drawn again. Progress is kept in the batch row, so any node can report it.
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

    /** How far a batch got. */
    public record BatchStatus(String batchId, String promotionId, String status, int generated, int count, String error) {
    }

    private final AgroalDataSource dataSource;
    private final SecureRandom random = strongInProcessRandom();
    private final ExecutorService generator = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "code-batches");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });

    public CodeBatchService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        execute("UPDATE code_batch SET status = 'FAILED', error = 'Interrupted by a restart; the codes generated so far are valid' "
                + "WHERE status = 'RUNNING' AND updated_at < now() - interval '1 minute'");
    }

    void onStop(@Observes ShutdownEvent event) {
        generator.shutdownNow();
    }

    /** Records the batch and starts generating; the pattern must already have been checked. */
    public BatchStatus start(String promotionId, NewBatch request, CodePattern pattern) {
        String id = "batch-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO code_batch (id, promotion_id, status, count, pattern, charset) VALUES (?, ?, 'RUNNING', ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, promotionId);
            insert.setInt(3, request.count());
            insert.setString(4, pattern.pattern());
            insert.setString(5, pattern.charset());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording code batch failed: " + e.getMessage(), e);
        }
        generator.submit(() -> generate(id, promotionId, request, pattern));
        return new BatchStatus(id, promotionId, "RUNNING", 0, request.count(), null);
    }

    public Optional<BatchStatus> status(String batchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT id, promotion_id, status, generated, count, error FROM code_batch WHERE id = ?")) {
            query.setString(1, batchId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new BatchStatus(row.getString(1), row.getString(2), row.getString(3),
                        row.getInt(4), row.getInt(5), row.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading code batch failed: " + e.getMessage(), e);
        }
    }

    /** Writes the batch's codes as CSV (one column, LF line ends), streaming from a database cursor so a million codes need little memory. */
    public void writeCsv(String batchId, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
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
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("Reading the codes of " + batchId + " failed: " + e.getMessage(), e);
        }
    }

    private void generate(String batchId, String promotionId, NewBatch request, CodePattern pattern) {
        long started = System.nanoTime();
        int generated = 0;
        int fruitless = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO promotion_code (code, promotion_id, status, max_uses, per_customer, starts_at, expires_at, batch_id)
                     SELECT code, ?, 'ACTIVE', ?, ?, ?, ?, ? FROM unnest(?::text[]) AS code
                     ON CONFLICT (code) DO NOTHING""");
             PreparedStatement progress = c.prepareStatement("UPDATE code_batch SET generated = ?, updated_at = now() WHERE id = ?")) {
            while (generated < request.count()) {
                int wanted = Math.min(CHUNK, request.count() - generated);
                Set<String> chunk = new HashSet<>(wanted * 2);
                while (chunk.size() < wanted) chunk.add(pattern.next(random));
                insert.setString(1, promotionId);
                setInteger(insert, 2, request.maxUses());
                setInteger(insert, 3, request.perCustomer());
                insert.setTimestamp(4, request.startsAt() == null ? null : Timestamp.from(request.startsAt()));
                insert.setTimestamp(5, request.expiresAt() == null ? null : Timestamp.from(request.expiresAt()));
                insert.setString(6, batchId);
                insert.setArray(7, c.createArrayOf("text", chunk.toArray()));
                int inserted = insert.executeUpdate();
                generated += inserted;
                fruitless = inserted * 10 < wanted ? fruitless + 1 : 0;
                if (fruitless >= MAX_FRUITLESS_CHUNKS) {
                    throw new IllegalStateException("Almost every new code collides with an existing one; use a longer pattern");
                }
                progress.setInt(1, generated);
                progress.setString(2, batchId);
                if (progress.executeUpdate() == 0) {
                    // The batch went with its promotion while it ran: take back the codes written for it.
                    try (PreparedStatement drop = c.prepareStatement("DELETE FROM promotion_code WHERE batch_id = ?")) {
                        drop.setString(1, batchId);
                        drop.executeUpdate();
                    }
                    LOG.infof("Code batch %s: its promotion was deleted after %d codes; they are removed", batchId, generated);
                    return;
                }
            }
            try (PreparedStatement done = c.prepareStatement("UPDATE code_batch SET status = 'DONE', updated_at = now() WHERE id = ?")) {
                done.setString(1, batchId);
                done.executeUpdate();
            }
            LOG.infof("Code batch %s: %d codes in %d ms", batchId, generated, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | SQLException e) {
            LOG.errorf("Code batch %s failed after %d codes: %s", batchId, generated, e.getMessage());
            try (Connection c = dataSource.getConnection();
                 PreparedStatement fail = c.prepareStatement("UPDATE code_batch SET status = 'FAILED', error = ?, updated_at = now() WHERE id = ?")) {
                fail.setString(1, e.getMessage());
                fail.setString(2, batchId);
                fail.executeUpdate();
            } catch (SQLException ignored) {
                LOG.errorf("Code batch %s could not be marked failed: %s", batchId, ignored.getMessage());
            }
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) statement.setNull(index, Types.INTEGER);
        else statement.setInt(index, value);
    }
}
