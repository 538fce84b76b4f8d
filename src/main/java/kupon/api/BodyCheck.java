package kupon.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
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
        walk("", body, 0, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }

    private static void walk(String path, Object value, int depth, List<FieldError> errors) {
        if (value == null) return;
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "is nested more than " + MAX_DEPTH + " levels deep"));
        } else if (value instanceof String text) {
            FieldLimits.text(path, text, FieldLimits.ANY_TEXT, errors);
        } else if (value instanceof BigDecimal number) {
            FieldLimits.number(path, number, errors);
        } else if (value instanceof JsonNode node) {
            json(path, node, depth, errors);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) walk(path + "[" + i + "]", list.get(i), depth + 1, errors);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                walk(path, key, depth + 1, errors);
                walk(join(path, String.valueOf(key)), item, depth + 1, errors);
            });
        } else if (value instanceof Record) {
            for (RecordComponent component : COMPONENTS.get(value.getClass())) {
                walk(join(path, component.getName()), read(component, value), depth + 1, errors);
            }
        }
    }

    private static void json(String path, JsonNode node, int depth, List<FieldError> errors) {
        if (node.isTextual()) {
            walk(path, node.textValue(), depth, errors);
        } else if (node.isNumber()) {
            walk(path, node.decimalValue(), depth, errors);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(path + "[" + i + "]", node.get(i), depth + 1, errors);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                FieldLimits.text(path, field.getKey(), FieldLimits.ANY_TEXT, errors);
                walk(join(path, field.getKey()), field.getValue(), depth + 1, errors);
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

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + FieldLimits.excerpt(name);
    }
}
