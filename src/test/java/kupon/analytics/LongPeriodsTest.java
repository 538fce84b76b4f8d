package kupon.analytics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders spread over twelve days, read over periods that the rollups answer from whole UTC days, from quarter hours at
 * the edges, or both: every figure equals a count over the ledger for exactly that period, distinct shoppers included
 * (a shopper ordering on several days, or both inside a whole day and at an edge, counts once). The orders are written
 * straight into the ledger with past dates, as an order placed days ago would have been, and noted for the rollups.
 */
@QuarkusTest
class LongPeriodsTest {

    private static final String CURRENCY = "HUF";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void figuresOverAnyPeriodEqualTheLedgerOverThatPeriod() throws SQLException {
        String campaign = "long-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(7);
        Instant now = Instant.now();
        seed(campaign, random, now, 150);
        // A first read takes the first half in; the second half then adds to days whose shopper sets are stored.
        figures(campaign, "");
        seed(campaign, random, now, 150);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Instant[]> periods = List.of(
                days(today.minusDays(8), today.minusDays(2), ZoneOffset.UTC),
                new Instant[] {midnight.minus(8, ChronoUnit.DAYS).plus(5 * 60 + 15, ChronoUnit.MINUTES),
                        midnight.minus(2, ChronoUnit.DAYS).plus(20 * 60 + 45, ChronoUnit.MINUTES)},
                days(today.minusDays(9), today.minusDays(1), ZoneId.of("Asia/Kolkata")),
                new Instant[] {midnight.minus(5, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS),
                        midnight.minus(5, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS)},
                days(today.minusDays(12), today, ZoneOffset.UTC));
        for (Instant[] period : periods) assertMatchesLedger(campaign, period);
        Api.admin().when().post("/api/v1/analytics/rebuild").then().statusCode(200);
        for (Instant[] period : periods) assertMatchesLedger(campaign, period);
    }

    /** Dates from and to (included) in a zone, as the API reads them. */
    private static Instant[] days(LocalDate from, LocalDate to, ZoneId zone) {
        return new Instant[] {from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    private void seed(String campaign, Random random, Instant now, int count) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement order = c.prepareStatement("""
                     INSERT INTO orders (order_id, request_hash, status, customer_id, channel, campaign, currency, subtotal,
                                         discount_total, shipping, shipping_discount, tax, total, rule_set_version, response,
                                         placed_at, cancelled_at)
                     VALUES (?, 'seed', ?, ?, 'web', ?, ?, ?, 0, 0, 0, 0, ?, 1, '{"applied": []}', ?, ?)""");
             PreparedStatement noted = c.prepareStatement("INSERT INTO analytics_pending (order_id, change) VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = "long-" + UUID.randomUUID();
                boolean cancelled = random.nextInt(8) == 0;
                BigDecimal total = BigDecimal.valueOf(100 + random.nextInt(9900), 0);
                Instant placed = now.minus(random.nextInt(12 * 24 * 60), ChronoUnit.MINUTES);
                order.setString(1, id);
                order.setString(2, cancelled ? "CANCELLED" : "PLACED");
                order.setString(3, campaign + "-shopper-" + random.nextInt(40));
                order.setString(4, campaign);
                order.setString(5, CURRENCY);
                order.setBigDecimal(6, total);
                order.setBigDecimal(7, total);
                order.setTimestamp(8, Timestamp.from(placed));
                order.setTimestamp(9, cancelled ? Timestamp.from(now) : null);
                order.executeUpdate();
                noted.setString(1, id);
                noted.setString(2, "PLACED");
                noted.executeUpdate();
                if (cancelled) {
                    noted.setString(2, "CANCELLED");
                    noted.executeUpdate();
                }
            }
        }
    }

    private static JsonPath figures(String campaign, String period) {
        return Api.marketer().when().get("/api/v1/analytics/campaigns/" + campaign + "?currency=" + CURRENCY + period)
                .then().statusCode(200).extract().jsonPath();
    }

    private void assertMatchesLedger(String campaign, Instant[] period) throws SQLException {
        JsonPath figures = figures(campaign, "&from=" + period[0] + "&to=" + period[1]);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE status = 'CANCELLED'), count(DISTINCT customer_id),
                       coalesce(sum(total) FILTER (WHERE status = 'PLACED'), 0)
                  FROM orders WHERE campaign = ? AND currency = ? AND placed_at >= ? AND placed_at < ?""")) {
            q.setString(1, campaign);
            q.setString(2, CURRENCY);
            q.setTimestamp(3, Timestamp.from(period[0]));
            q.setTimestamp(4, Timestamp.from(period[1]));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                String what = "from " + period[0] + " to " + period[1];
                assertThat(r.getLong(1)).as(what + ": the period holds orders").isPositive();
                assertThat(figures.getLong("orders")).as(what + " orders").isEqualTo(r.getLong(1));
                assertThat(figures.getLong("cancelledOrders")).as(what + " cancelledOrders").isEqualTo(r.getLong(2));
                assertThat(figures.getLong("uniqueCustomers")).as(what + " uniqueCustomers").isEqualTo(r.getLong(3));
                assertThat(new BigDecimal(figures.getString("revenue"))).as(what + " revenue").isEqualByComparingTo(r.getBigDecimal(4));
            }
        }
    }
}
