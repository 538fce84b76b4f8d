package kupon.customers;

import java.util.Locale;
import java.util.Set;

/**
 * Turns an email into the form every limit counts by: lower-cased, and for providers that ignore
 * dots and {@code +tags} (Gmail and Googlemail), without them, so {@code Ann.Lee+promo@gmail.com}
 * and {@code annlee@gmail.com} are one shopper.
 */
public final class EmailNormalizer {

    private static final Set<String> DOTS_AND_TAGS_IGNORED = Set.of("gmail.com", "googlemail.com");

    private EmailNormalizer() {
    }

    public static String normalize(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String lower = email.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        if (DOTS_AND_TAGS_IGNORED.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus >= 0) local = local.substring(0, plus);
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
