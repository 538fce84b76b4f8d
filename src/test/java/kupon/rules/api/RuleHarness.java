package kupon.rules.api;

import kupon.pricing.Offer;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.pricing.Rounding;
import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs DRL the way an evaluation does, without the service around it: compiles the text with the real
 * {@link RuleSetCompiler}, fires it on a cart's facts with the {@code actions} global, turns the offers into
 * pricing offers and prices them with the default engine ({@code HALF_EVEN}).
 */
final class RuleHarness {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final PricingEngine ENGINE = new PricingEngine(Rounding.HALF_EVEN);

    private RuleHarness() {
    }

    /** Compiles {@code drl} (failing the test with every located error if it does not compile), fires and prices. */
    static Evaluated evaluate(String drl, CartBuilder cart) {
        RuleSetCompiler.Outcome outcome = COMPILER.compile(List.of(
                RuleSource.of("example.drl", RuleSourceKind.DRL, drl.getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome).as("compile errors: %s", outcome).isInstanceOf(RuleSetCompiler.Outcome.Compiled.class);
        RuleSetCompiler.Outcome.Compiled compiled = (RuleSetCompiler.Outcome.Compiled) outcome;
        assertThat(compiled.declaresActions()).as("the DRL declares the actions global").isTrue();

        Actions actions = new Actions();
        List<String> fired = new ArrayList<>();
        KieSession session = compiled.kieBase().newKieSession();
        try {
            session.setGlobal("actions", actions);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            cart.facts().forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        List<Offer> offers = actions.offers().stream().map(PromotionOffer::toOffer).filter(Objects::nonNull).toList();
        return new Evaluated(fired, offers, actions.problems(), ENGINE.price(cart.pricingCart(), offers));
    }

    /** What one evaluation gave, read as plain strings for exact assertions. */
    record Evaluated(List<String> firedRules, List<Offer> offers, List<String> problems, PricingResult result) {

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
