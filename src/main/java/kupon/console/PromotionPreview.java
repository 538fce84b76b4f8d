package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.api.CheckoutRequestValidator;
import kupon.api.ErrorMappers;
import kupon.api.FieldError;
import kupon.api.InvalidRequestException;
import kupon.api.PromotionValidator;
import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.EvaluationResponse;
import kupon.evaluation.Evaluator;
import kupon.evaluation.Explanation;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionCatalog;
import kupon.promotions.PromotionStatus;
import kupon.rules.ActiveRuleSet;
import kupon.rules.RuleSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries a promotion as a form holds it, saved or not, on a sample cart: the live rule set with this promotion in it
 * (as if active), evaluated with explain. Nothing is written; limits and codes are read as checkout would read them.
 */
@ApplicationScoped
public class PromotionPreview {

    /** What the preview shows: the form's or the cart's problems, or the answer and what it says of this promotion. */
    public record Preview(List<String> errors, EvaluationResponse result, Explanation outcome) {
        public boolean applied() {
            return outcome != null && Explanation.APPLIED.equals(outcome.outcome());
        }
    }

    private final ActiveRuleSet ruleSets;
    private final Evaluator evaluator;
    private final ObjectMapper json;

    public PromotionPreview(ActiveRuleSet ruleSets, Evaluator evaluator, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.evaluator = evaluator;
        this.json = json;
    }

    Preview of(Promotion promotion, String cartJson, List<FieldError> formErrors) {
        List<FieldError> errors = new ArrayList<>(formErrors);
        if (errors.isEmpty()) {
            try {
                PromotionValidator.validate(promotion);
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        CheckoutRequest cart = null;
        try {
            cart = json.readValue(cartJson == null || cartJson.isBlank() ? PromotionFormView.SAMPLE_CART : cartJson, CheckoutRequest.class);
            CheckoutRequestValidator.validate(cart);
        } catch (JsonMappingException e) {
            FieldError at = ErrorMappers.fieldError(e);
            errors.add(new FieldError("sample cart " + at.path(), at.message()));
        } catch (JsonProcessingException e) {
            errors.add(new FieldError("sample cart", "is not JSON: " + e.getOriginalMessage()));
        } catch (InvalidRequestException e) {
            e.errors().forEach(err -> errors.add(new FieldError("sample cart " + err.path(), err.message())));
        }
        if (!errors.isEmpty()) {
            return new Preview(errors.stream().map(e -> (e.path().isEmpty() ? "" : e.path() + ": ") + e.message()).toList(), null, null);
        }
        RuleSet active = ruleSets.current().orElse(null);
        if (active == null) return new Preview(List.of("No rule set is serving yet; try again in a few seconds."), null, null);
        Promotion p = promotion.withDefaults();
        Promotion live = new Promotion(p.id(), p.name(), PromotionStatus.ACTIVE, p.trigger(), p.priority(), p.exclusive(), p.stopFurther(),
                p.combinesWith(), p.conditions(), p.reward(), p.schedule(), p.limits(), p.campaign(), p.holdout());
        List<Promotion> catalog = new ArrayList<>(active.promotions().all().stream().filter(o -> !o.id().equals(p.id())).toList());
        catalog.add(live);
        RuleSet withDraft = new RuleSet(active.version(), active.kieBase(), active.sources(), active.sourcesHash(),
                active.declaresActions(), new PromotionCatalog(catalog), active.promotionsHash() + "+preview", active.compiledAt());
        EvaluationResponse result = EvaluationResponse.of(evaluator.evaluate(withDraft, cart, Instant.now(), "127.0.0.1"), true);
        Explanation outcome = result.explain() == null ? null
                : result.explain().stream().filter(e -> e.promotionId().equals(p.id())).findFirst().orElse(null);
        return new Preview(List.of(), result, outcome);
    }
}
