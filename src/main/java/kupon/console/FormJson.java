package kupon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import kupon.api.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted form into the JSON body the API takes, and a stored JSON document back into the form's values:
 * each {@link FormField} fills the JSON at its path. Empty inputs are left out, so the API's defaults apply.
 */
final class FormJson {

    private FormJson() {
    }

    /**
     * The JSON of a submitted form. Inputs of another group than {@code group} (another reward type) are left out;
     * lines of a tiers input that do not read "min: value" are reported.
     */
    static ObjectNode toJson(ObjectMapper json, List<FormField> fields, MultivaluedMap<String, String> form, String group,
                             List<FieldError> errors) {
        ObjectNode root = json.createObjectNode();
        for (FormField field : fields) {
            if (field.group() != null && !List.of(field.group().split(" ")).contains(group)) continue;
            List<String> values = form.getOrDefault(field.path(), List.of());
            String value = values.isEmpty() ? "" : values.get(0).strip();
            switch (field.kind()) {
                case BOOLEAN -> {
                    // An unticked box is left out (the default, false), except where the default is true: combinesWith.
                    if (values.contains("true")) at(root, field.path()).put(leaf(field.path()), true);
                    else if (field.path().startsWith("combinesWith.")) at(root, field.path()).put(leaf(field.path()), false);
                }
                case CHOICES -> {
                    if (!values.isEmpty()) {
                        ArrayNode array = at(root, field.path()).putArray(leaf(field.path()));
                        values.forEach(array::add);
                    }
                }
                case LIST -> {
                    List<String> items = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    if (!items.isEmpty()) {
                        ArrayNode array = at(root, field.path()).putArray(leaf(field.path()));
                        items.forEach(array::add);
                    }
                }
                case TIERS -> {
                    if (!value.isEmpty()) at(root, field.path()).set(leaf(field.path()), tiers(json, field.path(), value, errors));
                }
                case INTEGER -> {
                    if (!value.isEmpty()) {
                        ObjectNode parent = at(root, field.path());
                        // Sent as typed when it is no whole number, so that the API says what is wrong, at this path.
                        if (value.matches("-?\\d{1,9}")) parent.put(leaf(field.path()), Integer.parseInt(value));
                        else parent.put(leaf(field.path()), value);
                    }
                }
                default -> {
                    if (!value.isEmpty()) at(root, field.path()).put(leaf(field.path()), value);
                }
            }
        }
        return root;
    }

    /** The value of every field in a JSON document, as its input shows it. */
    static Map<String, String> values(List<FormField> fields, JsonNode document) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            JsonNode node = document;
            for (String part : field.path().split("\\.")) node = node == null ? null : node.get(part);
            if (node == null || node.isNull()) continue;
            values.put(field.path(), switch (field.kind()) {
                case LIST, CHOICES -> {
                    List<String> items = new ArrayList<>();
                    node.forEach(n -> items.add(n.asText()));
                    yield String.join(", ", items);
                }
                case TIERS -> {
                    List<String> lines = new ArrayList<>();
                    node.forEach(t -> lines.add(t.path("min").asText() + ": " + t.path("value").asText()));
                    yield String.join("\n", lines);
                }
                default -> node.asText();
            });
        }
        return values;
    }

    private static ArrayNode tiers(ObjectMapper json, String path, String text, List<FieldError> errors) {
        ArrayNode tiers = json.createArrayNode();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s*:\\s*", 2);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                errors.add(new FieldError(path, "line " + (i + 1) + " should read \"min: value\", e.g. \"100: 10\""));
                continue;
            }
            tiers.addObject().put("min", parts[0]).put("value", parts[1]);
        }
        return tiers;
    }

    private static ObjectNode at(ObjectNode root, String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The form field an API error path belongs to: the same path, or the field that path is inside of. */
    static String fieldOf(List<FormField> fields, String errorPath) {
        String path = errorPath.replaceAll("\\[\\d+]", "");
        for (FormField field : fields) if (field.path().equals(path)) return field.path();
        for (FormField field : fields) if (path.startsWith(field.path() + ".") || field.path().startsWith(path + ".")) return field.path();
        return null;
    }
}
