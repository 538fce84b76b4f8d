package kupon.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.codes.CodeLookup;
import kupon.codes.CodesConfig;
import kupon.codes.PromoCode;
import kupon.customers.CustomerHistory;
import kupon.limits.UsageKey;
import kupon.limits.UsageLedger;
import kupon.limits.UsageLimit;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.pricing.Offer;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.pricing.Rounding;
import kupon.rules.ActiveRuleSet;
import kupon.rules.RuleSet;
import kupon.rules.RulesConfig;
import kupon.rules.api.Actions;
import kupon.rules.model.EnteredCode;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Answers "what would this cart get?": fires the active rule set on the cart's facts, collects the
 * offers rules made, and lets the pricing core apply them. Read-only: nothing is consumed or stored.
 */
@ApplicationScoped
public class Evaluator {

    private static final Logger LOG = Logger.getLogger(Evaluator.class);

    private final ActiveRuleSet ruleSets;
    private final RulesConfig rulesConfig;
    private final CodesConfig codesConfig;
    private final PricingEngine pricingEngine;
    private final CodeLookup codeLookup;
    private final UsageLedger usageLedger;
    private final CustomerHistory history;
    private final Timer timer;

    public Evaluator(ActiveRuleSet ruleSets, RulesConfig rulesConfig, CodesConfig codesConfig, PricingConfig pricingConfig,
                     CodeLookup codeLookup, UsageLedger usageLedger, CustomerHistory history, MeterRegistry meters) {
        this.ruleSets = ruleSets;
        this.codeLookup = codeLookup;
        this.usageLedger = usageLedger;
        this.history = history;
        this.rulesConfig = rulesConfig;
        this.codesConfig = codesConfig;
        this.pricingEngine = new PricingEngine(new Rounding(pricingConfig.rounding()));
        this.timer = Timer.builder("kupon.evaluations").description("Cart evaluations: count and latency")
                .publishPercentileHistogram().register(meters);
    }

    /**
     * Evaluates a request already checked by the API's validator.
     *
     * @param connectionIp the caller's address, for per-IP limits when the request names no {@code context.ip}
     */
    public Evaluation evaluate(CheckoutRequest request, Instant now, String connectionIp) {
        return evaluate(ruleSets.current().orElseThrow(NoActiveRuleSetException::new), request, now, connectionIp, false);
    }

    /** Evaluates for an order about to be committed: codes are read from the database, never from this node's cache. */
    public Evaluation evaluateForOrder(CheckoutRequest request, Instant now, String connectionIp) {
        return evaluate(ruleSets.current().orElseThrow(NoActiveRuleSetException::new), request, now, connectionIp, true);
    }

    /** Evaluates against a given rule set (a draft or an older version, for simulation); read-only like any evaluation. */
    public Evaluation evaluate(RuleSet ruleSet, CheckoutRequest request, Instant now, String connectionIp) {
        return evaluate(ruleSet, request, now, connectionIp, false);
    }

