package kupon.analytics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random streams of orders, cancels (some twice) and replays, every figure analytics answers equals the same
 * figure recomputed here with SQL from the raw ledger (orders, order_line, order_promotion), and a rebuild of the
 * rollups from the ledger answers the same. Each stream runs in a currency of its own, so the shop's totals are its own.
 */
@QuarkusTest
class RollupsMatchTheLedgerTest {

    private final Scenario shop = new Scenario();

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DKK:1", "PLN:2", "CZK:3", "RON:4"})
    void everyFigureEqualsARecomputationFromTheLedger(String currencyAndSeed) throws SQLException {
        String currency = currencyAndSeed.substring(0, 3);
        Random random = new Random(Long.parseLong(currencyAndSeed.substring(4)));
        String tenOff = shop.promotion("""
                {"id": "%s", "name": "Ten percent on A", "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"categories": ["a"]}}}"""
                .formatted(shop.id("ten")));
        String fiveOff = shop.promotion("""
                {"id": "%s", "name": "Five off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                .formatted(shop.id("five")));
        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + fiveOff + "/codes").then().statusCode(201);

        List<String> placed = new ArrayList<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int step = 0; step < 30; step++) {
            int action = random.nextInt(10);
            if (action < 6 || placed.isEmpty()) {
                String orderId = "ord-" + UUID.randomUUID();
                String body = shop.checkout(order(orderId, currency, random, code));
                Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(201);
                placed.add(orderId);
                bodies.put(orderId, body);
            } else if (action < 8) {
                String orderId = placed.get(random.nextInt(placed.size()));
                Api.checkout().when().post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
            } else {
                String orderId = placed.get(random.nextInt(placed.size()));
                Api.checkout().body(bodies.get(orderId)).when().post("/api/v1/orders").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
            }
        }

        for (String period : periodsHoldingEveryOrder()) {
            for (String promotion : List.of(tenOff, fiveOff)) assertMatchesLedger(promotion, currency, period);
        }
        Api.admin().when().post("/api/v1/analytics/rebuild").then().statusCode(200);
        for (String period : periodsHoldingEveryOrder()) {
            for (String promotion : List.of(tenOff, fiveOff)) assertMatchesLedger(promotion, currency, period);
        }
    }

    /**
     * Periods that hold every order of the stream, read in each of the ways the rollups split a period: the default
     * (30 days up to the next hour, today as a partial edge), whole UTC days only, quarter hours only, and whole days
     * with edges (days in Kolkata time start at 18:30 UTC).
     */
    private static List<String> periodsHoldingEveryOrder() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return List.of("",
                "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                "&from=" + now.minus(java.time.Duration.ofHours(2)) + "&to=" + now.plus(java.time.Duration.ofHours(2)),
                "&from=" + today.minusDays(3) + "&to=" + today.plusDays(2) + "&timeZone=Asia/Kolkata");
    }

    private static String order(String orderId, String currency, Random random, String code) {
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String cost = random.nextBoolean() ? ", \"unitCost\": \"" + (1 + random.nextInt(20)) + ".25\"" : "";
            lines.append(i == 0 ? "" : ",").append("""
                    {"id": "l%d", "sku": "SKU-%d", "categories": ["%s"], "quantity": %d, "unitPrice": "%d.%02d"%s}"""
                    .formatted(i, i, random.nextBoolean() ? "a" : "b", 1 + random.nextInt(3), 10 + random.nextInt(90), random.nextInt(100), cost));
        }
        return """
                {"orderId": "%s", "cart": {"currency": "%s", "lines": [%s]}, "customer": {"id": "c-%d-%s"}, "codes": %s}"""
                .formatted(orderId, currency, lines, random.nextInt(5), currency, random.nextInt(3) == 0 ? "[\"" + code + "\"]" : "[]");
    }

    private void assertMatchesLedger(String promotion, String currency, String period) throws SQLException {
        JsonPath figures = Api.marketer().when().get("/api/v1/analytics/promotions/" + promotion + "?currency=" + currency + period)
                .then().statusCode(200).extract().jsonPath();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                WITH mine AS (
                    SELECT o.*, (SELECT sum(p.amount) FROM order_promotion p WHERE p.order_id = o.order_id AND p.promotion_id = ?) AS taken
                      FROM orders o WHERE o.currency = ?
                       AND EXISTS (SELECT 1 FROM order_promotion p WHERE p.order_id = o.order_id AND p.promotion_id = ?)),
                everything AS (SELECT * FROM orders WHERE currency = ?)
                SELECT (SELECT count(*) FROM mine), (SELECT count(*) FROM mine WHERE status = 'CANCELLED'),
                       (SELECT count(DISTINCT customer_id) FROM mine),
                       (SELECT count(*) FROM mine m WHERE NOT EXISTS (SELECT 1 FROM orders e WHERE e.customer_id = m.customer_id
                            AND (e.placed_at, e.order_id) < (m.placed_at, m.order_id))),
                       (SELECT coalesce(sum(total), 0) FROM mine WHERE status = 'PLACED'),
                       (SELECT coalesce(sum(taken), 0) FROM mine), (SELECT coalesce(sum(taken), 0) FROM mine WHERE status = 'PLACED'),
                       (SELECT sum(l.total - l.unit_cost * l.quantity) FROM mine m JOIN order_line l ON l.order_id = m.order_id
                         WHERE m.status = 'PLACED' AND l.unit_cost IS NOT NULL),
                       (SELECT coalesce(sum(total), 0) FROM everything WHERE status = 'PLACED'),
                       (SELECT count(*) FROM everything WHERE status = 'PLACED')""")) {
            q.setString(1, promotion);
            q.setString(2, currency);
            q.setString(3, promotion);
            q.setString(4, currency);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                String what = promotion + " in " + currency + " over " + (period.isEmpty() ? "the default period" : period);
                long orders = r.getLong(1), cancelled = r.getLong(2);
                assertThat(figures.getLong("orders")).as(what + " orders").isEqualTo(orders);
                assertThat(figures.getLong("cancelledOrders")).as(what + " cancelledOrders").isEqualTo(cancelled);
                assertThat(figures.getLong("uniqueCustomers")).as(what + " uniqueCustomers").isEqualTo(r.getLong(3));
                assertThat(figures.getLong("newCustomers")).as(what + " newCustomers").isEqualTo(r.getLong(4));
                BigDecimal revenue = r.getBigDecimal(5);
                assertThat(money(figures, "revenue")).as(what + " revenue").isEqualByComparingTo(revenue);
                assertThat(money(figures, "influencedRevenue")).as(what + " influencedRevenue").isEqualByComparingTo(revenue);
                assertThat(money(figures, "discountTotal")).as(what + " discountTotal").isEqualByComparingTo(r.getBigDecimal(6));
                assertThat(money(figures, "discountCost")).as(what + " discountCost").isEqualByComparingTo(r.getBigDecimal(7));
                BigDecimal margin = r.getBigDecimal(8);
                if (margin == null) assertThat(figures.getString("grossMargin")).as(what + " grossMargin").isNull();
                else assertThat(money(figures, "grossMargin")).as(what + " grossMargin").isEqualByComparingTo(margin.setScale(2, java.math.RoundingMode.HALF_EVEN));
                BigDecimal all = r.getBigDecimal(9);
                long allKept = r.getLong(10), kept = orders - cancelled;
                if (kept > 0) assertThat(money(figures, "averageOrderValue")).as(what + " averageOrderValue")
                        .isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(kept), 2, java.math.RoundingMode.HALF_EVEN));
                if (allKept > kept) assertThat(money(figures, "averageOrderValueWithout")).as(what + " averageOrderValueWithout")
                        .isEqualByComparingTo(all.subtract(revenue).divide(BigDecimal.valueOf(allKept - kept), 2, java.math.RoundingMode.HALF_EVEN));
                if (all.signum() > 0) assertThat(money(figures, "influenceRate")).as(what + " influenceRate")
                        .isEqualByComparingTo(revenue.divide(all, 4, java.math.RoundingMode.HALF_EVEN));
            }
        }
    }

    private static BigDecimal money(JsonPath figures, String field) {
        return new BigDecimal(figures.getString(field));
    }
}
