package kupon.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** The cart's shipping charge and its tax rate (null rate = untaxed). */
public record PricingShipping(BigDecimal price, BigDecimal taxRate) {

    public PricingShipping {
        Objects.requireNonNull(price, "shipping price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("shipping price must not be negative");
        }
        if (taxRate != null && taxRate.signum() < 0) {
            throw new IllegalArgumentException("shipping taxRate must not be negative");
        }
    }
}
