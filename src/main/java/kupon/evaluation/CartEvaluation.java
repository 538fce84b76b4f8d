package kupon.evaluation;

import kupon.codes.PromoCode;
import kupon.customers.Spending;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.codes.Rejections;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLimit;
import kupon.pricing.Offer;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.rules.RuleSet;
import kupon.rules.RuleProblem;
import kupon.rules.api.Actions;
import kupon.rules.model.EnteredCode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The evaluation of one cart against one rule set: its facts, the rules fired on them, the offers rules made and the
 * stored promotions that concern the cart, the codes entered, limits as they stand, and the pricing core's answer.
 * What it needs from storage comes through {@link Lookups}, so the same code serves checkout (the database behind it)
 * and the rule tests (nothing stored).
 */
public final class CartEvaluation {

    /** What an evaluation reads from storage. */
    public interface Lookups {

        /** The stored codes among these (normalized) entered codes. */
        Map<String, PromoCode> codes(Collection<String> entered);

        /** The counters among {@code keys} that have been used; missing ones are unused. */
        Map<UsageKey, Usage> counters(Collection<UsageKey> keys);

        /**
         * The customer's placed orders (by id, else normalized email), what they spent in {@code currency} and when they
         * last ordered; asked only when a rule or promotion needs one of them.
         */
        Spending spending(String customerId, String normalizedEmail, String currency);

        /** The stock recorded for these SKUs (PUT /api/v1/inventory); SKUs never recorded are missing. */
        Map<String, Integer> stock(Collection<String> skus);

        /** Nothing stored: no codes, every counter unused, no orders, no stock recorded. */
        Lookups NONE = new Lookups() {
            @Override
            public Map<String, PromoCode> codes(Collection<String> entered) {
                return Map.of();
            }

            @Override
            public Map<UsageKey, Usage> counters(Collection<UsageKey> keys) {
                return Map.of();
            }

            @Override
            public Spending spending(String customerId, String normalizedEmail, String currency) {
                return Spending.NONE;
            }

            @Override
            public Map<String, Integer> stock(Collection<String> skus) {
                return Map.of();
            }
        };
    }

    /** The bounds of an evaluation: codes per order, and the firings and time rules may take. */
    public record Settings(int maxCodesPerOrder, int maxFirings, Duration maxFiringTime) {
    }

    private CartEvaluation() {
    }

    /**
     * Evaluates a request already checked by the API's validator.
     *
     * @param connectionIp the caller's address, for per-IP limits when the request names no {@code context.ip}
     */
    public static Evaluation evaluate(RuleSet ruleSet, CheckoutRequest request, Instant now, String connectionIp,
                                      Lookups lookups, Settings settings, PricingEngine pricingEngine) {
        CheckoutFacts facts = CheckoutFacts.of(request, now, settings.maxCodesPerOrder(), connectionIp, lookups);
        Actions actions = new Actions();
        List<RuleProblem> problems = new ArrayList<>();
        List<String> fired = RuleFiring.fire(ruleSet.kieBase(), ruleSet.declaresActions(), facts, actions, settings.maxFirings(),
                settings.maxFiringTime(), "Rule set " + ruleSet.version(), problems);
        List<RuleOffers.Candidate> stated = RuleOffers.of(actions, facts, now, problems);
        Set<UsageKey> ruleCounters = RuleOffers.keys(stated);
        List<String> entered = facts.codes().stream().map(EnteredCode::getCode).toList();
        Map<String, PromoCode> stored = entered.isEmpty() ? Map.of() : lookups.codes(entered);
        // The rules' counters are read in the catalog's query: limits in rule files cost no query of their own.
        CatalogOffers.Result catalog = CatalogOffers.collect(ruleSet.promotions(), facts, stored,
                keys -> lookups.counters(union(keys, ruleCounters)), now);
        RuleOffers.Result rules = RuleOffers.within(stated, catalog.counters());
        List<Offer> offers = new ArrayList<>(rules.offers());
        offers.addAll(catalog.offers());
        GiftStock.Checked stock = GiftStock.check(offers, facts.pricingCart().lines(), lookups::stock);
        Experiments.Priced priced = Experiments.price(pricingEngine, facts, stock.offers(), catalog.candidates());
        PricingResult pricing = priced.pricing();
        List<RejectedCode> rejected = rejectedCodes(facts, catalog, rules, pricing);
        // After the offers are built: building them reports mistakes too (a promotion given no reward).
        return new Evaluation(pricing, rejected, ruleSet.version(), now, fired,
                plannedUses(pricing, catalog, rules), shopper(facts), withStated(problems, actions.problems()),
                catalog.excluded(), priced.holdouts(), priced.exposures(), codeAttempts(facts, stored, pricing, rejected),
                stock.warnings());
    }

    /** Each entered code that belongs to a promotion (stored, or stated by a rule), applied or with its rejection. */
    private static List<Evaluation.CodeAttempt> codeAttempts(CheckoutFacts facts, Map<String, PromoCode> stored,
                                                            PricingResult pricing, List<RejectedCode> rejected) {
        if (facts.codes().isEmpty()) return List.of();
        List<Evaluation.CodeAttempt> attempts = new ArrayList<>();
        for (EnteredCode entered : facts.codes()) {
            String code = entered.getCode();
            PromoCode known = stored.get(code);
            String promotionId = known != null ? known.promotionId() : pricing.applied().stream()
                    .filter(a -> code.equals(a.code())).map(PricingResult.Applied::promotionId).findFirst().orElse(null);
            if (promotionId == null) continue;
            RejectionReason reason = rejected.stream().filter(r -> r.code().equals(code)).map(RejectedCode::reason)
                    .findFirst().orElse(null);
            attempts.add(new Evaluation.CodeAttempt(code, promotionId, reason));
        }
        return attempts;
    }

    /** The mistakes the action API noticed ("given two rewards"), after those of rules that failed. */
    private static List<RuleProblem> withStated(List<RuleProblem> problems, List<String> stated) {
        for (String message : stated) {
            Matcher promotion = STATED_PROMOTION.matcher(message);
            problems.add(new RuleProblem(null, promotion.find() ? promotion.group(1) : null, message));
        }
        return problems;
    }

    private static final Pattern STATED_PROMOTION = Pattern.compile("^Promotion '([^']+)'");

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
                facts.context().getChannel(), facts.context().getSource(), facts.context().getCampaign(), facts.deviceId(),
                facts.addressHash());
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
                    .orElseGet(() -> Rejections.unknown(code));
            rejected.add(why);
        });
        facts.excessCodes().forEach(code -> rejected.add(Rejections.tooMany(code, facts.codes().size())));
        return rejected;
    }

    private static RejectedCode reject(String code, PricingResult.Reason reason, Offer offer) {
        return switch (reason) {
            case MIN_SUBTOTAL_NOT_MET -> Rejections.minSubtotal(code, offer.conditions().minSubtotal());
            case MIN_QUANTITY_NOT_MET -> Rejections.minQuantity(code, offer.conditions().minQuantity());
            case NO_ELIGIBLE_ITEMS -> Rejections.noEligibleItems(code);
            case BUDGET_EXHAUSTED -> Rejections.limitReached(code, RejectionReason.BUDGET_EXHAUSTED);
            case NOT_COMBINABLE, EXCLUDED_BY_EXCLUSIVE, STOPPED_BY_EARLIER -> Rejections.notCombinable(code);
        };
    }
}
