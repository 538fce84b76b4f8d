package kupon.console;

import kupon.api.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The promotion form as a page shows it: each input with its value and the API's error for it, if any. */
public record PromotionFormView(String action, boolean editing, String id, String rewardType, List<SectionView> sections,
                                List<String> errors, int fieldErrors, String sampleCart) {

    /** One choice of a select or a set of boxes. */
    public record Option(String value, boolean selected) {
    }

    /** An input with what it holds now. */
    public record FieldView(FormField field, String value, String error, List<Option> options) {
        public boolean checked() {
            return "true".equals(value);
        }
    }

    public record SectionView(String title, String help, List<FieldView> fields) {
    }

    static final String SAMPLE_CART = """
            {"cart": {"currency": "USD",
              "lines": [{"id": "l1", "sku": "MUG-1", "categories": ["kitchen"], "quantity": 2, "unitPrice": "12.50"},
                        {"id": "l2", "sku": "SHOE-9", "categories": ["shoes"], "brand": "acme", "quantity": 1, "unitPrice": "80.00"}],
              "shipping": {"method": "standard", "price": "4.99", "country": "US"}},
             "customer": {"id": "preview-shopper", "email": "preview@example.com"},
             "codes": [], "context": {"channel": "web"}}""";

    /** The form filled with {@code values}; errors at a known input go there, the others above the form. */
    static PromotionFormView of(String action, boolean editing, String id, Map<String, String> values, List<FieldError> errors,
                                String sampleCart) {
        List<FormField> all = fields();
        Map<String, String> byField = new HashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldError e : errors) {
            String field = FormJson.fieldOf(all, e.path());
            if (field == null) general.add((e.path().isEmpty() ? "" : e.path() + ": ") + e.message());
            else byField.merge(field, (e.path().replaceAll("\\[\\d+]", "").equals(field) ? "" : e.path() + " ") + e.message(),
                    (a, b) -> a + "; " + b);
        }
        List<SectionView> sections = PromotionForm.SECTIONS.stream().map(s -> new SectionView(s.title(), s.help(),
                s.fields().stream().map(f -> view(f, values.get(f.path()), byField.get(f.path()))).toList())).toList();
        return new PromotionFormView(action, editing, id, values.getOrDefault("reward.type", "PERCENT_OFF"), sections, general,
                byField.size(), sampleCart == null ? SAMPLE_CART : sampleCart);
    }

    private static FieldView view(FormField field, String value, String error) {
        List<String> chosen = value == null ? List.of() : List.of(value.split("\\s*,\\s*"));
        List<Option> options = field.options().stream().map(o -> new Option(o, chosen.contains(o))).toList();
        return new FieldView(field, value == null ? "" : value, error, options);
    }

    /** A new promotion's starting values: on, automatic, 10% off items, combining with everything. */
    static Map<String, String> defaults() {
        Map<String, String> values = new HashMap<>();
        values.put("status", "ACTIVE");
        values.put("trigger", "AUTOMATIC");
        values.put("reward.type", "PERCENT_OFF");
        values.put("reward.target", "ITEMS");
        values.put("combinesWith.items", "true");
        values.put("combinesWith.order", "true");
        values.put("combinesWith.shipping", "true");
        return values;
    }

    static List<FormField> fields() {
        return PromotionForm.SECTIONS.stream().flatMap(s -> s.fields().stream()).toList();
    }

    /** A form's submitted values, keyed by path, as the inputs show them again. */
    static Map<String, String> submitted(jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        for (FormField f : fields()) {
            List<String> v = form.get(f.path());
            if (v != null && !v.isEmpty()) values.put(f.path(), f.isChoices() ? String.join(", ", v) : v.get(0));
        }
        return values;
    }
}
