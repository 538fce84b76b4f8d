package kupon.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.Evaluation;
import kupon.evaluation.Evaluator;
import kupon.evaluation.NoActiveRuleSetException;
import kupon.pricing.PricingResult;
import kupon.rules.ActiveRuleSet;
import kupon.rules.RuleSet;
import kupon.rules.source.RuleSource;
import kupon.rules.RuleSourceStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code POST /api/v1/simulate}: a list of carts evaluated against a draft (from a dry-run upload) or
 * any version, and against the active rule set, with the difference per cart and in total, so a
 * merchandiser sees what a spreadsheet would do before making it live. Nothing is consumed or stored.
 */
@Path("/api/v1/simulate")
@Allowed(Role.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulationResource {

    /** Each cart is evaluated twice on the request thread: 100 keep a call to a few seconds at most. */
    static final int MAX_CARTS = 100;
    private static final int MAX_DRAFT_ID = 64;

    /** {@code ruleSet}: a draft id, a version number, or "active". */
    public record SimulationRequest(JsonNode ruleSet, List<CheckoutRequest> carts) {
    }

    public record Outcome(String currency, BigDecimal discountTotal, BigDecimal shippingDiscount, BigDecimal total, List<String> applied) {
        static Outcome of(PricingResult p) {
            return new Outcome(p.currency().getCurrencyCode(), p.discountTotal().amount(), p.shippingDiscount().amount(),
                    p.total().amount(), p.applied().stream().map(PricingResult.Applied::promotionId).toList());
        }
    }

    public record CartResult(int index, Outcome simulated, Outcome active, BigDecimal discountChange, BigDecimal totalChange,
                             List<String> promotionsAdded, List<String> promotionsRemoved) {
    }

    public record Totals(String currency, int carts, BigDecimal simulatedDiscount, BigDecimal activeDiscount,
                         BigDecimal discountChange, BigDecimal simulatedRevenue, BigDecimal activeRevenue) {
    }

    public record SimulationResult(String ruleSet, long activeVersion, List<CartResult> carts, List<Totals> totals) {
    }

    private final ActiveRuleSet ruleSets;
    private final RuleSourceStore store;
    private final Evaluator evaluator;

    public SimulationResource(ActiveRuleSet ruleSets, RuleSourceStore store, Evaluator evaluator) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.evaluator = evaluator;
    }

    @POST
    public SimulationResult simulate(SimulationRequest request, @Context HttpServerRequest http) {
        if (request == null || request.carts() == null || request.carts().isEmpty() || request.carts().size() > MAX_CARTS) {
            throw new InvalidRequestException(List.of(new FieldError("carts", "is required: 1 to " + MAX_CARTS + " evaluate bodies")));
        }
        BodyCheck.check(request);
        String name = ruleSetName(request.ruleSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.carts().size(); i++) {
            try {
                CheckoutRequestValidator.validate(request.carts().get(i));
            } catch (InvalidRequestException e) {
                int index = i;
                e.errors().forEach(error -> errors.add(new FieldError("carts[" + index + "]"
                        + (error.path().isEmpty() ? "" : "." + error.path()), error.message())));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        RuleSet active = ruleSets.current().orElseThrow(NoActiveRuleSetException::new);
        RuleSet simulated = resolve(name, active);
        Instant now = Instant.now();
        String ip = ClientAddress.of(http);
        List<CartResult> results = new ArrayList<>();
        Map<String, Totals> totals = new TreeMap<>();
        for (int i = 0; i < request.carts().size(); i++) {
            CheckoutRequest cart = request.carts().get(i);
            Evaluation sim = evaluator.evaluate(simulated, cart, now, ip);
            Evaluation current = evaluator.evaluate(active, cart, now, ip);
            Outcome s = Outcome.of(sim.pricing()), a = Outcome.of(current.pricing());
            results.add(new CartResult(i, s, a, s.discountTotal().add(s.shippingDiscount()).subtract(a.discountTotal()).subtract(a.shippingDiscount()),
                    s.total().subtract(a.total()),
                    s.applied().stream().filter(p -> !a.applied().contains(p)).toList(),
                    a.applied().stream().filter(p -> !s.applied().contains(p)).toList()));
            totals.merge(s.currency(), new Totals(s.currency(), 1, s.discountTotal().add(s.shippingDiscount()),
                    a.discountTotal().add(a.shippingDiscount()), results.get(i).discountChange(), s.total(), a.total()), SimulationResource::add);
        }
        return new SimulationResult(name, active.version(), results, List.copyOf(totals.values()));
    }

    /** "active", a version number that fits a long, or a draft id: anything else is refused before a lookup. */
    private static String ruleSetName(JsonNode ruleSet) {
        if (ruleSet == null || ruleSet.isNull()) return "active";
        String name = ruleSet.isIntegralNumber() && ruleSet.canConvertToLong() ? String.valueOf(ruleSet.longValue())
                : ruleSet.isTextual() ? ruleSet.textValue().trim() : null;
        boolean fits = name != null && !name.isEmpty() && name.length() <= MAX_DRAFT_ID
                && (!name.matches("\\d+") || name.length() < 19 || fitsLong(name));
        if (!fits || FieldLimits.problem(name, MAX_DRAFT_ID) != null) {
            throw new InvalidRequestException(List.of(new FieldError("ruleSet", "must be \"active\", a version number, or a draft id"
                    + " (at most " + MAX_DRAFT_ID + " characters) from POST /api/v1/rulesets?dryRun=true")));
        }
        return name;
    }

    private static boolean fitsLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private RuleSet resolve(String name, RuleSet active) {
        if (name.equals("active")) return active;
        Optional<List<RuleSource>> sources = name.matches("\\d+") ? store.sourcesOf(Long.parseLong(name)) : store.draft(name);
        List<RuleSource> found = sources.orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("ruleSet",
                "'" + name + "' is neither \"active\", a version number nor a draft id from POST /api/v1/rulesets?dryRun=true"))));
        try {
            return ruleSets.buildDetached(found);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("ruleSet", "does not compile: " + e.getMessage())));
        }
    }

    private static Totals add(Totals x, Totals y) {
        return new Totals(x.currency(), x.carts() + y.carts(), x.simulatedDiscount().add(y.simulatedDiscount()),
                x.activeDiscount().add(y.activeDiscount()), x.discountChange().add(y.discountChange()),
                x.simulatedRevenue().add(y.simulatedRevenue()), x.activeRevenue().add(y.activeRevenue()));
    }
}
