package kupon.evaluation;

import kupon.codes.RejectionReason;
import kupon.pricing.PricingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code POST /api/v1/evaluate?explain=true}: a promotion that concerned the cart, and whether it applied
 * ({@code APPLIED}) or the reason it did not, in the vocabulary of code rejections, with a sentence for people.
 * Concerned the cart: an automatic promotion filed under one of the cart's items (or under none, so every cart), a
 * promotion whose code was entered, or a promotion a rule file stated when its rules fired.
 */
public record Explanation(String promotionId, String outcome, String detail) {

    public static final String APPLIED = "APPLIED";

    static Explanation excluded(String promotionId, RejectionReason reason, String detail) {
        return new Explanation(promotionId, reason.name(), detail);
    }

    /** Applied first, then those priced without effect, then those left out before pricing; each promotion once. */
    static List<Explanation> of(Evaluation evaluation, String currency) {
        Map<String, Explanation> byPromotion = new LinkedHashMap<>();
        PricingResult pricing = evaluation.pricing();
        for (PricingResult.Applied applied : pricing.applied()) {
            byPromotion.merge(applied.promotionId(), new Explanation(applied.promotionId(), APPLIED, "Took "
                    + applied.amount().amount().toPlainString() + " " + currency + " off the " + applied.target().name().toLowerCase()
                    + (applied.code() != null ? ", with the code " + applied.code() : "") + "."), (a, b) -> a);
        }
        for (PricingResult.NotApplied skipped : pricing.notApplied()) {
            String id = skipped.offer().promotionId();
            String hint = pricing.hints().stream().filter(h -> h.promotionId().equals(id)).map(PricingResult.Hint::message)
                    .findFirst().orElse(null);
            byPromotion.putIfAbsent(id, new Explanation(id, outcome(skipped.reason()), detail(skipped.reason(), hint)));
        }
        evaluation.exclusions().forEach(e -> byPromotion.putIfAbsent(e.promotionId(), e));
        return new ArrayList<>(byPromotion.values());
    }

    private static String outcome(PricingResult.Reason reason) {
        return switch (reason) {
            case EXCLUDED_BY_EXCLUSIVE, STOPPED_BY_EARLIER -> RejectionReason.NOT_COMBINABLE.name();
            default -> reason.name();
        };
    }

    private static String detail(PricingResult.Reason reason, String hint) {
        return switch (reason) {
            case MIN_SUBTOTAL_NOT_MET -> hint != null ? hint : "The cart, as discounted by the promotions before it, is below its minimum subtotal.";
            case MIN_QUANTITY_NOT_MET -> hint != null ? hint : "The cart has fewer units than its minimum quantity.";
            case NO_ELIGIBLE_ITEMS -> "No unit of the cart is one it discounts (its items, exclusions and floors leave nothing).";
            case NOT_COMBINABLE -> "Everything it would discount was discounted by an earlier promotion it does not combine with.";
            case EXCLUDED_BY_EXCLUSIVE -> "An exclusive promotion applied, so no other does.";
            case STOPPED_BY_EARLIER -> "An earlier promotion applied with stopFurther, so the ones after it do not.";
            case BUDGET_EXHAUSTED -> "Its budget is spent.";
        };
    }
}
