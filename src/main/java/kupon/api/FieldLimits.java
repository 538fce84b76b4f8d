package kupon.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one set of rules for text and numbers that come from callers (docs/api.md "Limits"). Every resource checks its
 * fields here, so a value PostgreSQL, an index, a URL or a JSON writer cannot take is refused with its path before
 * anything is written, and an error never repeats more than a short excerpt of what was sent.
 */
public final class FieldLimits {

    /** Ids chosen by the shop: cart, line, customer and order ids, SKUs, product ids. A btree entry must stay small. */
    public static final int ID = 128;
    /** Short labels: categories, brands, tags, segments, channels, sources, campaigns, countries, regions, methods. */
    public static final int LABEL = 100;
    /** Names people read: line names, promotion names. */
    public static final int NAME = 200;
    /** The longest address RFC 5321 lets through. */
    public static final int EMAIL = 254;
    /** Promo codes, after trimming. */
    public static final int CODE = 64;
    /** Any other string anywhere in a JSON body, and any path or query parameter. */
    public static final int ANY_TEXT = 1000;
    /** Values of one list in a cart (a line's categories or tags, a customer's segments). */
    public static final int LIST_ITEMS = 100;

    /** Numbers in any field: at most 15 digits before the point, 6 after. Money is narrower, see {@link #money}. */
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMALS = 6;
    /**
     * A unit price (and any other money on a line or on shipping) is below ten billion: 50,000 units of it, plus
     * shipping and tax, stay below the ledger's NUMERIC(20, 4) limit of 10^16, so an accepted cart always records.
     */
    public static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");
    /** Money in a promotion (values, caps, minimums, budgets): below 10^13, so a budget's running total fits the ledger. */
    public static final BigDecimal MAX_PROMOTION_AMOUNT = new BigDecimal("10000000000000");
    /** The ledger keeps four decimals. */
    public static final int LEDGER_DECIMALS = 4;

    /**
     * Besides ASCII letters and digits, what a code may hold. Left out is what a URL path, a CSV cell or an HTML page
     * would have to escape or would read differently (space, % # / ; , & ' " < > { } [ ] \\ | ^ `); '?' is kept, as codes
     * like 2?ds5!2d exist, and is sent as %3F in GET /api/v1/codes/{code}.
     */
    public static final String CODE_PUNCTUATION = "-_.!?*+=@$:~()";

    private static final int EXCERPT = 60;

    private FieldLimits() {
    }

    /** Adds an error when {@code value} (may be null) is not text a field may hold, or is longer than {@code max}. */
    public static void text(String path, String value, int max, List<FieldError> errors) {
        String problem = problem(value, max);
        if (problem != null) errors.add(new FieldError(path, problem));
    }

    /** Each value of an optional list, and the list's size. */
    public static void texts(String path, List<String> values, int maxItems, int max, List<FieldError> errors) {
        if (values == null) return;
        if (values.size() > maxItems) {
            errors.add(new FieldError(path, "has " + values.size() + " values; send at most " + maxItems));
            return;
        }
        for (int i = 0; i < values.size(); i++) text(path + "[" + i + "]", values.get(i), max, errors);
    }

    /** What is wrong with a text value, or null when it is fine (or absent). */
    public static String problem(String value, int max) {
        if (value == null) return null;
        if (value.length() > max) {
            return "is " + value.length() + " characters long; send at most " + max;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters such as NUL (found U+" + String.format("%04X", (int) c) + " at " + i + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text (a lone surrogate at " + i + "); send UTF-8 text";
            }
        }
        return null;
    }

    /** What is wrong with a code to be stored (before trimming), or null when it can be stored. */
    public static String codeProblem(String code) {
        if (code == null || code.isBlank()) return "is required";
        String trimmed = code.trim();
        if (trimmed.length() > CODE) return "must be at most " + CODE + " characters";
        boolean letterOrDigit = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            letterOrDigit |= alphanumeric;
            if (!alphanumeric && CODE_PUNCTUATION.indexOf(c) < 0) {
                return "may hold only letters A–Z, digits and " + CODE_PUNCTUATION + " (found '" + excerpt(c) + "' at " + i + ")";
            }
        }
        return letterOrDigit ? null : "needs at least one letter or digit";
    }

    /** Adds an error when a number is absurd for any field: too many digits before or after the point. */
    public static void number(String path, BigDecimal value, List<FieldError> errors) {
        String problem = numberProblem(value);
        if (problem != null) errors.add(new FieldError(path, problem));
    }

    /** What is absurd about a number for any field, or null when it is fine (or absent). */
    public static String numberProblem(BigDecimal value) {
        if (value == null || sane(value)) return null;
        return "must have at most " + MAX_INTEGER_DIGITS + " digits before the point and " + MAX_DECIMALS + " after it";
    }

    /**
     * Money: not negative, below {@code max}, with at most {@code decimals} decimals. Checked without ever expanding the
     * value, so 1e-999999999 costs what 0.01 does.
     */
    public static String moneyProblem(BigDecimal amount, BigDecimal max, int decimals, String unit) {
        if (!sane(amount)) return "must be below " + String.format("%,d", max.toBigInteger()) + " with at most " + decimals + " decimals";
        if (amount.signum() < 0) return "must be ≥ 0";
        if (amount.compareTo(max) >= 0) return "must be below " + String.format("%,d", max.toBigInteger());
        if (decimals(amount) > decimals) return excerpt(amount) + " has more decimals than " + unit + " allows (" + decimals + ")";
        return null;
    }

    /** The number of decimals a value really has (2.50 has 1). */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static boolean sane(BigDecimal value) {
        // precision - scale is the number of digits before the point, whatever the exponent: no expansion needed.
        return value.precision() - value.scale() <= MAX_INTEGER_DIGITS && decimals(value) <= MAX_DECIMALS;
    }

    /** At most a short, printable excerpt of a value sent by a caller, for error messages. */
    public static String excerpt(Object value) {
        return excerpt(value, EXCERPT);
    }

    /** At most {@code max} printable characters of a text, with an ellipsis when cut. */
    public static String excerpt(Object value, int max) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        if (text.length() > max) out.append('…');
        return out.toString();
    }
}
