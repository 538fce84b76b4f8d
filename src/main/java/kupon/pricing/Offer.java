package kupon.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One promotion proposed for this cart, by a rule or a stored promotion. {@code code} is set when the promotion
 * applies because that code was entered; {@code maxAmount} caps it per order and {@code remainingBudget}
 * (null = unlimited) caps it by what is left of its lifetime budget.
 */
public record Offer(
        String promotionId,
        String name,
        String code,
        int priority,
        boolean exclusive,
        boolean stopFurther,
        Combination combinesWith,
        Conditions conditions,
        Reward reward,
        BigDecimal maxAmount,
        BigDecimal remainingBudget) {

    /** Which classes of promotion this one may be combined with. */
    public record Combination(boolean items, boolean order, boolean shipping) {
        public static final Combination ALL = new Combination(true, true, true);
        public static final Combination NONE = new Combination(false, false, false);

        public boolean allows(Target target) {
            return switch (target) {
                case ITEMS -> items;
                case ORDER -> order;
                case SHIPPING -> shipping;
            };
        }
    }

    public Offer {
        Objects.requireNonNull(promotionId, "promotionId");
        Objects.requireNonNull(reward, "reward of " + promotionId);
        name = name == null ? promotionId : name;
        combinesWith = combinesWith == null ? Combination.ALL : combinesWith;
        conditions = conditions == null ? Conditions.NONE : conditions;
        if (maxAmount != null && maxAmount.signum() < 0) {
            throw new IllegalArgumentException("maxAmount of " + promotionId + " must not be negative");
        }
    }

    /** An automatic, non-exclusive offer with no conditions or caps. */
    public static Offer of(String promotionId, int priority, Reward reward) {
        return new Offer(promotionId, promotionId, null, priority, false, false, Combination.ALL, Conditions.NONE,
                reward, null, null);
    }

    /** The same offer, capped by {@code remaining} of its lifetime budget (null = unlimited). */
    /** The same offer with another reward (a gift cut to the stock there is). */
    public Offer withReward(Reward other) {
        return new Offer(promotionId, name, code, priority, exclusive, stopFurther, combinesWith, conditions, other,
                maxAmount, remainingBudget);
    }

    public Offer withRemainingBudget(BigDecimal remaining) {
        return new Offer(promotionId, name, code, priority, exclusive, stopFurther, combinesWith, conditions, reward,
                maxAmount, remaining);
    }

    /** The class other promotions' {@code combinesWith} is checked against. */
    public Target rewardClass() {
        return reward.target();
    }

    /**
     * Both must allow the other's class (docs/api.md, point 2). Where they do not, the later one skips the units the
     * earlier one discounted.
     */
    public boolean canCombineWith(Offer other) {
        return combine(rewardClass(), combinesWith, other.rewardClass(), other.combinesWith);
    }

    /** Whether an offer of class {@code a} that allows {@code aAllows} and one of class {@code b} combine. */
    static boolean combine(Target a, Combination aAllows, Target b, Combination bAllows) {
        return aAllows.allows(b) && bAllows.allows(a);
    }
}
