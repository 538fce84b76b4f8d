package kupon.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One test's own little shop: promotions it creates only apply to carts it sends, because both carry
 * a sales channel unique to the test. Tests sharing one running service cannot disturb each other.
 */
public final class Scenario implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String channel = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> promotionIds = new ArrayList<>();

    /** A promotion id unique to this scenario. */
    public String id(String name) {
        return name + "-" + channel.substring(5);
    }

    /** Creates a promotion (JSON as in the API) limited to this scenario's channel; returns its id. */
    public String promotion(String json) {
        ObjectNode promotion = parse(json);
        ObjectNode conditions = promotion.has("conditions") ? (ObjectNode) promotion.get("conditions") : promotion.putObject("conditions");
        conditions.putArray("channels").add(channel);
        Api.marketer().body(promotion.toString()).when().post("/api/v1/promotions").then().statusCode(201);
        promotionIds.add(promotion.get("id").asText());
        return promotion.get("id").asText();
    }

    /** Evaluates a checkout body (JSON as in the API) sent through this scenario's channel. */
    public JsonPath evaluate(String json) {
        JsonPath response = Api.checkout().body(checkout(json)).when().post("/api/v1/evaluate")
                .then().statusCode(200).extract().jsonPath();
        ResponseInvariants.assertHold(response, json.contains("\"pricesIncludeTax\": true"));
        return response;
    }

    /** The checkout body with this scenario's channel set. */
    public String checkout(String json) {
        ObjectNode body = parse(json);
        ObjectNode context = body.has("context") ? (ObjectNode) body.get("context") : body.putObject("context");
        context.put("channel", channel);
        return body.toString();
    }

    @Override
    public void close() {
        promotionIds.forEach(id -> Api.marketer().when().delete("/api/v1/promotions/" + id));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("Test JSON does not parse: " + e.getMessage() + "\n" + json, e);
        }
    }
}
