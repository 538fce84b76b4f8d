package kupon.orders;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kupon.support.Api;
import kupon.support.Race;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/ops/consistency}: after racing orders and cancels, every counter equals the ledger; a tampered one is listed. */
@QuarkusTest
class LedgerConsistencyTest {

    @Inject
    AgroalDataSource dataSource;

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String order(String code, int shopper) {
        return shop.checkout("""
                {"orderId": "consistency-%s",
                 "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "30.00"}]},
                 "customer": {"id": "c-%d"}, "codes": ["%s"]}""".formatted(UUID.randomUUID(), shopper % 7, code));
    }

    private static List<Map<String, Object>> differencesOf(String subject) {
        JsonPath report = Api.admin().when().get("/api/v1/ops/consistency").then().statusCode(200).extract().jsonPath();
        return report.<Map<String, Object>>getList("differences").stream()
                .filter(d -> d.get("subject").toString().contains(subject)).toList();
    }

    @Test
    void racingOrdersAndCancelsLeaveEveryCounterEqualToTheLedger() throws SQLException {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Five off, twice per shopper", "trigger": "CODE",
                 "limits": {"totalUses": 30, "perCustomer": 2, "budget": "120.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}""".formatted(shop.id("consistency")));
        String code = OrderResourceTest.code(promotion, ", \"maxUses\": 40");

        List<Race.Answer> placed = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 40, i -> order(code, i));
        assertThat(Race.count(placed, 201)).isEqualTo(14); // 7 shoppers, twice each
        placed.stream().filter(a -> a.status() == 201).limit(5).forEach(a -> Api.checkout()
                .when().post("/api/v1/orders/" + JsonPath.from(a.body()).getString("orderId") + "/cancel").then().statusCode(200));
        Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20, i -> order(code, i));

        assertThat(differencesOf(promotion)).isEmpty();
        assertThat(differencesOf(code)).isEmpty();

        try (Connection c = dataSource.getConnection(); Statement tamper = c.createStatement()) {
            tamper.executeUpdate("UPDATE usage_counter SET uses = uses + 1 WHERE subject = '" + promotion + "' AND scope = 'TOTAL'");
            tamper.executeUpdate("UPDATE promotion_code SET uses = uses + 3 WHERE code = '" + code + "'");
            List<Map<String, Object>> listed = differencesOf(promotion);
            assertThat(listed).singleElement().satisfies(d -> {
                assertThat(d).containsEntry("kind", "COUNTER").containsEntry("scope", "TOTAL");
                assertThat(((Number) d.get("counted")).longValue()).isEqualTo(((Number) d.get("inLedger")).longValue() + 1);
            });
            assertThat(differencesOf(code)).singleElement().satisfies(d -> {
                assertThat(d).containsEntry("kind", "CODE");
                assertThat(((Number) d.get("counted")).longValue()).isEqualTo(((Number) d.get("inLedger")).longValue() + 3);
            });
            tamper.executeUpdate("UPDATE usage_counter SET uses = uses - 1 WHERE subject = '" + promotion + "' AND scope = 'TOTAL'");
            tamper.executeUpdate("UPDATE promotion_code SET uses = uses - 3 WHERE code = '" + code + "'");
        }
        assertThat(differencesOf(promotion)).isEmpty();
    }

    @Test
    void onlyAnAdminMayRunTheCheck() {
        Api.marketer().when().get("/api/v1/ops/consistency").then().statusCode(403);
        Api.checkout().when().get("/api/v1/ops/consistency").then().statusCode(403);
    }
}
