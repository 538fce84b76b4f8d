package kupon.pricing;

import java.math.BigDecimal;

/** Builds offers for tests: automatic, priority 0, combinable with everything, no conditions or caps. */
final class OfferBuilder {

    private final String promotionId;
    private final Reward reward;
    private String name;
    private String code;
    private int priority;
    private boolean exclusive;
    private boolean stopFurther;
    private Offer.Combination combinesWith = Offer.Combination.ALL;
    private BigDecimal minSubtotal;
    private Integer minQuantity;
    private Conditions.ItemRequirement requiresItems;
    private BigDecimal maxAmount;
    private BigDecimal remainingBudget;

    private OfferBuilder(String promotionId, Reward reward) {
        this.promotionId = promotionId;
        this.reward = reward;
        this.name = promotionId;
    }

    static OfferBuilder offer(String promotionId, Reward reward) {
        return new OfferBuilder(promotionId, reward);
    }

    OfferBuilder name(String value) {
        name = value;
        return this;
    }

    OfferBuilder code(String value) {
        code = value;
        return this;
    }

    OfferBuilder priority(int value) {
        priority = value;
        return this;
    }

    OfferBuilder exclusive() {
        exclusive = true;
        return this;
    }

    OfferBuilder stopFurther() {
        stopFurther = true;
        return this;
    }

    OfferBuilder combinesWith(boolean items, boolean order, boolean shipping) {
        combinesWith = new Offer.Combination(items, order, shipping);
        return this;
    }

    OfferBuilder minSubtotal(String value) {
        minSubtotal = new BigDecimal(value);
        return this;
    }

    OfferBuilder minQuantity(int value) {
        minQuantity = value;
        return this;
    }

    OfferBuilder requiresItems(LineSelector selector, int quantity) {
        requiresItems = new Conditions.ItemRequirement(selector, quantity);
        return this;
    }

    OfferBuilder maxAmount(String value) {
        maxAmount = new BigDecimal(value);
        return this;
    }

    OfferBuilder remainingBudget(String value) {
        remainingBudget = new BigDecimal(value);
        return this;
    }

    Offer build() {
        return new Offer(promotionId, name, code, priority, exclusive, stopFurther, combinesWith,
                new Conditions(minSubtotal, minQuantity, requiresItems), reward, maxAmount, remainingBudget);
    }
}
