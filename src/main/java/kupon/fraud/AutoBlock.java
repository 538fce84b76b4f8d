package kupon.fraud;

import kupon.database.BackgroundThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.Sql;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The optional auto-block policy ({@code kupon.fraud.auto-block.*}): every minute, one node at a time looks at the
 * recent redemptions and blocks each device or address shared by at least {@code min-accounts} accounts, recording an
 * {@code AUTO_BLOCKED} event. IPs and emails are never blocked automatically: an office or a family shares them.
 */
@ApplicationScoped
public class AutoBlock {

    private static final Logger LOG = Logger.getLogger(AutoBlock.class);
    private static final long LOCK = 7130002;

    private final Sql sql;
    private final AbusePatterns patterns;
    private final FraudBlocks blocks;
    private final FraudConfig.AutoBlock config;
    private final ScheduledExecutorService scheduler = BackgroundThread.named("fraud-auto-block");

    public AutoBlock(Sql sql, AbusePatterns patterns, FraudBlocks blocks, FraudConfig config) {
        this.sql = sql;
        this.patterns = patterns;
        this.blocks = blocks;
        this.config = config.autoBlock();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) return;
        long every = config.every().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                run(Instant.now(), config.minAccounts());
            } catch (RuntimeException e) {
                LOG.warnf("The auto-block policy could not run, trying again in %s: %s", config.every(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(scheduler);
    }

    /** Blocks what the policy finds now; the blocks it added (none when another node is running it at the moment). */
    public List<Block> run(Instant now, int minAccounts) {
        return sql.transaction("Running the auto-block policy", c -> {
            List<Block> added = new ArrayList<>();
            if (!Sql.one(c, "SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), LOCK).orElse(false)) return added;
            // Within the lookback, a device or an address shared by this many accounts; IPs and emails are left alone.
            AbusePatterns.Thresholds thresholds = new AbusePatterns.Thresholds(minAccounts, minAccounts, Integer.MAX_VALUE,
                    Integer.MAX_VALUE, config.lookback());
            List<Block> inForce = blocks.list();
            for (AbusePattern pattern : patterns.find(now.minus(config.lookback()), now, thresholds)) {
                if (pattern.sharedBy() != SubjectType.DEVICE && pattern.sharedBy() != SubjectType.ADDRESS) continue;
                boolean blocked = inForce.stream().anyMatch(b -> b.type() == pattern.sharedBy() && b.value().equals(pattern.value()));
                if (blocked) continue;
                added.add(blocks.add(new Subject(pattern.sharedBy(), pattern.value()), now.plus(config.blockFor()),
                        pattern.accounts() + " accounts redeemed limited promotions " + pattern.orders() + " times",
                        "auto-block policy", FraudEvent.Type.AUTO_BLOCKED));
            }
            return added;
        });
    }
}
