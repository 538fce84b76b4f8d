package kupon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.rules.ActiveRuleSet;
import kupon.rules.ReloadResult;
import kupon.rules.RuleError;
import kupon.rules.RuleSet;

import java.time.Instant;
import java.util.List;

/** Rule sets: what is serving now, and reloading from the rules folder on demand. */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    /** The serving version and its sources; {@code lastError} holds the errors of a reload that did not replace it. */
    public record ActiveView(Long version, Instant compiledAt, String contentHash, List<SourceView> sources,
                             LastError lastError) {
    }

    public record SourceView(String name, String kind, String hash) {
    }

    public record LastError(Instant at, List<RuleError> errors) {
    }

    public record Reloaded(long version, boolean changed) {
    }

    public record ReloadFailed(String error, String message, List<RuleError> errors) {
    }

    private final ActiveRuleSet ruleSets;

    public RuleSetResource(ActiveRuleSet ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GET
    @Path("/active")
    @Allowed({Role.MARKETER})
    public ActiveView active() {
        LastError lastError = ruleSets.lastFailure().map(f -> new LastError(f.at(), f.errors())).orElse(null);
        return ruleSets.current()
                .map(rs -> new ActiveView(rs.version(), rs.compiledAt(), rs.contentHash(), sources(rs), lastError))
                .orElse(new ActiveView(null, null, null, List.of(), lastError));
    }

    @POST
    @Path("/reload")
    @Allowed({Role.ADMIN})
    public Response reload() {
        ReloadResult result = ruleSets.reload();
        if (result instanceof ReloadResult.Failed failed) {
            return Response.status(422).entity(new ReloadFailed("RULE_ERRORS", failed.errors().size()
                    + " error(s) in the rule files; the previous version keeps serving. Fix them and reload.",
                    failed.errors())).build();
        }
        boolean changed = result instanceof ReloadResult.Activated;
        RuleSet ruleSet = changed ? ((ReloadResult.Activated) result).ruleSet() : ((ReloadResult.Unchanged) result).ruleSet();
        return Response.ok(new Reloaded(ruleSet.version(), changed)).build();
    }

    private static List<SourceView> sources(RuleSet ruleSet) {
        return ruleSet.sources().stream().map(s -> new SourceView(s.name(), s.kind().name(), s.sha256())).toList();
    }
}
