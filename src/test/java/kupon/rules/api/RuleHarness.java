package kupon.rules.api;

import kupon.support.CartBuilder;
import kupon.evaluation.CartEvaluation;
import kupon.evaluation.Evaluation;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.pricing.Rounding;
import kupon.promotions.PromotionCatalog;
import kupon.rules.RuleProblem;
import kupon.rules.RuleSet;
import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs DRL the way the service does, without the database: compiles the text with the real
 * {@link RuleSetCompiler} and evaluates the cart with {@link CartEvaluation}, the evaluation checkout runs, with
 * nothing stored (no codes, no usage, no earlier orders) and the default rounding ({@code HALF_EVEN}).
 */
final class RuleHarness {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final PricingEngine ENGINE = new PricingEngine(Rounding.HALF_EVEN);
    private static final CartEvaluation.Settings SETTINGS = new CartEvaluation.Settings(5, 10_000, Duration.ofSeconds(2));

    private RuleHarness() {
    }

    /** Compiles {@code drl} (failing the test with every located error if it does not compile), then evaluates. */
    static Evaluated evaluate(String drl, CartBuilder cart) {
        return evaluate(drl, cart, CartEvaluation.Lookups.NONE);
    }

    /** The same, with {@code stored} answering what the database would (a customer's recorded spending, stock). */
    static Evaluated evaluate(String drl, CartBuilder cart, CartEvaluation.Lookups stored) {
        RuleSetCompiler.Outcome outcome = COMPILER.compile(List.of(
                RuleSource.of("example.drl", RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome).as("compile errors: %s", outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        RuleSetCompiler.Outcome.Compiled compiled = (RuleSetCompiler.Outcome.Compiled) outcome;
        assertThat(compiled.declaresActions()).as("the DRL declares the actions global").isTrue();
        RuleSet ruleSet = new RuleSet(1, compiled.kieBase(), List.of(), "", true, PromotionCatalog.EMPTY, "", CartBuilder.NOW);
        Evaluation evaluation = CartEvaluation.evaluate(ruleSet, cart.request(), CartBuilder.NOW, null,
                stored, SETTINGS, ENGINE);
        return new Evaluated(evaluation.firedRules(), evaluation.problems().stream().map(RuleProblem::message).toList(),
                evaluation.pricing());
    }

    /** What one evaluation gave, read as plain strings for exact assertions. */
    record Evaluated(List<String> firedRules, List<String> problems, PricingResult result) {

        /** Distinct fired rule names, sorted: a rule firing once per line is listed once. */
        List<String> rulesFired() {
            return firedRules.stream().distinct().sorted().toList();
        }

        String discountTotal() {
            return result.discountTotal().amount().toPlainString();
        }

        String shippingDiscount() {
            return result.shippingDiscount().amount().toPlainString();
        }

        String total() {
            return result.total().amount().toPlainString();
        }

        String lineDiscount(String id) {
            return result.lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow()
                    .discount().amount().toPlainString();
        }

        /** Line discounts in cart order, e.g. ["6.67", "6.67", "6.66"]. */
        List<String> lineDiscounts() {
            return result.lines().stream().map(l -> l.discount().amount().toPlainString()).toList();
        }

        /** "promotionId=amount" for each applied promotion, in application order. */
        List<String> applied() {
            return result.applied().stream().map(a -> a.promotionId() + "=" + a.amount().amount().toPlainString()).toList();
        }

        /** "promotionId:REASON" for each offer that did not apply. */
        List<String> notApplied() {
            return result.notApplied().stream().map(n -> n.offer().promotionId() + ":" + n.reason()).toList();
        }

        /** "promotionId:sku×quantity" for each gift. */
        List<String> gifts() {
            return result.gifts().stream().map(g -> g.promotionId() + ":" + g.sku() + "×" + g.quantity()).toList();
        }

        List<String> hints() {
            return result.hints().stream().map(PricingResult.Hint::message).toList();
        }
    }
}
