package kupon.customers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * A shopper's birthday as checkout sends it, {@code 1990-04-17} or {@code 04-17}: only the month and day matter to a
 * promotion. On a year without 29 February, a birthday on that day falls on the 28th.
 */
public final class Birthday {

    private Birthday() {
    }

    /** The month and day, or empty when the text is neither form (or no such day exists). */
    public static Optional<MonthDay> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return Optional.of(MonthDay.from(LocalDate.parse(t)));
            if (t.matches("\\d{2}-\\d{2}")) return Optional.of(MonthDay.parse("--" + t));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
