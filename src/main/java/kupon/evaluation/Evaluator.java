package kupon.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.codes.CodeLookup;
import kupon.codes.CodesConfig;
import kupon.codes.PromoCode;
import kupon.codes.RejectedCode;
import kupon.codes.Rejections;
import kupon.customers.CustomerHistory;
import kupon.customers.Spending;
import kupon.inventory.Inventory;
import kupon.fraud.Block;
import kupon.fraud.FraudBlocks;
import kupon.fraud.FraudConfig;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLedger;
import kupon.pricing.PricingEngine;
import kupon.pricing.Rounding;
import kupon.rules.ActiveRuleSet;
import kupon.rules.RuleSet;
import kupon.rules.RulesConfig;
import kupon.rules.RuntimeProblems;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what would this cart get?" with the active rule set (or a given one) and what the database holds: codes,
 * usage counters, order history. The evaluation itself is {@link CartEvaluation}. Read-only: nothing is consumed or
 * stored.
 */
@ApplicationScoped
public class Evaluator {


    private final ActiveRuleSet ruleSets;
    private final CartEvaluation.Settings settings;
    private final PricingEngine pricingEngine;
    private final CodeLookup codeLookup;
    private final UsageLedger usageLedger;
    private final CustomerHistory history;
    private final Inventory inventory;
    private final Timer timer;
    private final RuntimeProblems runtimeProblems;
    private final FraudBlocks blocks;
    private final boolean uniformMessages;

    public Evaluator(ActiveRuleSet ruleSets, RulesConfig rulesConfig, CodesConfig codesConfig, PricingConfig pricingConfig,
                     CodeLookup codeLookup, UsageLedger usageLedger, CustomerHistory history, MeterRegistry meters,
                     RuntimeProblems runtimeProblems, FraudBlocks blocks, FraudConfig fraudConfig, Inventory inventory) {
        this.runtimeProblems = runtimeProblems;
        this.inventory = inventory;
        this.blocks = blocks;
        this.uniformMessages = fraudConfig.uniformMessages();
        this.ruleSets = ruleSets;
        this.codeLookup = codeLookup;
        this.usageLedger = usageLedger;
        this.history = history;
        this.settings = new CartEvaluation.Settings(codesConfig.maxPerOrder(), rulesConfig.maxFirings(), rulesConfig.maxFiringTime());
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
            CartEvaluation.Lookups lookups = new CartEvaluation.Lookups() {
                @Override
                public Map<String, PromoCode> codes(Collection<String> entered) {
                    return freshCodes ? codeLookup.findFresh(entered) : codeLookup.find(entered);
                }

                @Override
                public Map<UsageKey, Usage> counters(Collection<UsageKey> keys) {
                    return usageLedger.read(keys);
                }

                @Override
                public Spending spending(String customerId, String normalizedEmail, String currency) {
                    return history.spending(customerId, normalizedEmail, currency);
                }

                @Override
                public Map<String, Integer> stock(Collection<String> skus) {
                    return inventory.available(skus);
                }
            };
            // A blocked requester's codes are refused before anything is looked up: rules never see them either.
            Optional<Block> block = request.hasCodes() ? blocks.blocking(request.requester(connectionIp), now) : Optional.empty();
            Evaluation evaluation = CartEvaluation.evaluate(ruleSet, block.isPresent() ? request.withoutCodes() : request, now,
                    connectionIp, lookups, settings, pricingEngine);
            if (block.isPresent()) {
                evaluation = evaluation.withRejectedCodes(request.codes().stream().filter(c -> c != null && !c.isBlank())
                        .map(c -> Rejections.blocked(PromoCode.normalize(c))).distinct().toList());
            }
            if (uniformMessages && !evaluation.rejectedCodes().isEmpty()) {
                evaluation = evaluation.withRejectedCodes(evaluation.rejectedCodes().stream()
                        .map(r -> new RejectedCode(r.code(), r.reason(), Rejections.CANNOT_BE_USED)).toList());
            }
            // Drafts and older versions tried in a simulation are built as version 0: their problems are the simulation's.
            if (ruleSet.version() != 0) runtimeProblems.record(ruleSet.version(), evaluation.problems(), now);
            return evaluation;
        } finally {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
