package kupon.rules;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that evaluations use, and the one place that replaces it. Compiles run on a single
 * background thread; the switch to a new version is one atomic reference swap, so an evaluation
 * never waits for a compile and always sees one whole version.
 */
@ApplicationScoped
public class ActiveRuleSet {

    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    /** The last reload that failed, kept until a later one succeeds. */
    public record Failure(List<RuleError> errors, Instant at) {
    }

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final ExecutorService compiler = Executors.newSingleThreadExecutor(daemon("rule-set-compiler"));
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("rules-folder-watch"));
    private final Duration pollInterval;
    private final RuleSetCompiler ruleSetCompiler = new RuleSetCompiler();
    private final RuleSetVersionRepository versions;
    private final RulesDirectory directory;
    private volatile String lastFingerprint = "";

    public ActiveRuleSet(RulesConfig config, RuleSetVersionRepository versions) {
        this.versions = versions;
        this.directory = new RulesDirectory(Path.of(config.directory()));
        this.pollInterval = config.pollInterval();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Loading rules from %s", directory.root());
        ReloadResult result = reload();
        if (result instanceof ReloadResult.Failed) {
            LOG.error("No rule set is active: fix the errors above, the folder is watched and reloads on its own");
        }
        // A sub-second poll of names, sizes and dates is cheap and, unlike file-system events, works on every
        // file system (network mounts, container volumes, editors that replace files).
        watcher.scheduleWithFixedDelay(this::watchDirectory, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        watcher.shutdownNow();
        compiler.shutdownNow();
    }

    /** The rule set serving now, if any compiled. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(active.get());
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Recompiles from the rules folder now and waits for the result. */
    public ReloadResult reload() {
        try {
            return compiler.submit(this::rebuild).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rule set to compile", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rule set reload failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void watchDirectory() {
        try {
            if (!directory.fingerprint().equals(lastFingerprint)) {
                compiler.submit(this::rebuild).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            // Keep watching: one failed scan (a file vanishing mid-read) must not end hot reload.
            LOG.warn("Checking the rules folder failed; retrying on the next scan", e);
        }
    }

    private ReloadResult rebuild() {
        lastFingerprint = directory.fingerprint();
        List<RuleSource> sources = directory.read();
        String contentHash = contentHash(sources);
        RuleSet serving = active.get();
        if (serving != null && serving.contentHash().equals(contentHash)) {
            lastFailure.set(null);
            return new ReloadResult.Unchanged(serving);
        }
        long started = System.nanoTime();
        RuleSetCompiler.Outcome outcome = ruleSetCompiler.compile(sources);
        if (outcome instanceof RuleSetCompiler.Outcome.Failed failed) {
            lastFailure.set(new Failure(failed.errors(), Instant.now()));
            failed.errors().forEach(error -> LOG.errorf("Rule error, previous rule set keeps serving: %s", error));
            return new ReloadResult.Failed(failed.errors());
        }
        RuleSetCompiler.Outcome.Compiled compiled = (RuleSetCompiler.Outcome.Compiled) outcome;
        List<RuleSet.SourceInfo> infos = sources.stream()
                .map(s -> new RuleSet.SourceInfo(s.name(), s.kind(), s.sha256())).toList();
        long version = versions.versionFor(contentHash, infos);
        RuleSet ruleSet = new RuleSet(version, compiled.kieBase(), infos, contentHash, Instant.now(), compiled.declaresActions());
        active.set(ruleSet);
        lastFailure.set(null);
        LOG.infof("Rule set version %d active: %d source(s), compiled in %d ms", version, sources.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new ReloadResult.Activated(ruleSet);
    }

    private static String contentHash(List<RuleSource> sources) {
        StringBuilder all = new StringBuilder();
        sources.forEach(s -> all.append(s.name()).append('\0').append(s.sha256()).append('\n'));
        return RuleSource.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
