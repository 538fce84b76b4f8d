package kupon.rules;

/**
 * A mistake in the rule files that showed only when rules fired on a cart: a rule whose consequence threw (the rule is
 * named), or an offer that could not be built (its promotion is named). Checkout goes on without what failed.
 */
public record RuleProblem(String rule, String promotionId, String message) {
}
