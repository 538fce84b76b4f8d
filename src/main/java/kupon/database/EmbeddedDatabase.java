package kupon.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.quarkus.runtime.Application;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from Maven Central binaries, for `make run` and the tests when no external database is
 * configured. It takes over its data folder from a server an earlier Kupon left running (killed with it, say), and,
 * when supervised, starts the server again on the same port if it stops, so the pool reconnects by itself.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    /**
     * What to set to use an external PostgreSQL instead. A compile-time constant, so a class that names it does not
     * load this one (which needs the embedded PostgreSQL library).
     */
    public static final String EXTERNAL_SETTINGS =
            "QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration SERVICE_STOP_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;
    private Thread supervisor;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = postgres.getPort();
    }

    /**
     * Starts PostgreSQL on the given data directory. An existing directory is reused as it is, so
     * data survives restarts; a missing one is initialised.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dataDirectory.getParent()
                    + ": check the folder is writable, or set QUARKUS_DATASOURCE_JDBC_URL to use an external PostgreSQL", e);
        }
        stopStalePostmaster(dataDirectory);
        EmbeddedDatabase database = new EmbeddedDatabase(launch(dataDirectory, port), dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(database::closeOnExit, "embedded-postgres-stop"));
        return database;
    }

    /**
     * At JVM exit, stopped only once a Kupon running in this JVM has stopped, its connection pool included: a Ctrl-C
     * starts both shutdowns at once, and a server stopping first would break connections still in use.
     */
    private void closeOnExit() {
        if (closed) return;
        Application service = Application.currentApplication();
        if (service != null) {
            Thread waiter = new Thread(service::awaitShutdown, "await-kupon-stopped");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(SERVICE_STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by this class's own hook, after the service (see closeOnExit).
                    .setRegisterShutdownHook(false)
                    // Generous enough for a service node plus concurrent test clients.
                    .setServerConfig("max_connections", "300")
                    // The embedded server's library turns this off for speed; orders must survive a crash as on any PostgreSQL.
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ": check the folder is writable, or set QUARKUS_DATASOURCE_JDBC_URL to use an external PostgreSQL", e);
        } catch (IllegalStateException e) {
            // The library's words when none of the binaries on the class path suits this machine.
            if (e.getMessage() == null || !e.getMessage().contains("Missing embedded postgres binaries")) throw e;
            throw new NoBinaries(e);
        }
    }

    /** None of the embedded PostgreSQL binaries this build ships runs on this machine. */
    public static final class NoBinaries extends IllegalStateException {
        NoBinaries(IllegalStateException cause) {
            super("This build of Kupon has no embedded PostgreSQL binaries for " + System.getProperty("os.name") + " on "
                    + System.getProperty("os.arch") + ": set " + EXTERNAL_SETTINGS + " to your PostgreSQL", cause);
        }
    }

    /**
     * A postmaster still running on this data directory belongs to a Kupon that ended without stopping it (a
     * {@code kill -9}): nothing else may use the folder, so it is asked to stop (SIGTERM, then SIGKILL after 20 s)
     * before a new one starts. A pid file whose process is gone is left to PostgreSQL, which removes it.
     */
    static void stopStalePostmaster(Path dataDirectory) {
        Optional<ProcessHandle> stale = postmaster(dataDirectory);
        if (stale.isEmpty()) return;
        ProcessHandle process = stale.get();
        LOG.warnf("A PostgreSQL left running by an earlier start (pid %d) holds %s; stopping it before starting again",
                process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(STALE_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            LOG.warnf("PostgreSQL pid %d did not stop in %d s; killing it", process.pid(), STALE_STOP_WAIT.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The running postmaster of a data directory, from its {@code postmaster.pid}, if it is a live PostgreSQL process. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Watches the server every {@code interval} and starts it again on the same port and data when it is gone, so that a
     * crash of PostgreSQL costs seconds of 503 answers, not a restart of Kupon.
     */
    public synchronized void supervise(Duration interval) {
        if (supervisor != null) return;
        supervisor = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(interval.toMillis());
                    if (JvmShutdown.inProgress()) return;
                    if (!closed && postmaster(dataDirectory).isEmpty()) restart();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (JvmShutdown.inProgress()) return;
                    LOG.errorf("Starting the embedded PostgreSQL again failed, retrying: %s", e.getMessage());
                }
            }
        }, "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private synchronized void restart() {
        if (closed) return;
        LOG.warnf("The embedded PostgreSQL on port %d stopped; starting it again on its data in %s", port, dataDirectory);
        try {
            postgres.close();
        } catch (IOException | RuntimeException alreadyGone) {
            LOG.debugf("Stopping what was left of it: %s", alreadyGone.getMessage());
        }
        postgres = launch(dataDirectory, port);
        LOG.infof("The embedded PostgreSQL is back on port %d", port);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (supervisor != null) supervisor.interrupt();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
