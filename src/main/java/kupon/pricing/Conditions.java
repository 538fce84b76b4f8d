package kupon.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the cart, as discounted by the offers before this one, must reach for an offer to apply.
 * Minimums are inclusive; null means no such condition.
 */
public record Conditions(BigDecimal minSubtotal, Integer minQuantity, ItemRequirement requiresItems) {

    public static final Conditions NONE = new Conditions(null, null, null);

    /** At least {@code minQuantity} units of lines matching {@code selector} must be in the cart. */
    public record ItemRequirement(LineSelector selector, int minQuantity) {
        public ItemRequirement {
            selector = selector == null ? LineSelector.ALL : selector;
        }
    }

    public static Conditions minSubtotal(BigDecimal minSubtotal) {
        return new Conditions(Objects.requireNonNull(minSubtotal), null, null);
    }

    public static Conditions minQuantity(int minQuantity) {
        return new Conditions(null, minQuantity, null);
    }
}
