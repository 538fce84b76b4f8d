package kupon.console;

import jakarta.ws.rs.core.MultivaluedMap;
import kupon.api.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat console form (codes, batches, blocks) as a page shows it: each input with what was typed and the API's error
 * for it; errors at paths the form has no input for are listed above it.
 */
public record PlainForm(String id, List<Input> inputs, List<String> errors) {

    /** Whether anything was refused, at an input or above the form: the page then starts with a summary. */
    public boolean hasErrors() {
        return !errors.isEmpty() || inputs.stream().anyMatch(i -> i.error() != null);
    }

    /** The inputs that were refused, for the summary's links to them. */
    public List<Input> invalid() {
        return inputs.stream().filter(i -> i.error() != null).toList();
    }

    /** What an input is: its JSON field name, its label, a hint, and the choices of a select (none for a text input). */
    record Spec(String name, String label, String hint, List<String> options) {
        static Spec text(String name, String label, String hint) {
            return new Spec(name, label, hint, List.of());
        }
    }

    /** An input with what it holds now; {@code id} is the form's id and the field name, for labels and browser tests. */
    public record Input(String id, String name, String label, String value, String error, String hint, List<String> options) {
        public boolean isChoice() {
            return !options.isEmpty();
        }

        /** The ids of the hint and the error, for {@code aria-describedby}; empty when there is neither. */
        public String describedBy() {
            String hintId = hint == null ? "" : id + "-hint";
            String errorId = error == null ? "" : id + "-error";
            return (hintId + " " + errorId).strip();
        }
    }

    static PlainForm of(String id, List<Spec> specs, Map<String, String> values, List<FieldError> errors) {
        Map<String, String> byName = new HashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldError e : errors) {
            boolean known = specs.stream().anyMatch(s -> s.name().equals(e.path()));
            if (known) byName.merge(e.path(), e.message(), (a, b) -> a + "; " + b);
            else general.add((e.path().isEmpty() ? "" : e.path() + ": ") + e.message());
        }
        List<Input> inputs = specs.stream().map(s -> new Input(id + "-" + s.name(), s.name(), s.label(),
                values.getOrDefault(s.name(), ""), byName.get(s.name()), s.hint(), s.options())).toList();
        return new PlainForm(id, inputs, general);
    }

    /** The submitted values, as the inputs show them again. */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> {
            if (!name.equals("_csrf") && list != null && !list.isEmpty() && list.get(0) != null) values.put(name, list.get(0));
        });
        return values;
    }

    /**
     * Reads typed values out of a submitted form. A blank input is absent (null), as if the JSON left the field out;
     * a value of the wrong type is an error at its field, so that it lands where a JSON client would see it too.
     */
    static final class Reader {
        private final MultivaluedMap<String, String> form;
        final List<FieldError> errors = new ArrayList<>();

        Reader(MultivaluedMap<String, String> form) {
            this.form = form;
        }

        String text(String name) {
            String value = form.getFirst(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        Integer whole(String name) {
            String value = text(name);
            if (value == null) return null;
            // Nine digits at most: anything longer could overflow an int, and no count or limit needs it.
            if (value.matches("-?\\d{1,9}")) return Integer.parseInt(value);
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }

        OffsetDateTime dateTime(String name) {
            String value = text(name);
            if (value == null) return null;
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(name, "must be a date-time with offset like 2026-11-27T00:00:00-05:00"));
                return null;
            }
        }

        Instant instant(String name) {
            OffsetDateTime time = dateTime(name);
            return time == null ? null : time.toInstant();
        }
    }
}
