package kupon.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** How amounts are brought to a currency's minor unit; the only place money gets rounded. */
public record Rounding(RoundingMode mode) {

    /** API.md point 3: banker's rounding unless configured otherwise. */
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
}
