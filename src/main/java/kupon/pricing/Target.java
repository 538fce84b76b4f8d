package kupon.pricing;

/** What a reward discounts, and the class used by {@code combinesWith}. */
public enum Target {
    ITEMS, ORDER, SHIPPING
}
