package kupon.rules.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The only thing a rule's consequence talks to: {@code actions.promotion("summer-10")} returns the
 * offer of that promotion for this evaluation, on which the rule states the reward. Rules never
 * compute money; the pricing core applies every offer, in stacking order, after the rules have fired.
 *
 * <p>Declare it in every DRL file as {@code global kupon.rules.api.Actions actions;}.
 */
public final class Actions {

    private static final Pattern PROMOTION_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Map<String, PromotionOffer> offers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * The offer of promotion {@code id} in this evaluation. Several rules (or one rule firing once per
     * matching line) naming the same id build one offer, so an amount "off the order" is given once.
     */
    public PromotionOffer promotion(String id) {
        if (id == null || !PROMOTION_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Promotion id '" + id + "' is not a slug [a-z0-9][a-z0-9_-]{0,63}");
        }
        return offers.computeIfAbsent(id, key -> new PromotionOffer(key, problems::add));
    }

    /** The offers stated so far, in the order their promotions were first named. */
    public List<PromotionOffer> offers() {
        return List.copyOf(offers.values());
    }

    /** Authoring mistakes noticed while rules fired (e.g. one promotion given two different rewards). */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
