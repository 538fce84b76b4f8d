package kupon.rules.api;

import kupon.pricing.LineSelector;
import kupon.pricing.Reward;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one reward rules state for a promotion, made for the items chosen once all rules have fired. A second,
 * different reward is reported and the first kept.
 */
final class StatedReward {

    private final String promotionId;
    private final Consumer<String> problems;
    private Function<LineSelector, Reward> factory;
    private String description;
    private boolean usesItems;

    StatedReward(String promotionId, Consumer<String> problems) {
        this.promotionId = promotionId;
        this.problems = problems;
    }

    /** {@code usesItems}: whether the reward discounts the chosen items (buy-x-get-y and shipping say their own). */
    void state(String description, boolean usesItems, Function<LineSelector, Reward> factory) {
        factory.apply(LineSelector.ALL); // an invalid value fails here, in the rule that gave it
        if (this.factory == null) {
            this.factory = factory;
            this.description = description;
            this.usesItems = usesItems;
        } else if (!this.description.equals(description)) {
            problems.accept("Promotion '" + promotionId + "' was given two rewards, " + this.description + " and "
                    + description + "; the first is kept. Give each reward its own promotion id.");
        }
    }

    boolean isStated() {
        return factory != null;
    }

    boolean usesItems() {
        return usesItems;
    }

    String description() {
        return description;
    }

    Reward on(LineSelector items) {
        return factory.apply(items);
    }
}
