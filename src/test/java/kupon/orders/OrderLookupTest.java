package kupon.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET /api/v1/orders/{orderId}}, and what a replay of a cancelled order answers. */
@QuarkusTest
class OrderLookupTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void anOrderIsShownAsPlacedThenCancelledAndItsReplayAfterTheCancelSaysSo() {
        String orderId = "lookup-" + UUID.randomUUID();
        String body = """
                {"orderId": "%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "15.00"}]}}"""
                .formatted(orderId);
        String placed = Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(201).extract().asString();

        Api.marketer().when().get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("total", equalTo(new BigDecimal("30.00")))
                .body("status", equalTo("PLACED"))
                .body("placedAt", notNullValue())
                .body("cancelledAt", nullValue());

        Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
        Api.checkout().when().get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAt", notNullValue());

        String replay = Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(replay).getString("status")).isEqualTo("CANCELLED");
        assertThat(replay).startsWith(placed.substring(0, placed.length() - 1)); // the original answer, as it was
    }

    @Test
    void anUnknownOrderIs404AndAMarketerMayNotPlaceOne() {
        Api.checkout().when().get("/api/v1/orders/no-such-order").then().statusCode(404).body("error", equalTo("NOT_FOUND"));
        Api.marketer().body("{}").when().post("/api/v1/orders").then().statusCode(403);
    }

    @Test
    void codeBatchesAreListedNewestFirstAndByPromotion() throws InterruptedException {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Batch", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"}}"""
                .formatted(shop.id("batches")));
        String first = Api.marketer().body("{\"count\": 10, \"pattern\": \"LA-########\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches").then().statusCode(202).extract().path("batchId");
        Thread.sleep(20);
        String second = Api.marketer().body("{\"count\": 10, \"pattern\": \"LB-########\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches").then().statusCode(202).extract().path("batchId");
        JsonPath listed = Api.marketer().queryParam("promotionId", promotion).when().get("/api/v1/code-batches")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("batchId")).containsExactly(second, first);
        assertThat(Api.marketer().when().get("/api/v1/code-batches").then().statusCode(200).extract().jsonPath()
                .getList("batchId")).contains(first, second);
    }
}
