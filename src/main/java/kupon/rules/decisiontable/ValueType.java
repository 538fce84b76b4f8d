package kupon.rules.decisiontable;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a data cell of a decision table may hold. Every cell is checked against its column's type
 * before the table becomes DRL, and no type admits a quote, a backslash, a semicolon, a brace or a
 * line break, so a cell can only ever be a literal inside the code its column's template fixes.
 */
public enum ValueType {

    /** A promotion id: {@code paper-volume-10}. */
    PROMOTION_ID("a promotion id (lower-case letters, digits, '-' and '_', e.g. paper-volume-10)",
            "[a-z0-9][a-z0-9_-]{0,63}"),
    /** What shoppers see: letters, digits, spaces and common punctuation. */
    TEXT("text without quotes, backslashes, semicolons or braces",
            "[\\p{L}\\p{N} %.,:!?&+\\-_()'/#@=<>]{1,120}"),
    /** A category, segment, brand, tag, SKU or channel: {@code paper}, {@code loyalty-gold}. */
    NAME("a name (letters, digits, spaces and . _ - / & +, e.g. loyalty-gold)",
            "[\\p{L}\\p{N}][\\p{L}\\p{N} ._/&+-]{0,63}"),
    /** A code as shoppers type it; entered codes are compared upper-cased. */
    CODE("a code in capitals (A-Z, 0-9, '-' and '_', e.g. SAVE10)", "[A-Z0-9][A-Z0-9_-]{0,63}"),
    COUNTRY("a two-letter country code in capitals (e.g. US)", "[A-Z]{2}"),
    CURRENCY("a three-letter currency code in capitals (e.g. USD)", "[A-Z]{3}"),
    WHOLE_NUMBER("a whole number (e.g. 10)", "0|[1-9][0-9]{0,5}"),
    INTEGER("a whole number, possibly negative (e.g. 100)", "0|-?[1-9][0-9]{0,5}"),
    /** A percentage above 0 and at most 100, with at most two decimals. */
    PERCENT("a percentage from 0.01 to 100 (e.g. 10 or 12.5)", "(0|[1-9][0-9]{0,2})(\\.[0-9]{1,2})?"),
    /** A whole percentage, for templates that write it without quotes. */
    WHOLE_PERCENT("a whole percentage from 1 to 100 (e.g. 10)", "[1-9][0-9]{0,2}"),
    AMOUNT("an amount (e.g. 5.00)", "(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?"),
    BOOLEAN("true or false", "true|false"),
    /** A switch: the column's code is used when the cell says so, and left out when it is empty. */
    FLAG("x (or yes) to switch it on; leave the cell empty for off", "(?i)x|yes|y|true");

    private static final Set<String> FLAG_OFF = Set.of("no", "n", "false", "0", "off");

    private final String description;
    private final Pattern pattern;

    ValueType(String description, String regex) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
    }

    public String description() {
        return description;
    }

    /** Why {@code value} (trimmed, non-empty) does not fit, or empty when it does. */
    public Optional<String> check(String value) {
        if (this == FLAG && FLAG_OFF.contains(value.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + value + "' would still switch this on: leave the cell empty for off, write x for on");
        }
        if (!pattern.matcher(value).matches()) {
            return Optional.of("'" + shorten(value) + "' is not " + description + unsafeHint(value));
        }
        if (this == TEXT && (value.contains("//") || value.contains("/*"))) {
            return Optional.of("'" + shorten(value) + "' must not contain // or /*");
        }
        if (this == PERCENT || this == WHOLE_PERCENT) {
            BigDecimal percent = new BigDecimal(value);
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.of("'" + value + "' is not " + description);
            }
        }
        return Optional.empty();
    }

    private static String unsafeHint(String value) {
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == ';' || c == '{' || c == '}' || c == '$' || c == '`' || c < ' ') {
                return "; quotes, backslashes, semicolons, braces, '$' and line breaks are never accepted in a cell";
            }
        }
        return "";
    }

    static String shorten(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
