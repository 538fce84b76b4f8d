package kupon.database;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread behind each periodic task that talks to the database (rule watch, block refresh, auto-block),
 * and how it stops: the task running at shutdown is let finish, not interrupted, so that it never hands the pool a
 * connection that an interrupt broke, nor uses one while the pool closes.
 */
public final class BackgroundThread {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private BackgroundThread() {
    }

    public static ScheduledExecutorService named(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Called from a ShutdownEvent observer, which Quarkus runs before it closes the connection pool. */
    public static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
