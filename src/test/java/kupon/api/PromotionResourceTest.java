package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** /api/v1/promotions: the life of a promotion managed as JSON. */
@QuarkusTest
class PromotionResourceTest {

    private static String newId() {
        return "promo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String promotion(String id) {
        return """
                {"id": "%s", "name": "Black Friday: 20%% off shoes", "priority": 100, "campaign": "black-friday-2026",
                 "conditions": {"channels": ["nowhere"]},
                 "reward": {"type": "PERCENT_OFF", "value": 20, "items": {"categories": ["shoes"]}, "maxAmount": "50.00"},
                 "schedule": {"startsAt": "2026-11-27T00:00:00-05:00", "endsAt": "2026-11-30T23:59:59-05:00", "timeZone": "America/New_York"},
                 "limits": {"totalUses": 10000, "perCustomer": 1, "budget": "25000.00"}}""".formatted(id);
    }

    @Test
    void createReadChangeAndDelete() {
        String id = newId();
        // Create: 201, Location, and the stored promotion with its defaults filled in.
        Api.marketer().body(promotion(id))
                .when().post("/api/v1/promotions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/promotions/" + id))
                .body("status", equalTo("ACTIVE"))
                .body("trigger", equalTo("AUTOMATIC"))
                .body("exclusive", equalTo(false))
                .body("combinesWith.shipping", equalTo(true))
                .body("schedule.startsAt", equalTo("2026-11-27T00:00:00-05:00"))
                .body("reward.maxAmount", equalTo(new java.math.BigDecimal("50.00")));
        // Read it back.
        Api.marketer().when().get("/api/v1/promotions/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Black Friday: 20% off shoes"));
        // Replace it.
        Api.marketer().body(promotion(id).replace("\"priority\": 100", "\"priority\": 7"))
                .when().put("/api/v1/promotions/" + id)
                .then().statusCode(200)
                .body("priority", equalTo(7));
        // Find it by text and status.
        Api.marketer().queryParam("q", "black friday").queryParam("status", "active")
                .when().get("/api/v1/promotions")
                .then().statusCode(200)
                .body("id", hasItem(id));
        // Delete it.
        Api.marketer().when().delete("/api/v1/promotions/" + id).then().statusCode(204);
        Api.marketer().when().get("/api/v1/promotions/" + id).then().statusCode(404).body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void deactivateArchiveCloneAndReactivate() {
        String id = newId();
        Api.marketer().body(promotion(id)).when().post("/api/v1/promotions").then().statusCode(201);
        Api.marketer().when().post("/api/v1/promotions/" + id + "/deactivate").then().statusCode(200).body("status", equalTo("INACTIVE"));
        Api.marketer().when().post("/api/v1/promotions/" + id + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        // Archived promotions stay listable...
        Api.marketer().queryParam("status", "ARCHIVED").when().get("/api/v1/promotions")
                .then().body("id", hasItem(id));
        Api.marketer().queryParam("status", "ACTIVE").when().get("/api/v1/promotions")
                .then().body("id", not(hasItem(id)));
        // ...can be cloned (the copy starts switched off)...
        Api.marketer().body("{\"id\": \"" + id + "-2027\", \"name\": \"Black Friday 2027\"}")
                .when().post("/api/v1/promotions/" + id + "/clone")
                .then().statusCode(201)
                .body("id", equalTo(id + "-2027"))
                .body("status", equalTo("INACTIVE"))
                .body("reward.value", equalTo(20));
        // ...and reactivated.
        Api.marketer().when().post("/api/v1/promotions/" + id + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.marketer().when().delete("/api/v1/promotions/" + id).then().statusCode(204);
        Api.marketer().when().delete("/api/v1/promotions/" + id + "-2027").then().statusCode(204);
    }

    @Test
    void aDuplicateIdIs409() {
        String id = newId();
        Api.marketer().body(promotion(id)).when().post("/api/v1/promotions").then().statusCode(201);
        Api.marketer().body(promotion(id)).when().post("/api/v1/promotions").then().statusCode(409).body("error", equalTo("CONFLICT"));
        Api.marketer().when().delete("/api/v1/promotions/" + id).then().statusCode(204);
    }

    @Test
    void anInvalidPromotionIs422WithEveryFieldPath() {
        Api.marketer().body("""
                {"id": "Not A Slug", "name": "",
                 "reward": {"type": "PERCENT_OFF", "value": 120, "maxAmount": "-1"},
                 "schedule": {"timeZone": "Mars/Olympus", "startsAt": "2026-12-01T00:00:00Z", "endsAt": "2026-11-01T00:00:00Z"},
                 "conditions": {"countries": ["usa"]},
                 "limits": {"perCustomer": 0}}""")
                .when().post("/api/v1/promotions")
                .then().statusCode(422)
                .body("error", equalTo("VALIDATION_FAILED"))
                .body("details.path", hasItem("id"))
                .body("details.path", hasItem("name"))
                .body("details.path", hasItem("reward.value"))
                .body("details.path", hasItem("reward.maxAmount"))
                .body("details.path", hasItem("schedule.timeZone"))
                .body("details.path", hasItem("schedule.endsAt"))
                .body("details.path", hasItem("conditions.countries[0]"))
                .body("details.path", hasItem("limits.perCustomer"));
    }

    @Test
    void rewardFieldsAreCheckedPerType() {
        Api.marketer().body("""
                {"id": "%s", "name": "BXGY", "reward": {"type": "BUY_X_GET_Y", "buy": {"quantity": 0}, "get": {"percentOff": 100}}}"""
                .formatted(newId()))
                .when().post("/api/v1/promotions")
                .then().statusCode(422)
                .body("details.path", hasItem("reward.buy.quantity"))
                .body("details.path", hasItem("reward.get.quantity"));
        Api.marketer().body("""
                {"id": "%s", "name": "Tiers", "reward": {"type": "TIERED", "tiers": []}}""".formatted(newId()))
                .when().post("/api/v1/promotions")
                .then().statusCode(422)
                .body("details.path", hasItem("reward.basis"))
                .body("details.path", hasItem("reward.tiers"));
    }

    @Test
    void anUnknownRewardTypeIs400NamingTheField() {
        Api.marketer().body("{\"id\": \"x\", \"name\": \"x\", \"reward\": {\"type\": \"HALF_OFF\"}}")
                .when().post("/api/v1/promotions")
                .then().statusCode(400)
                .body("details[0].path", equalTo("reward.type"));
    }

    @Test
    void aChangeIsLiveForTheNextEvaluation() {
        String id = newId();
        String cart = """
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "LIVE-%s", "quantity": 1, "unitPrice": "10.00"}]}}""".formatted(id);
        Api.marketer().body("""
                {"id": "%s", "name": "Live", "reward": {"type": "AMOUNT_OFF", "value": "1.00", "items": {"skus": ["LIVE-%s"]}}}"""
                .formatted(id, id)).when().post("/api/v1/promotions").then().statusCode(201);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().body("discountTotal", equalTo(new java.math.BigDecimal("1.00")));
        Api.marketer().body("""
                {"name": "Live", "reward": {"type": "AMOUNT_OFF", "value": "2.50", "items": {"skus": ["LIVE-%s"]}}}""".formatted(id))
                .when().put("/api/v1/promotions/" + id).then().statusCode(200);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().body("discountTotal", equalTo(new java.math.BigDecimal("2.50")));
        Api.marketer().when().post("/api/v1/promotions/" + id + "/deactivate").then().statusCode(200);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().body("discountTotal", equalTo(new java.math.BigDecimal("0.00")));
        Api.marketer().when().delete("/api/v1/promotions/" + id).then().statusCode(204);
    }

    @Test
    void checkoutKeysCannotManagePromotions() {
        Api.checkout().body(promotion(newId())).when().post("/api/v1/promotions").then().statusCode(403);
        Api.marketer().when().get("/api/v1/promotions/no-such-promotion").then().statusCode(404).body("message", containsString("no-such-promotion"));
        Api.marketer().when().get("/api/v1/codes/NO-SUCH-CODE").then().statusCode(404).body("details", nullValue());
    }
}
