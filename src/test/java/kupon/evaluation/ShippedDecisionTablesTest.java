package kupon.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.pricing.Rounding;
import kupon.rules.RuleSetCompiler;
import kupon.rules.RulesDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import kupon.promotions.PromotionCatalog;
import kupon.rules.RuleSet;
import org.kie.api.KieBase;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spreadsheets shipped in rules/tables/, compiled with everything else in rules/ and fired on carts
 * the way an evaluation does: which rules fire, and exactly what comes off.
 */
class ShippedDecisionTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static KieBase rules;

    private record Fired(List<String> rules, PricingResult result) {

        String discount(String lineId) {
            return result.lines().stream().filter(l -> l.id().equals(lineId)).findFirst().orElseThrow().discount().amount().toPlainString();
        }

        String discountTotal() {
            return result.discountTotal().amount().toPlainString();
        }

        List<String> applied() {
            return result.applied().stream().map(PricingResult.Applied::promotionId).toList();
        }
    }

    @BeforeAll
    static void compileTheShippedRules() {
        RuleSetCompiler.Outcome outcome = new RuleSetCompiler().compile(new RulesDirectory(Path.of("rules")).read());
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        rules = ((RuleSetCompiler.Outcome.Compiled) outcome).kieBase();
    }

    @Test
    void volumeTiers_theBandAQuantityFallsInSetsThePercentOffItsLine() {
        // 60 units of paper are in the 50-or-more band (10%), 12 pens in the 12-to-47 band (5%); the mug is in no table.
        Fired fired = fire("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "paper", "sku": "A4-REAM", "categories": ["paper"], "quantity": 60, "unitPrice": "2.00"},
                   {"id": "pens", "sku": "GEL-PEN", "categories": ["pens"], "quantity": 12, "unitPrice": "2.00"},
                   {"id": "mug", "sku": "MUG", "quantity": 1, "unitPrice": "12.00"}]}}""");
        assertThat(fired.rules()).containsExactlyInAnyOrder(
                "paper-volume-50: 10% off 50 or more units of paper", "pens-volume-12: 5% off 12 to 47 pens");
        assertThat(fired.discount("paper")).isEqualTo("12.00");
        assertThat(fired.discount("pens")).isEqualTo("1.20");
        assertThat(fired.discount("mug")).isEqualTo("0.00");
        assertThat(fired.discountTotal()).isEqualTo("13.20");
        assertThat(fired.applied()).containsExactly("paper-volume-50", "pens-volume-12");
        assertThat(fired.result().applied().get(0).name()).isEqualTo("Paper: 10% off 50 or more");
    }

    @Test
    void volumeTiers_bandEdgesBelongToTheirBand() {
        Fired fired = fire("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "paper-49", "sku": "A4-REAM", "categories": ["paper"], "quantity": 49, "unitPrice": "1.00"},
                   {"id": "pens-48", "sku": "GEL-PEN", "categories": ["pens"], "quantity": 48, "unitPrice": "1.00"},
                   {"id": "paper-9", "sku": "A5-PAD", "categories": ["paper"], "quantity": 9, "unitPrice": "3.00"}]}}""");
        assertThat(fired.rules()).containsExactlyInAnyOrder(
                "paper-volume-10: 5% off 10 to 49 units of paper", "pens-volume-48: 15% off 48 or more pens");
        assertThat(fired.discount("paper-49")).isEqualTo("2.45");
        assertThat(fired.discount("pens-48")).isEqualTo("7.20");
        assertThat(fired.discount("paper-9")).isEqualTo("0.00");
        assertThat(fired.discountTotal()).isEqualTo("9.65");
    }

    @Test
    void segmentGrid_goldMembersGetTheirPercentOnWhatTheVolumeTiersLeft() {
        // Volume tiers (priority 90) apply first: 12.00 and 1.20. Then gold (priority 80) on what remains:
        // 10% of 108.00 = 10.80 on the paper, 15% of 22.80 = 3.42 on the pens.
        Fired fired = fire("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "paper", "sku": "A4-REAM", "categories": ["paper"], "quantity": 60, "unitPrice": "2.00"},
                   {"id": "pens", "sku": "GEL-PEN", "categories": ["pens"], "quantity": 12, "unitPrice": "2.00"}]},
                 "customer": {"id": "c-1", "segments": ["loyalty-gold"], "orderCount": 4}}""");
        assertThat(fired.rules()).containsExactlyInAnyOrder(
                "paper-volume-50: 10% off 50 or more units of paper", "pens-volume-12: 5% off 12 to 47 pens",
                "gold-paper: 10% off paper for gold members", "gold-pens: 15% off pens for gold members");
        assertThat(fired.applied()).containsExactly("paper-volume-50", "pens-volume-12", "gold-paper", "gold-pens");
        assertThat(fired.discount("paper")).isEqualTo("22.80");
        assertThat(fired.discount("pens")).isEqualTo("4.62");
        assertThat(fired.discountTotal()).isEqualTo("27.42");
    }

    @Test
    void segmentGrid_itemsOnSaleAreLeftOutForSilverMembers() {
        Fired fired = fire("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "paper", "sku": "A5-PAD", "categories": ["paper"], "quantity": 5, "unitPrice": "2.00"},
                   {"id": "pens", "sku": "GEL-PEN", "categories": ["pens"], "quantity": 12, "unitPrice": "2.00", "onSale": true}]},
                 "customer": {"id": "c-2", "segments": ["loyalty-silver"], "orderCount": 1}}""");
        assertThat(fired.rules()).containsExactlyInAnyOrder(
                "silver-paper: 5% off paper for silver members", "pens-volume-12: 5% off 12 to 47 pens");
        assertThat(fired.discount("paper")).isEqualTo("0.50");
        assertThat(fired.discount("pens")).isEqualTo("1.20");
        assertThat(fired.discountTotal()).isEqualTo("1.70");
    }

    @Test
    void theTablesLeaveCartsWithoutPaperOrPensAlone() {
        Fired fired = fire("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "shoes", "sku": "SHOE-RED-42", "categories": ["shoes"], "quantity": 60, "unitPrice": "50.00"}]},
                 "customer": {"id": "c-3", "segments": ["loyalty-gold"], "orderCount": 2}}""");
        assertThat(fired.rules()).isEmpty();
        assertThat(fired.discountTotal()).isEqualTo("0.00");
    }

    /** Evaluates a checkout body with the shipped rules as the service does, with nothing stored. */
    private static Fired fire(String json) {
        CheckoutRequest request;
        try {
            request = JSON.readValue(json, CheckoutRequest.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        RuleSet ruleSet = new RuleSet(1, rules, List.of(), "", true, PromotionCatalog.EMPTY, "", now);
        Evaluation evaluation = CartEvaluation.evaluate(ruleSet, request, now, null, CartEvaluation.Lookups.NONE,
                new CartEvaluation.Settings(5, 1_000, java.time.Duration.ofSeconds(5)), new PricingEngine(new Rounding(RoundingMode.HALF_EVEN)));
        assertThat(evaluation.problems()).isEmpty();
        return new Fired(evaluation.firedRules(), evaluation.pricing());
    }
}
