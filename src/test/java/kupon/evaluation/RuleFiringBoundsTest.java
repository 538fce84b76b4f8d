package kupon.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kupon.rules.api.Actions;
import kupon.support.UncheckedDrools;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the sandbox, every evaluation is still bounded in firings and time. A rule that re-inserts a fact
 * for ever cannot pass the sandbox, so this compiles one with Drools alone to show the bound holds.
 */
class RuleFiringBoundsTest {

    private static final String LOOP = """
            package kupon.rules.loop;
            import kupon.rules.model.*;
            global kupon.rules.api.Actions actions;

            rule "mugs: 2.00 off"
            when
                $line : Line( sku == "MUG" )
            then
                actions.promotion("mugs").amountOffEachItem("2.00").onLine($line);
            end

            rule "loop: every code makes another one"
            salience -10
            when
                $code : EnteredCode( )
            then
                insert(new EnteredCode($code.getCode() + "X"));
            end
            """;

    @Test
    void aRuleThatWouldFireForeverIsStoppedAfterTheMaximumAndTheOffersMadeSoFarStand() throws Exception {
        KieBase rules = UncheckedDrools.compile(LOOP);
        CheckoutRequest request = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "12.00"}]},
                 "codes": ["LOOP"]}""", CheckoutRequest.class);
        CheckoutFacts facts = CheckoutFacts.of(request, Instant.parse("2026-11-25T12:00:00Z"), 5, null, CartEvaluation.Lookups.NONE);
        Actions actions = new Actions();

        List<kupon.rules.RuleProblem> problems = new java.util.ArrayList<>();
        List<String> fired = RuleFiring.fire(rules, true, facts, actions, 1_000, Duration.ofSeconds(5), "looping rules", problems);

        // Drools checks the maximum after each firing, so the one that reaches it completes.
        assertThat(fired).hasSizeBetween(1_000, 1_001).contains("mugs: 2.00 off");
        assertThat(actions.offers()).extracting(o -> o.getPromotionId()).containsExactly("mugs");
        assertThat(problems).isEmpty();
    }
}
