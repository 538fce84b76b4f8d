package kupon.analytics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The worked example of docs/analytics.md, figure by figure: three orders with a 10% promotion (one of them cancelled)
 * and one without, all in Swedish kronor so that no other test's orders enter the shop's totals.
 */
@QuarkusTest
class AnalyticsWorkedExampleTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String order(String customer, String channel, String lines) {
        String orderId = "ord-" + UUID.randomUUID();
        String body = shop.checkout("""
                {"orderId": "%s", "cart": {"currency": "SEK", "lines": %s},
                 "customer": {"id": "%s"}, "context": {"source": "newsletter", "campaign": "winter-%s"}}"""
                .formatted(orderId, lines, customer, shop.channel));
        if (channel != null) body = body.replace("\"channel\":\"" + shop.channel + "\"", "\"channel\":\"" + channel + "\"");
        Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(201);
        return orderId;
    }

    @Test
    void aPromotionsFiguresAreThoseOfTheWorkedExample() {
        String winter = shop.promotion("""
                {"id": "%s", "name": "Winter 10%%", "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(shop.id("winter")));
        String ann = shop.id("ann"), bo = shop.id("bo"), cy = shop.id("cy");
        order(ann, null, "[{\"id\": \"l1\", \"sku\": \"COAT\", \"quantity\": 1, \"unitPrice\": \"100.00\", \"unitCost\": \"60.00\"}]");
        order(bo, null, "[{\"id\": \"l1\", \"sku\": \"BOOTS\", \"quantity\": 1, \"unitPrice\": \"200.00\", \"unitCost\": \"120.00\"}]");
        String third = order(ann, null, "[{\"id\": \"l1\", \"sku\": \"HAT\", \"quantity\": 2, \"unitPrice\": \"50.00\", \"unitCost\": \"30.00\"}]");
        order(cy, "elsewhere-" + shop.channel, "[{\"id\": \"l1\", \"sku\": \"SCARF\", \"quantity\": 1, \"unitPrice\": \"40.00\"}]");
        Api.checkout().when().post("/api/v1/orders/" + third + "/cancel").then().statusCode(200);

        JsonPath figures = Api.marketer().when().get("/api/v1/analytics/promotions/" + winter + "?currency=SEK")
                .then().statusCode(200).extract().jsonPath();

        assertThat(figures.getString("currency")).isEqualTo("SEK");
        assertThat(figures.getInt("orders")).isEqualTo(3);
        assertThat(figures.getInt("cancelledOrders")).isEqualTo(1);
        assertThat(figures.getInt("uniqueCustomers")).isEqualTo(2);
        assertThat(figures.getInt("newCustomers")).isEqualTo(2);
        assertThat(figures.getString("revenue")).isEqualTo("270.00");
        assertThat(figures.getString("discountTotal")).isEqualTo("40.00");
        assertThat(figures.getString("discountCost")).isEqualTo("30.00");
        assertThat(figures.getString("averageOrderValue")).isEqualTo("135.00");
        assertThat(figures.getString("averageOrderValueWithout")).isEqualTo("40.00");
        assertThat(figures.getString("grossMargin")).isEqualTo("90.00");
        assertThat(figures.getString("roi")).isEqualTo("2.0000");
        assertThat(figures.getString("influencedRevenue")).isEqualTo("270.00");
        assertThat(figures.getString("influenceRate")).isEqualTo("0.8710");
        assertThat(figures.getList("series.start")).hasSize(1);
        assertThat(figures.getInt("series[0].orders")).isEqualTo(3);
        assertThat(figures.getString("series[0].discountCost")).isEqualTo("30.00");
        assertThat(figures.getMap("codes")).as("an automatic promotion has no code figures").isNull();
        String metrics = io.restassured.RestAssured.when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kupon_promotion_redemptions_total{currency=\"SEK\",promotion=\"" + winter + "\"} 3.0");
    }

    @Test
    void aCodePromotionCountsAttemptsRedemptionsAndRejectionsByReason() {
        String five = shop.promotion("""
                {"id": "%s", "name": "Five off", "trigger": "CODE", "conditions": {"minSubtotal": "50.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}""".formatted(shop.id("five")));
        String code = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + five + "/codes").then().statusCode(201);
        String small = "{\"cart\": {\"currency\": \"CHF\", \"lines\": [{\"id\": \"l1\", \"sku\": \"PEN\", \"quantity\": 1, \"unitPrice\": \"20.00\"}]},"
                + " \"codes\": [\"" + code + "\"]}";
        String big = "{\"cart\": {\"currency\": \"CHF\", \"lines\": [{\"id\": \"l1\", \"sku\": \"INK\", \"quantity\": 1, \"unitPrice\": \"80.00\"}]},"
                + " \"codes\": [\"" + code + "\"]}";
        shop.evaluate(small);
        shop.evaluate(big);
        Api.checkout().body(shop.checkout(big.replace("{\"cart\"", "{\"orderId\": \"ord-" + UUID.randomUUID() + "\", \"cart\"")))
                .when().post("/api/v1/orders").then().statusCode(201);

        Api.marketer().when().get("/api/v1/analytics/promotions/" + five + "?currency=CHF").then().statusCode(200)
                .body("codes.attempts", equalTo(3))
                .body("codes.redemptions", equalTo(1))
                .body("codes.rejections.MIN_SUBTOTAL_NOT_MET", equalTo(1))
                .body("orders", equalTo(1))
                .body("discountTotal", equalTo(new java.math.BigDecimal("5.00")));
        Api.marketer().when().get("/api/v1/analytics/codes/" + code.toLowerCase() + "?currency=CHF").then().statusCode(200)
                .body("value", equalTo(code))
                .body("orders", equalTo(1))
                .body("revenue", equalTo(new java.math.BigDecimal("75.00")));
    }

    @Test
    void listsAndComparisonsComeAsJsonOrCsv() {
        String winter = shop.promotion("""
                {"id": "%s", "name": "Winter 10%%", "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(shop.id("winter")));
        order(shop.id("dee"), null, "[{\"id\": \"l1\", \"sku\": \"COAT\", \"quantity\": 1, \"unitPrice\": \"100.00\"}]");

        Api.marketer().when().get("/api/v1/analytics/compare?promotions=" + winter + ",nothing-" + shop.channel + "&currency=SEK")
                .then().statusCode(200)
                .body("items.value", equalTo(java.util.List.of(winter, "nothing-" + shop.channel)))
                .body("items[0].orders", equalTo(1))
                .body("items[1].orders", equalTo(0));
        String csv = Api.marketer().when().get("/api/v1/analytics/compare?campaigns=winter-" + shop.channel + "&format=csv&currency=SEK")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith("CAMPAIGN,winter-" + shop.channel + ",SEK,1,0,1,1,90.00,10.00,10.00,90.00,");
        Api.marketer().when().get("/api/v1/analytics/channels?currency=SEK&limit=200").then().statusCode(200)
                .body("channel.find { it.value == '" + shop.channel + "' }.orders", equalTo(1));
    }

    @Test
    void badPeriodsAndParametersAreRefusedNamingTheParameter() {
        Api.marketer().when().get("/api/v1/analytics/promotions?from=2026-13-01").then().statusCode(400)
                .body("details[0].path", equalTo("from"));
        Api.marketer().when().get("/api/v1/analytics/promotions?from=2026-11-01T10:07:00Z").then().statusCode(400)
                .body("details[0].path", equalTo("from"));
        Api.marketer().when().get("/api/v1/analytics/promotions?from=2026-12-01&to=2026-11-01").then().statusCode(400)
                .body("details[0].path", equalTo("from"));
        Api.marketer().when().get("/api/v1/analytics/promotions?timeZone=%2B02:00").then().statusCode(400)
                .body("details[0].path", equalTo("timeZone"));
        Api.marketer().when().get("/api/v1/analytics/promotions/x?interval=hour").then().statusCode(400)
                .body("details[0].path", equalTo("interval"));
        Api.marketer().when().get("/api/v1/analytics/promotions?limit=0").then().statusCode(400)
                .body("details[0].path", equalTo("limit"));
        Api.marketer().when().get("/api/v1/analytics/compare").then().statusCode(400)
                .body("details[0].path", equalTo("promotions"));
        Api.marketer().when().get("/api/v1/analytics/promotions/never-ordered-" + shop.channel).then().statusCode(404)
                .body("error", equalTo("NOT_FOUND"));
        Api.checkout().when().get("/api/v1/analytics/promotions").then().statusCode(403);
        Api.marketer().when().post("/api/v1/analytics/rebuild").then().statusCode(403);
    }
}
