package kupon.console;

import java.util.List;

/**
 * One input of a console form, named by the JSON path it fills ({@code reward.value}), so that the API's 422 errors,
 * which name paths, land at their inputs. {@code group} hides inputs that do not apply (e.g. to the reward type chosen).
 */
public record FormField(String path, String label, Kind kind, List<String> options, String hint, String group) {

    /** How a value is typed in and what JSON it becomes. */
    public enum Kind {
        /** A string. */
        TEXT,
        /** A whole number; anything else is sent as typed, for the API to refuse at this path. */
        INTEGER,
        /** A decimal, sent as a string so that no digit is lost. */
        DECIMAL,
        /** A checkbox. */
        BOOLEAN,
        /** Comma-separated values, sent as an array of strings. */
        LIST,
        /** One of {@code options}. */
        CHOICE,
        /** Any of {@code options}, as an array. */
        CHOICES,
        /** One "min: value" per line: tiers. */
        TIERS,
        /** A date-time with its offset. */
        DATETIME
    }

    static FormField text(String path, String label, String hint) {
        return new FormField(path, label, Kind.TEXT, List.of(), hint, null);
    }

    static FormField of(Kind kind, String path, String label, String hint) {
        return new FormField(path, label, kind, List.of(), hint, null);
    }

    static FormField choice(String path, String label, List<String> options, String hint) {
        return new FormField(path, label, Kind.CHOICE, options, hint, null);
    }

    FormField in(String group) {
        return new FormField(path, label, kind, options, hint, group);
    }

    /** The HTML id of the input. */
    public String id() {
        return "f-" + path.replace('.', '-');
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isChoice() {
        return kind == Kind.CHOICE;
    }

    public boolean isChoices() {
        return kind == Kind.CHOICES;
    }

    public boolean isTiers() {
        return kind == Kind.TIERS;
    }

    public String inputMode() {
        return switch (kind) {
            case INTEGER -> "numeric";
            case DECIMAL -> "decimal";
            default -> "text";
        };
    }
}
