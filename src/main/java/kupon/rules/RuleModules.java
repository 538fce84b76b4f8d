package kupon.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Turns rule sources into compiled modules: the rule sandbox first (a cached module is only loaded for sources that
 * pass it), then the module compiled earlier from the same sources (kept in PostgreSQL, so a restart, another node or
 * a rollback does not compile again), else the compiler. Modules built for simulation are kept for the last few
 * source sets asked for.
 */
@ApplicationScoped
public class RuleModules {

    private static final Logger LOG = Logger.getLogger(RuleModules.class);
    private static final int DETACHED_KEPT = 4;

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final RuleSourceStore store;
    private final Cache<String, RuleSetCompiler.Outcome.Compiled> detached = Caffeine.newBuilder().maximumSize(DETACHED_KEPT).build();

    public RuleModules(RuleSourceStore store) {
        this.store = store;
    }

    public RuleSetCompiler.Outcome compileChecked(List<RuleSource> sources) {
        List<RuleError> violations = RuleSetCompiler.sandboxViolations(sources);
        if (!violations.isEmpty()) {
            return new RuleSetCompiler.Outcome.Failed(violations);
        }
        String hash = ActiveRuleSet.sourcesHash(sources);
        Optional<RuleSetCompiler.Outcome.Compiled> cached = store.compiledModule(hash).flatMap(compiler::load);
        if (cached.isPresent()) {
            LOG.debugf("Rule files %s loaded from the compiled module cache", hash.substring(0, 12));
            return cached.get();
        }
        RuleSetCompiler.Outcome outcome = compiler.compile(sources);
        if (outcome instanceof RuleSetCompiler.Outcome.Compiled compiled) {
            store.saveCompiledModule(hash, compiled.module());
        }
        return outcome;
    }

    /** A module for sources that do not serve (a draft, an older version); refused sources throw with their first error. */
    RuleSetCompiler.Outcome.Compiled detached(String sourcesHash, List<RuleSource> sources) {
        return detached.get(sourcesHash, hash -> {
            RuleSetCompiler.Outcome outcome = compileChecked(sources);
            if (outcome instanceof RuleSetCompiler.Outcome.Failed failed) {
                throw new IllegalArgumentException(failed.errors().size() + " error(s): " + failed.errors().get(0));
            }
            return (RuleSetCompiler.Outcome.Compiled) outcome;
        });
    }
}
