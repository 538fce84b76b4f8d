package kupon.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What each endpoint expects as its body, in a sentence with an example: what a malformed body's error tells to send. */
final class BodyShapes {

    private static final Map<Pattern, String> SHAPES = new LinkedHashMap<>();

    static {
        shape("/api/v1/evaluate", "a JSON object with a `cart` field, e.g. {\"cart\": {\"currency\": \"USD\", \"lines\": "
                + "[{\"id\": \"l1\", \"sku\": \"MUG\", \"quantity\": 1, \"unitPrice\": \"12.00\"}]}, \"codes\": [\"SAVE10\"]}");
        shape("/api/v1/orders", "a JSON object with `orderId` and `cart` fields (the evaluate body plus \"orderId\"), e.g. "
                + "{\"orderId\": \"ord-1001\", \"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"MUG\", "
                + "\"quantity\": 1, \"unitPrice\": \"12.00\"}]}}");
        shape("/api/v1/simulate", "a JSON object with `ruleSet` and `carts` fields, e.g. {\"ruleSet\": \"active\", \"carts\": "
                + "[{\"cart\": {...}}]}");
        shape("/api/v1/promotions/[^/]+/codes", "a JSON object with a `code` field, e.g. {\"code\": \"SAVE10\", \"maxUses\": 100}");
        shape("/api/v1/promotions/[^/]+/code-batches", "a JSON object with a `count` field, e.g. {\"count\": 10000, \"pattern\": \"BF-####-####\"}");
        shape("/api/v1/promotions/[^/]+/clone", "a JSON object (or nothing), e.g. {\"id\": \"summer-10-copy\", \"name\": \"Summer again\"}");
        shape("/api/v1/promotions(/[^/]+)?", "a promotion as a JSON object with `id`, `name` and `reward`, e.g. {\"id\": \"summer-10\", "
                + "\"name\": \"Summer 10%\", \"reward\": {\"type\": \"PERCENT_OFF\", \"value\": 10}}");
        shape("/api/v1/fraud/blocks", "a JSON object with `type` and `value` fields, e.g. {\"type\": \"IP\", \"value\": \"203.0.113.9\"}");
    }

    private BodyShapes() {
    }

    private static void shape(String path, String expected) {
        SHAPES.put(Pattern.compile(path), expected);
    }

    /** What to send to {@code path}; a general sentence for paths without a JSON body of their own. */
    static String expected(String path) {
        for (Map.Entry<Pattern, String> shape : SHAPES.entrySet()) {
            if (shape.getKey().matcher(path).matches()) return shape.getValue();
        }
        return "one JSON object, as the API reference at /q/swagger-ui shows";
    }
}
