package kupon.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every string and number of a parsed body against {@link FieldLimits}, wherever it sits (records, lists, maps,
 * free JSON). Field validators set the tighter limits of the fields they know; this makes sure a field added later,
 * or one nested deep in a promotion, cannot carry a NUL to PostgreSQL or 1e-999999999 to a JSON writer either.
 */
public final class BodyCheck {

    private static final int MAX_DEPTH = 32;
    private static final Instant FIRST_DAY = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_DAY = Instant.parse("+10000-01-01T00:00:00Z");
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private BodyCheck() {
    }

    /** @throws InvalidRequestException naming every string or number no field may hold */
    public static void check(Object body) {
        List<FieldError> errors = new ArrayList<>();
        walk(Where.ROOT, body, 0, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }

    /**
     * Where a value sits in the body. Checkout sends every body through here, so the path is only spelled out
     * ({@code cart.lines[3].sku}) for a value that is refused.
     */
    private record Where(Where parent, String name, int index) {
        static final Where ROOT = new Where(null, null, -1);

        Where field(String field) {
            return new Where(this, field, -1);
        }

        Where item(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) return "";
            String above = parent.toString();
            if (name == null) return above + "[" + index + "]";
            return above.isEmpty() ? FieldLimits.excerpt(name) : above + "." + FieldLimits.excerpt(name);
        }
    }

    private static void walk(Where where, Object value, int depth, List<FieldError> errors) {
        if (value == null) return;
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(where.toString(), "is nested more than " + MAX_DEPTH + " levels deep"));
        } else if (value instanceof String text) {
            text(where, text, errors);
        } else if (value instanceof BigDecimal number) {
            String problem = FieldLimits.numberProblem(number);
            if (problem != null) errors.add(new FieldError(where.toString(), problem));
        } else if (value instanceof JsonNode node) {
            json(where, node, depth, errors);
        } else if (value instanceof Instant || value instanceof TemporalAccessor moment && moment.isSupported(ChronoField.YEAR)) {
            // PostgreSQL keeps timestamps from 4713 BC to 294276 AD; no date Kupon stores needs more than four digits.
            boolean inRange = value instanceof Instant instant
                    ? !instant.isBefore(FIRST_DAY) && instant.isBefore(AFTER_LAST_DAY)
                    : ((TemporalAccessor) value).get(ChronoField.YEAR) >= 1 && ((TemporalAccessor) value).get(ChronoField.YEAR) <= 9999;
            if (!inRange) errors.add(new FieldError(where.toString(), "must be a date in the years 1 to 9999"));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) walk(where.item(i), list.get(i), depth + 1, errors);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                walk(where, key, depth + 1, errors);
                walk(where.field(String.valueOf(key)), item, depth + 1, errors);
            });
        } else if (value instanceof Record) {
            for (RecordComponent component : COMPONENTS.get(value.getClass())) {
                walk(where.field(component.getName()), read(component, value), depth + 1, errors);
            }
        }
    }

    private static void text(Where where, String text, List<FieldError> errors) {
        String problem = FieldLimits.problem(text, FieldLimits.ANY_TEXT);
        if (problem != null) errors.add(new FieldError(where.toString(), problem));
    }

    private static void json(Where where, JsonNode node, int depth, List<FieldError> errors) {
        if (node.isTextual()) {
            walk(where, node.textValue(), depth, errors);
        } else if (node.isNumber()) {
            walk(where, node.decimalValue(), depth, errors);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(where.item(i), node.get(i), depth + 1, errors);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                text(where, field.getKey(), errors);
                walk(where.field(field.getKey()), field.getValue(), depth + 1, errors);
            });
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a request body", e);
        }
    }
}
