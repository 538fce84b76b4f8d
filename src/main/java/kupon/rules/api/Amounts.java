package kupon.rules.api;

import java.math.BigDecimal;
import java.util.Objects;

/** Reads an amount a rule gives: a string like {@code "5.00"} or a whole number, as the author wrote it. */
final class Amounts {

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

    private Amounts() {
    }

    static BigDecimal of(Object value) {
        Objects.requireNonNull(value, "amount");
        if (value instanceof BigDecimal d) return d;
        if (value instanceof String s) {
            // Plain decimals only: "1e999999999" would be a number whose digits fill the heap when printed.
            if (!PLAIN.matcher(s.trim()).matches()) {
                throw new IllegalArgumentException("Amount \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s)
                        + "\" must be a plain decimal like \"5.00\" (digits, at most one '.', no exponent)");
            }
            return new BigDecimal(s.trim());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // A decimal literal in DRL arrives as a double; its shortest decimal form is what the author wrote.
        if (value instanceof Double || value instanceof Float) return new BigDecimal(value.toString());
        throw new IllegalArgumentException("Amount " + value + " must be a string like \"5.00\" or a number");
    }
}
