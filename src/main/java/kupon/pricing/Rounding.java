package kupon.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * How amounts are brought to a currency's minor unit: the only place money gets rounded or changes scale (a test
 * checks no other main class names a rounding mode, divides or sets a scale). The mode of an instance is the
 * configured one ({@code kupon.pricing.rounding}); {@link #atLeast} and {@link #atMost} round in the one direction
 * that keeps a promise, and {@link #exact} changes the scale only where no digit is lost.
 */
public record Rounding(RoundingMode mode) {

    /** docs/api.md point 3: banker's rounding unless configured otherwise. */
    public static final Rounding HALF_EVEN = new Rounding(RoundingMode.HALF_EVEN);

    public Rounding {
        Objects.requireNonNull(mode, "mode");
        if (mode == RoundingMode.UNNECESSARY) {
            // UNNECESSARY would turn every fractional percentage into an exception at checkout.
            throw new IllegalArgumentException("Rounding mode UNNECESSARY cannot round money");
        }
    }

    public BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(Money.scaleOf(currency), mode);
    }

    /** {@code dividend / divisor} at {@code scale} decimals, rounded by this mode (the tax inside a tax-inclusive price). */
    public BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        return dividend.divide(divisor, scale, mode);
    }

    /**
     * Up to {@code scale} decimals, never below: what a shopper still has to add ("spend 0.01 more", "add 1 more
     * item") and a price floor, where rounding down would promise too little.
     */
    public static BigDecimal atLeast(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.CEILING);
    }

    /** Down to {@code scale} decimals, never above: what is left of a budget, where rounding up would give too much. */
    public static BigDecimal atMost(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.DOWN);
    }

    /**
     * {@code amount} written with {@code scale} decimals, without rounding: a zero or a sum of minor units brought to
     * the currency's scale. Throws {@link ArithmeticException} rather than drop a digit, so a bug cannot round here.
     */
    public static BigDecimal exact(BigDecimal amount, int scale) {
        return amount.setScale(scale);
    }
}
