package kupon.rules;

import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleError;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kupon.promotions.ActivePromotions;
import kupon.promotions.PromotionCatalog;
import kupon.promotions.PromotionService;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set that evaluations use, and the one place that replaces it. Builds run on a single
 * background thread; the switch to a new version is one atomic reference swap, so an evaluation never
 * waits for a build and always sees one whole version.
 *
 * <p>A build recompiles rule files only when they changed, and always re-reads the active promotions
 * (cheap), so a promotion change is live in milliseconds even with a large rule base. Rule files that do
 * not compile leave the last good KieBase serving, while promotion changes keep coming through.
 */
@ApplicationScoped
public class ActiveRuleSet {

    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    /** The last rule-file compile that failed, kept until the files compile again. */
    public record Failure(List<RuleError> errors, Instant at) {
    }

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(daemon("rule-set-builder"));
    private final RuleModules modules;
    private final RuleSetVersionRepository versions;
    private final RuleSourceStore store;
    private final ActivePromotions activePromotions;
    private final CatalogRevision revision;
    private final RulesDirectory directory;
    private volatile String lastFingerprint = "";
    private volatile long lastRevision = -1;
    private volatile String failedSourcesHash;
    private final PinWatch pinWatch = new PinWatch();

    public ActiveRuleSet(RulesConfig config, RuleSetVersionRepository versions, RuleSourceStore store,
                         ActivePromotions activePromotions, CatalogRevision revision, RuleModules modules) {
        this.modules = modules;
        this.versions = versions;
        this.store = store;
        this.activePromotions = activePromotions;
        this.revision = revision;
        this.directory = new RulesDirectory(Path.of(config.directory()));
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
        if (reload(VersionCause.STARTED) instanceof ReloadResult.Failed) {
            LOG.error("No rule set is active: fix the errors above; the folder is watched and reloads on its own");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        kupon.database.BackgroundThread.stop(builder);
    }

    /** A promotion write on this node committed: rebuild now, so the change is live when the request returns. */
    void onPromotionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionService.Changed change) {
        reload(VersionCause.of(VersionCause.Kind.PROMOTIONS, "promotions API"));
    }

