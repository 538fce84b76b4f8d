package kupon.fraud;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kupon.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Abuse patterns on a generated month of ledger: planted rings of new accounts (one device, one IP, or one email written
 * with dots and tags) redeeming a first-order offer within hours, among innocent look-alikes: families sharing an
 * address, an IP and sometimes a tablet, offices sharing an IP over the month, and single shoppers. The accounts the
 * patterns name are compared with the planted rings: precision and recall are printed and held to a floor.
 */
@QuarkusTest
class AbusePatternsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AbusePatterns patterns;

    @Inject
    AutoBlock autoBlock;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String welcome = "welcome-" + run;
    /** A month of its own, years before the orders other tests place today. */
    private final Instant month = Instant.parse("2019-03-01T00:00:00Z").plus(Duration.ofDays(new Random().nextInt(1500)));
    private final Set<String> abusive = new HashSet<>();
    private final Random random = new Random(20261203);
    private int orders;

    @BeforeEach
    void aFirstOrderOffer() {
        Api.marketer().body("""
                {"id": "%s", "name": "Welcome: 10%% off", "conditions": {"firstOrderOnly": true},
                 "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["W-%s"]}}}""".formatted(welcome, run))
                .when().post("/api/v1/promotions").then().statusCode(201);
    }

    @Test
    void plantedRingsAreFoundAndLookAlikesAreNot() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (int ring = 0; ring < 12; ring++) {
                int size = 3 + random.nextInt(10);
                Instant start = someTime();
                String device = "ring-device-" + run + ring, ip = "10.66." + ring + ".1", email = "ring" + run + ring;
                int shares = ring % 3; // 0: one device, 1: one IP, 2: one email written differently
                for (int a = 0; a < size; a++) {
                    String account = "ring-" + run + "-" + ring + "-" + a;
                    abusive.add(account);
                    Instant at = start.plus(Duration.ofMinutes(random.nextInt(360)));
                    order(c, account, shares == 2 ? dotted(email, a) : account + "@example.com",
                            shares == 1 ? ip : "10.77." + ring + "." + a, shares == 0 ? device : null, null, at);
                }
            }
            for (int family = 0; family < 40; family++) {
                int size = 2 + random.nextInt(3);
                String ip = "10.88." + family + ".1", address = "family-address-" + run + family;
                String tablet = family % 4 == 0 ? "family-tablet-" + run + family : null;
                for (int m = 0; m < size; m++) {
                    String account = "family-" + run + "-" + family + "-" + m;
                    order(c, account, account + "@example.com", ip, tablet, address, someTime());
                }
            }
            for (int office = 0; office < 5; office++) {
                int size = 15 + random.nextInt(16);
                for (int e = 0; e < size; e++) {
                    String account = "office-" + run + "-" + office + "-" + e;
                    order(c, account, account + "@example.com", "10.99." + office + ".1", null, null, someTime());
                }
            }
            for (int s = 0; s < 300; s++) {
                String account = "single-" + run + "-" + s;
                order(c, account, account + "@example.com", "10.55." + (s / 250) + "." + (s % 250), null, null, someTime());
            }
        }

        List<AbusePattern> found = patterns.find(month, month.plus(Duration.ofDays(31)), AbusePatterns.Thresholds.DEFAULT);
        Set<String> named = new HashSet<>();
        found.forEach(p -> p.redemptions().forEach(r -> named.add(r.account())));
        long right = named.stream().filter(abusive::contains).count();
        double precision = named.isEmpty() ? 0 : (double) right / named.size();
        double recall = (double) right / abusive.size();
        System.out.printf("Abuse patterns on %d generated orders: %d groups, %d accounts named, %d of %d planted ring accounts;"
                + " precision %.3f, recall %.3f%n", orders, found.size(), named.size(), right, abusive.size(), precision, recall);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.75);
        assertThat(found).allSatisfy(p -> {
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.discount()).isEqualByComparingTo(new java.math.BigDecimal("5.00").multiply(java.math.BigDecimal.valueOf(p.orders())));
        });

        Api.admin().queryParam("from", month.toString()).queryParam("to", month.plus(Duration.ofDays(31)).toString())
                .when().get("/api/v1/fraud/patterns").then().statusCode(200)
                .body("size()", equalTo(found.size()))
                .body("[0].accounts", equalTo(found.get(0).accounts()));
    }

    @Test
    void theAutoBlockPolicyBlocksADeviceBehindARingOnceAndOnlyOnce() throws SQLException {
        Instant now = Instant.now();
        String device = "auto-device-" + run;
        try (Connection c = dataSource.getConnection()) {
            for (int a = 0; a < 6; a++) {
                order(c, "auto-" + run + "-" + a, "auto-" + run + "-" + a + "@example.com", "10.44.0." + a, device, null,
                        now.minus(Duration.ofMinutes(10 + a)));
            }
        }
        List<Block> added = autoBlock.run(now, 5);
        assertThat(added).filteredOn(b -> b.value().equals(device)).singleElement()
                .satisfies(b -> assertThat(b.type()).isEqualTo(SubjectType.DEVICE));
        assertThat(autoBlock.run(now, 5)).noneMatch(b -> b.value().equals(device));
        Api.admin().queryParam("type", "AUTO_BLOCKED").queryParam("value", device).when().get("/api/v1/fraud/events").then()
                .statusCode(200).body("events.size()", equalTo(1));
    }

    private Instant someTime() {
        return month.plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
    }

    /** One mailbox written as Gmail allows: j.doe, jd.oe+1, ... all deliver to jdoe@gmail.com. */
    private static String dotted(String user, int n) {
        int at = 1 + n % (user.length() - 1);
        return user.substring(0, at) + "." + user.substring(at) + "+" + n + "@gmail.com";
    }

    private void order(Connection c, String customer, String email, String ip, String device, String address, Instant at)
            throws SQLException {
        String id = "gen-" + run + "-" + (++orders);
        try (PreparedStatement order = c.prepareStatement("""
                INSERT INTO orders (order_id, request_hash, status, customer_id, email, ip, device_id, address_hash, currency,
                                    subtotal, discount_total, shipping, shipping_discount, tax, total, rule_set_version, response, placed_at)
                VALUES (?, 'generated', 'PLACED', ?, ?, ?, ?, ?, 'USD', 50, 5, 0, 0, 0, 45, 0, '{}', ?)""");
             PreparedStatement promotion = c.prepareStatement("""
                INSERT INTO order_promotion (order_id, promotion_id, code, target, amount, line_ids, line_amounts)
                VALUES (?, ?, NULL, 'ITEMS', 5, '{l1}', '{5}')""")) {
            order.setString(1, id);
            order.setString(2, customer);
            order.setString(3, kupon.customers.EmailNormalizer.normalize(email));
            order.setString(4, ip);
            order.setString(5, device);
            order.setString(6, address == null ? null : kupon.rules.source.RuleSource.sha256(address.getBytes()));
            order.setTimestamp(7, Timestamp.from(at));
            order.executeUpdate();
            promotion.setString(1, id);
            promotion.setString(2, welcome);
            promotion.executeUpdate();
        }
    }
}
