package kupon.rules;

import kupon.database.BackgroundThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the rule set current without being told: every poll interval it asks {@link ActiveRuleSet} to rebuild if the
 * rules folder or the catalog revision moved. A sub-second poll of file names, sizes and dates, and of one database row,
 * is cheap and, unlike file-system events or notifications alone, works on every file system and survives reconnects.
 */
@ApplicationScoped
public class RuleSetWatcher {

    private static final Logger LOG = Logger.getLogger(RuleSetWatcher.class);

    private final ActiveRuleSet ruleSets;
    private final Duration pollInterval;
    private final ScheduledExecutorService watcher = BackgroundThread.named("rule-set-watch");
    private Instant failingSince;
    private Instant lastWarning = Instant.EPOCH;

    public RuleSetWatcher(ActiveRuleSet ruleSets, RulesConfig config) {
        this.ruleSets = ruleSets;
        this.pollInterval = config.pollInterval();
    }

    /** After the first build, which {@link ActiveRuleSet} makes on start. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        watcher.scheduleWithFixedDelay(this::watch, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(watcher);
    }

    private void watch() {
        try {
            ruleSets.rebuildIfBehind();
            if (failingSince != null) {
                LOG.infof("Checking for rule changes works again after %d s", Duration.between(failingSince, Instant.now()).toSeconds());
                failingSince = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            // Keep watching: a failed scan (a file vanishing mid-read, the database restarting) must not end hot reload.
            // While it keeps failing (the database is down), say so once a minute rather than at every poll.
            if (kupon.database.JvmShutdown.inProgress()) return;
            Instant now = Instant.now();
            if (failingSince == null || Duration.between(lastWarning, now).toMinutes() >= 1) {
                LOG.warnf("Checking for rule changes failed, retrying on the next scan: %s", e.getMessage());
                lastWarning = now;
            }
            if (failingSince == null) failingSince = now;
        }
    }
}