    /** The rule set serving now, if any compiled. */
    public Optional<RuleSet> current() {
        return Optional.ofNullable(active.get());
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** While a rollback pins the rule files: the live files (folder and uploads) that differ from the pinned ones. */
    public List<PinWatch.Unserved> unservedChanges() {
        return pinWatch.unserved();
    }

    /** Rebuilds from the rules folder and the database now and waits for the result; a new version records {@code cause}. */
    public ReloadResult reload(VersionCause cause) {
        try {
            return builder.submit(() -> rebuild(cause)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rule set to build", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rule set reload failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Something changed elsewhere (another node's commit): rebuild soon, without waiting for the result. */
    public void requestRebuild() {
        if (!builder.isShutdown()) {
            builder.submit(() -> {
                try {
                    return rebuild(VersionCause.ELSEWHERE);
                } catch (RuntimeException e) {
                    LOG.warnf("Rebuilding the rule set failed, retrying on the next change or poll: %s", e.getMessage());
                    return null;
                }
            });
        }
    }

    /**
     * Rebuilds, waiting for it, when the rules folder or the catalog revision moved since the last build; what
     * {@link RuleSetWatcher} calls at every poll. Throws when the folder or the database cannot be read.
     */
    void rebuildIfBehind() throws InterruptedException, ExecutionException {
        boolean folderMoved = !directory.fingerprint().equals(lastFingerprint);
        if (folderMoved || revision.current() != lastRevision) {
            builder.submit(() -> rebuild(folderMoved ? VersionCause.FOLDER : VersionCause.ELSEWHERE)).get();
        }
    }

    private ReloadResult rebuild(VersionCause cause) {
        long started = System.nanoTime();
        lastFingerprint = directory.fingerprint();
        lastRevision = revision.current();
        Optional<Long> pinned = store.pinnedVersion();
        List<RuleSource> sources = pinned.isPresent()
                ? store.sourcesOf(pinned.get()).orElseThrow(() -> new IllegalStateException("Pinned version " + pinned.get() + " does not exist"))
                : liveSources();
        pinWatch.check(pinned.orElse(null), sources, pinned.isPresent() ? liveSources() : sources);
        String sourcesHash = sourcesHash(sources);
        ActivePromotions.Snapshot promotions = activePromotions.read();
        String promotionsHash = promotions.hash();
        RuleSet serving = active.get();

        boolean sourcesUnchanged = serving != null && serving.sourcesHash().equals(sourcesHash);
        if (sourcesUnchanged) {
            failedSourcesHash = null;
            lastFailure.set(null);
        }
        if (sourcesUnchanged && serving.promotionsHash().equals(promotionsHash)) {
            return new ReloadResult.Unchanged(serving);
        }
        RuleSet base = serving;
        if (!sourcesUnchanged && !sourcesHash.equals(failedSourcesHash)) {
            RuleSetCompiler.Outcome outcome = modules.compileChecked(sources);
            if (outcome instanceof RuleSetCompiler.Outcome.Failed failed) {
                failedSourcesHash = sourcesHash;
                lastFailure.set(new Failure(failed.errors(), Instant.now()));
                failed.errors().forEach(error -> LOG.errorf("Rule error, the previous rules keep serving: %s", error));
            } else {
                RuleSetCompiler.Outcome.Compiled compiled = (RuleSetCompiler.Outcome.Compiled) outcome;
                failedSourcesHash = null;
                lastFailure.set(null);
                List<RuleSet.SourceInfo> infos = sources.stream()
                        .map(s -> new RuleSet.SourceInfo(s.name(), s.kind(), s.sha256())).toList();
                base = new RuleSet(0, compiled.kieBase(), infos, sourcesHash, compiled.declaresActions(),
                        PromotionCatalog.EMPTY, "", Instant.now());
                store.saveBlobs(sources);
            }
        }
        if (base == null) {
            return new ReloadResult.Failed(lastFailure.get() == null ? List.of() : lastFailure.get().errors());
        }
        RuleSet candidate = new RuleSet(0, base.kieBase(), base.sources(), base.sourcesHash(), base.declaresActions(),
                new PromotionCatalog(promotions.promotions()), promotionsHash, Instant.now());
        if (serving != null && serving.contentHash().equals(candidate.contentHash())) {
            return lastFailure.get() != null ? new ReloadResult.Failed(lastFailure.get().errors()) : new ReloadResult.Unchanged(serving);
        }
        PromotionCatalog before = serving == null ? null : serving.promotions();
        // Told by a notification or a poll: the node that made the change left its cause with the revision.
        if (cause.kind() == VersionCause.Kind.OTHER_NODE) cause = revision.lastCause().orElse(cause);
        long version = versions.versionFor(candidate.contentHash(), candidate.sources(), before, candidate.promotions(),
                cause);
        RuleSet ruleSet = new RuleSet(version, candidate.kieBase(), candidate.sources(), candidate.sourcesHash(),
                candidate.declaresActions(), candidate.promotions(), promotionsHash, candidate.compiledAt());
        active.set(ruleSet);
        LOG.infof("Rule set version %d active: %d rule file(s), %d promotion(s), built in %d ms", version,
                ruleSet.sources().size(), promotions.promotions().size(), (System.nanoTime() - started) / 1_000_000);
        Failure failure = lastFailure.get();
        return failure != null ? new ReloadResult.Failed(failure.errors()) : new ReloadResult.Activated(ruleSet);
    }

    /** The rule files as they are now: the rules folder plus the files uploaded through the API. */
    public List<RuleSource> liveSources() {
        List<RuleSource> sources = new java.util.ArrayList<>(directory.read());
        sources.addAll(store.uploaded());
        return sources;
    }

    /** Checks, then loads or compiles these sources (see {@link RuleModules}); never touches what is serving. */
    public RuleSetCompiler.Outcome compileChecked(List<RuleSource> sources) {
        return modules.compileChecked(sources);
    }

    /** A rule set built from other sources (a draft, an older version) together with today's promotions, for simulation. */
    public RuleSet buildDetached(List<RuleSource> sources) {
        String hash = sourcesHash(sources);
        RuleSet serving = active.get();
        RuleSetCompiler.Outcome.Compiled compiled = serving != null && serving.sourcesHash().equals(hash)
                ? new RuleSetCompiler.Outcome.Compiled(serving.kieBase(), serving.declaresActions(), null)
                : modules.detached(hash, sources);
        PromotionCatalog catalog = serving != null ? serving.promotions() : new PromotionCatalog(activePromotions.read().promotions());
        List<RuleSet.SourceInfo> infos = sources.stream().map(s -> new RuleSet.SourceInfo(s.name(), s.kind(), s.sha256())).toList();
        return new RuleSet(0, compiled.kieBase(), infos, hash, compiled.declaresActions(), catalog,
                serving != null ? serving.promotionsHash() : "", Instant.now());
    }

    static String sourcesHash(List<RuleSource> sources) {
        return hashOf(sources.stream().map(s -> s.name() + "\0" + s.sha256()).toList());
    }
    private static String hashOf(List<String> parts) {
        return RuleSource.sha256(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }
}
