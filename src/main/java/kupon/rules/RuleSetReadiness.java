package kupon.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a rule set is active: a node without one cannot answer evaluate. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {

    private final ActiveRuleSet ruleSets;

    public RuleSetReadiness(ActiveRuleSet ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("rule-set");
        return ruleSets.current()
                .map(rs -> builder.up().withData("version", rs.version()).withData("sources", rs.sources().size()).build())
                .orElseGet(() -> builder.down().withData("reason", "no rule set has compiled; see GET /api/v1/rulesets/active").build());
    }
}