    private Evaluation evaluate(RuleSet ruleSet, CheckoutRequest request, Instant now, String connectionIp, boolean freshCodes) {
        long started = System.nanoTime();
        try {
            CheckoutFacts facts = CheckoutFacts.of(request, now, codesConfig.maxPerOrder(), connectionIp, history::orderCount);
            Actions actions = new Actions();
            List<String> fired = fire(ruleSet, facts, actions);
            List<RuleOffers.Candidate> stated = RuleOffers.of(ruleSet.version(), actions, facts, now);
            // After the offers are built: building them reports mistakes too (a promotion given no reward).
            actions.problems().forEach(p -> LOG.warnf("Rule set %d: %s", ruleSet.version(), p));
            Set<UsageKey> ruleCounters = RuleOffers.keys(stated);
            List<String> entered = facts.codes().stream().map(EnteredCode::getCode).toList();
            Map<String, PromoCode> stored = freshCodes ? codeLookup.findFresh(entered) : codeLookup.find(entered);
            // The rules' counters are read in the catalog's query: limits in rule files cost no query of their own.
            CatalogOffers.Result catalog = CatalogOffers.collect(ruleSet.promotions(), facts, stored,
                    keys -> usageLedger.read(union(keys, ruleCounters)), now);
            RuleOffers.Result rules = RuleOffers.within(stated, catalog.counters());
            List<Offer> offers = new ArrayList<>(rules.offers());
            offers.addAll(catalog.offers());
            PricingResult pricing = pricingEngine.price(facts.pricingCart(), offers);
            return new Evaluation(pricing, rejectedCodes(facts, catalog, rules, pricing), ruleSet.version(), now, fired,
                    plannedUses(pricing, catalog, rules), shopper(facts));
        } finally {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private static Collection<UsageKey> union(Collection<UsageKey> a, Set<UsageKey> b) {
        if (b.isEmpty()) return a;
        Set<UsageKey> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Every applied promotion with limits (JSON, or from rule files), with its code: what an order would consume.
     * A JSON promotion and a rule offer with the same id share counters; they are counted once per order.
     */
    private static List<Evaluation.PlannedUse> plannedUses(PricingResult pricing, CatalogOffers.Result catalog, RuleOffers.Result rules) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        pricing.applied().forEach(a -> amounts.merge(a.promotionId(), a.amount().amount(), BigDecimal::add));
        List<Evaluation.PlannedUse> uses = new ArrayList<>();
        amounts.forEach((promotionId, amount) -> {
            CatalogOffers.Candidate json = catalog.candidates().get(promotionId);
            RuleOffers.Candidate rule = rules.limited().get(promotionId);
            if (json == null && rule == null) return;
            Map<UsageKey, UsageLimit> limits = new LinkedHashMap<>();
            if (json != null) json.limits().forEach(l -> limits.putIfAbsent(l.key(), l));
            if (rule != null) rule.limits().forEach(l -> limits.putIfAbsent(l.key(), l));
            uses.add(new Evaluation.PlannedUse(promotionId, json == null ? null : json.code(), amount, List.copyOf(limits.values())));
        });
        return uses;
    }

    private static Evaluation.Shopper shopper(CheckoutFacts facts) {
        return new Evaluation.Shopper(facts.customer().getId(), facts.customer().getEmail(), facts.context().getIp(),
                facts.context().getChannel(), facts.context().getSource(), facts.context().getCampaign());
    }

    private List<String> fire(RuleSet ruleSet, CheckoutFacts facts, Actions actions) {
        return RuleFiring.fire(ruleSet.kieBase(), ruleSet.declaresActions(), facts, actions, rulesConfig.maxFirings(),
                rulesConfig.maxFiringTime(), "Rule set " + ruleSet.version());
    }

    private static List<RejectedCode> rejectedCodes(CheckoutFacts facts, CatalogOffers.Result catalog, RuleOffers.Result rules,
                                                    PricingResult pricing) {
        List<RejectedCode> rejected = new ArrayList<>();
        facts.codes().forEach(entered -> {
            String code = entered.getCode();
            if (pricing.applied().stream().anyMatch(a -> code.equals(a.code()))) {
                return;
            }
            Optional<RejectedCode> early = Stream.concat(catalog.rejected().stream(), rules.rejected().stream())
                    .filter(r -> r.code().equals(code)).findFirst();
            if (early.isPresent()) {
                rejected.add(early.get());
                return;
            }
            RejectedCode why = pricing.notApplied().stream()
                    .filter(n -> code.equals(n.offer().code()))
                    .findFirst()
                    .map(n -> reject(code, n.reason(), n.offer()))
                    .orElseGet(() -> new RejectedCode(code, RejectionReason.UNKNOWN_CODE,
                            "The code " + code + " does not exist. Check the spelling."));
            rejected.add(why);
        });
        facts.excessCodes().forEach(code -> rejected.add(new RejectedCode(code, RejectionReason.TOO_MANY_CODES,
                "Only " + facts.codes().size() + " codes can be used on one order; remove one to use " + code + ".")));
        return rejected;
    }

    private static RejectedCode reject(String code, PricingResult.Reason reason, Offer offer) {
        return switch (reason) {
            case MIN_SUBTOTAL_NOT_MET -> new RejectedCode(code, RejectionReason.MIN_SUBTOTAL_NOT_MET,
                    offer.conditions().minSubtotal() == null ? "The cart does not reach the amount the code " + code + " needs."
                            : "The code " + code + " needs items worth at least " + offer.conditions().minSubtotal().toPlainString() + ".");
            case MIN_QUANTITY_NOT_MET -> new RejectedCode(code, RejectionReason.MIN_QUANTITY_NOT_MET,
                    offer.conditions().minQuantity() == null ? "The cart does not hold enough items for the code " + code + "."
                            : "The code " + code + " needs at least " + offer.conditions().minQuantity() + " items in the cart.");
            case NO_ELIGIBLE_ITEMS -> new RejectedCode(code, RejectionReason.NO_ELIGIBLE_ITEMS,
                    "None of the items in the cart qualify for " + code + ".");
            case BUDGET_EXHAUSTED -> new RejectedCode(code, RejectionReason.BUDGET_EXHAUSTED,
                    "The promotion behind " + code + " has run out.");
            case NOT_COMBINABLE, EXCLUDED_BY_EXCLUSIVE, STOPPED_BY_EARLIER -> new RejectedCode(code, RejectionReason.NOT_COMBINABLE,
                    "The code " + code + " cannot be combined with the other discounts on this order.");
        };
    }
}
