package kupon.rules.api;

import java.math.BigDecimal;
import java.util.Objects;

/** Reads an amount a rule gives: a string like {@code "5.00"} or a whole number, as the author wrote it. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal of(Object value) {
        Objects.requireNonNull(value, "amount");
        if (value instanceof BigDecimal d) return d;
        if (value instanceof String s) return new BigDecimal(s.trim());
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // A decimal literal in DRL arrives as a double; its shortest decimal form is what the author wrote.
        if (value instanceof Double || value instanceof Float) return new BigDecimal(value.toString());
        throw new IllegalArgumentException("Amount " + value + " must be a string like \"5.00\" or a number");
    }
}
