package kupon.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the {@link RuleProblem}s evaluations on this node met, for {@code GET /api/v1/rulesets/active}
 * ({@code runtimeProblems}) and the metric {@code kupon_rule_runtime_problems_total}. Each distinct problem is logged
 * the first time it is seen, then only counted, so a broken rule does not flood the log at every cart. At most
 * {@link #KEPT} distinct problems are kept; the one seen longest ago makes room.
 */
@ApplicationScoped
public class RuntimeProblems {

    static final int KEPT = 100;
    private static final Logger LOG = Logger.getLogger(RuntimeProblems.class);

    /** One problem as reported: how often, first and last seen, and in which rule set version last. */
    public record Seen(String rule, String promotionId, String message, long count, Instant firstSeen, Instant lastSeen,
                       long ruleSetVersion) {
    }

    private final Map<RuleProblem, Seen> seen = new LinkedHashMap<>();
    private final Counter counter;

    public RuntimeProblems(MeterRegistry registry) {
        this.counter = Counter.builder("kupon.rule.runtime.problems")
                .description("Rules that failed, and rule offers that could not be built, while evaluating carts")
                .register(registry);
    }

    public void record(long ruleSetVersion, List<RuleProblem> problems, Instant at) {
        if (problems.isEmpty()) return;
        counter.increment(problems.size());
        synchronized (seen) {
            for (RuleProblem problem : problems) {
                Seen before = seen.get(problem);
                if (before == null) {
                    LOG.warnf("Rule set %d: %s%s (counted in GET /api/v1/rulesets/active, logged once)", ruleSetVersion,
                            problem.rule() != null ? "rule \"" + problem.rule() + "\" failed and was skipped: " : "",
                            problem.message());
                    if (seen.size() >= KEPT) {
                        seen.values().stream().min(Comparator.comparing(Seen::lastSeen))
                                .ifPresent(oldest -> seen.remove(new RuleProblem(oldest.rule(), oldest.promotionId(), oldest.message())));
                    }
                }
                seen.put(problem, new Seen(problem.rule(), problem.promotionId(), problem.message(),
                        before == null ? 1 : before.count() + 1, before == null ? at : before.firstSeen(), at, ruleSetVersion));
            }
        }
    }

    /** The problems seen, the most recent first. */
    public List<Seen> seen() {
        synchronized (seen) {
            return seen.values().stream().sorted(Comparator.comparing(Seen::lastSeen).reversed()).toList();
        }
    }
}
