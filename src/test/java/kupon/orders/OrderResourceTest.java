package kupon.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /api/v1/orders and /cancel: committing orders, idempotency, and limits that are consumed and released. */
@QuarkusTest
class OrderResourceTest {

    private final Scenario shop = new Scenario();

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void closeShop() {
        shop.close();
    }

    static String orderId() {
        return "ord-" + UUID.randomUUID();
    }

    private String order(String orderId, String code, String customer, String extra) {
        return shop.checkout("""
                {"orderId": "%s" %s,
                 "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "25.00", "unitCost": "9.00"}]},
                 "customer": %s, "codes": %s, "context": {"ip": "203.0.113.9", "source": "newsletter"}}"""
                .formatted(orderId, extra, customer, code == null ? "[]" : "[\"" + code + "\"]"));
    }

    private String codePromotion(String limits, String conditions) {
        return shop.promotion("""
                {"id": "%s", "name": "Ten off", "trigger": "CODE", "limits": %s, "conditions": %s,
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("ten"), limits, conditions));
    }

    static String code(String promotionId, String extra) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.marketer().body("{\"code\": \"" + code + "\"" + extra + "}")
                .when().post("/api/v1/promotions/" + promotionId + "/codes").then().statusCode(201);
        return code;
    }

    private static int uses(String code) {
        return Api.marketer().when().get("/api/v1/codes/" + code).then().statusCode(200).extract().path("uses");
    }

    @Test
    void anEmptyCartIsRecordedAsAnOrderWithoutLinesAndReplayedLikeAnyOther() throws SQLException {
        String id = orderId();
        String body = shop.checkout("""
                {"orderId": "%s", "cart": {"currency": "USD", "lines": []}, "customer": {"id": "u-empty"}}""".formatted(id));
        Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(201)
                .body("orderId", equalTo(id)).body("total", equalTo(new BigDecimal("0.00")));
        Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(200).body("orderId", equalTo(id));
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     SELECT (SELECT count(*) FROM orders WHERE order_id = ?), (SELECT count(*) FROM order_line WHERE order_id = ?)""")) {
            query.setString(1, id);
            query.setString(2, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1);
                assertThat(row.getInt(2)).isZero();
            }
        }
    }

    @Test
    void anOrderIsCommittedOnceAndReplayedWithItsOriginalAnswer() {
        String code = code(codePromotion("null", "{}"), "");
        String id = orderId();
        String body = order(id, code, "{\"id\": \"u-1\"}", "");
        JsonPath placed = Api.checkout().body(body).when().post("/api/v1/orders")
                .then().statusCode(201)
                .body("orderId", equalTo(id))
                .body("applied[0].code", equalTo(code))
                .body("total", equalTo(new BigDecimal("40.00")))
                .extract().jsonPath();
        Api.checkout().body(body).when().post("/api/v1/orders")
                .then().statusCode(200)
                .body("orderId", equalTo(id))
                .body("evaluatedAt", equalTo(placed.getString("evaluatedAt")));
        assertThat(uses(code)).isEqualTo(1);

        Api.checkout().body(order(id, null, "{\"id\": \"u-1\"}", "")).when().post("/api/v1/orders")
                .then().statusCode(409)
                .body("error", equalTo("ORDER_ID_CONFLICT"));
    }

    @Test
    void aRejectedCodeRefusesTheOrderAndRecordsNothing() {
        String code = code(codePromotion("null", "{\"minSubtotal\": \"100.00\"}"), "");
        String id = orderId();
        Api.checkout().body(order(id, code, "null", "")).when().post("/api/v1/orders")
                .then().statusCode(409)
                .body("error", equalTo("CODE_REJECTED"))
                .body("rejectedCodes[0].reason", equalTo("MIN_SUBTOTAL_NOT_MET"));
        assertThat(uses(code)).isZero();
        // Nothing was recorded under that id: the same id can be used for the corrected order.
        Api.checkout().body(order(id, null, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void anUnexpectedTotalRefusesTheOrder() {
        Api.checkout().body(order(orderId(), null, "null", ", \"expectedTotal\": \"49.00\"")).when().post("/api/v1/orders")
                .then().statusCode(409)
                .body("error", equalTo("TOTAL_CHANGED"))
                .body("total", equalTo(new BigDecimal("50.00")));
        Api.checkout().body(order(orderId(), null, "null", ", \"expectedTotal\": \"50.00\"")).when().post("/api/v1/orders")
                .then().statusCode(201);
    }

    @Test
    void cancellingReleasesTheCodeForTheNextOrder() {
        String code = code(codePromotion("null", "{}"), ", \"maxUses\": 1");
        String first = orderId();
        Api.checkout().body(order(first, code, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(order(orderId(), code, "null", "")).when().post("/api/v1/orders")
                .then().statusCode(409)
                .body("rejectedCodes[0].reason", equalTo("USAGE_LIMIT_REACHED"));

        Api.checkout().when().post("/api/v1/orders/" + first + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("released", equalTo(true));
        Api.checkout().when().post("/api/v1/orders/" + first + "/cancel")
                .then().statusCode(200).body("released", equalTo(false));
        assertThat(uses(code)).isZero();
        Api.checkout().body(order(orderId(), code, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().when().post("/api/v1/orders/no-such-order/cancel").then().statusCode(404);
    }

    @Test
    void theLedgerRecordsWhatEachPromotionTookOffEachLine() throws SQLException {
        String code = code(codePromotion("null", "{}"), "");
        String id = orderId();
        Api.checkout().body(shop.checkout("""
                {"orderId": "%s",
                 "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "25.00"},
                                                       {"id": "l2", "sku": "TEE", "quantity": 1, "unitPrice": "30.00"}]},
                 "customer": {"id": "u-ledger"}, "codes": ["%s"]}""".formatted(id, code)))
                .when().post("/api/v1/orders").then().statusCode(201).body("discountTotal", equalTo(new BigDecimal("10.00")));

        // 10.00 off the order, split by what each line costs: 50.00 / 80.00 and 30.00 / 80.00.
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     SELECT promotion_id, code, target, amount, line_ids, line_amounts FROM order_promotion WHERE order_id = ?""")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("code")).isEqualTo(code);
                assertThat(row.getString("target")).isEqualTo("ORDER");
                assertThat(row.getBigDecimal("amount")).isEqualByComparingTo("10.00");
                assertThat((String[]) row.getArray("line_ids").getArray()).containsExactly("l1", "l2");
                assertThat((BigDecimal[]) row.getArray("line_amounts").getArray())
                        .usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(new BigDecimal("6.25"), new BigDecimal("3.75"));
                assertThat(row.next()).isFalse();
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT line_id, amount FROM order_line_discount WHERE order_id = ? ORDER BY line_id")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("l1");
                assertThat(row.getBigDecimal(2)).isEqualByComparingTo("6.25");
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("l2");
                assertThat(row.getBigDecimal(2)).isEqualByComparingTo("3.75");
                assertThat(row.next()).isFalse();
            }
        }
    }

    @Test
    void evaluateSeesACodeUsedUpByAnOrderAndFreedByItsCancelAtOnce() {
        String code = code(codePromotion("null", "{}"), ", \"maxUses\": 1");
        String cart = order(orderId(), code, "null", "").replaceFirst("\"orderId\": \"[^\"]*\"\\s*,", "");
        // Evaluations may answer from a code this node read a moment ago; its own orders and cancels must still show.
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200)
                .body("applied[0].code", equalTo(code));

        String id = orderId();
        Api.checkout().body(order(id, code, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200)
                .body("rejectedCodes[0].reason", equalTo("USAGE_LIMIT_REACHED"));

        Api.checkout().when().post("/api/v1/orders/" + id + "/cancel").then().statusCode(200);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200)
                .body("applied[0].code", equalTo(code))
                .body("discountTotal", equalTo(new BigDecimal("10.00")));

        Api.marketer().when().post("/api/v1/codes/" + code + "/deactivate").then().statusCode(200);
        Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200)
                .body("rejectedCodes[0].reason", equalTo("INACTIVE"));
    }

    @Test
    void aReplayOfAnOrderThatUsedTheLastUseOfACodeGetsTheOriginalAnswer() {
        String code = code(codePromotion("null", "{}"), ", \"maxUses\": 1");
        String id = orderId();
        String body = order(id, code, "null", "");
        Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(body).when().post("/api/v1/orders").then().statusCode(200)
                .body("orderId", equalTo(id))
                .body("applied[0].code", equalTo(code));
    }

    @Test
    void perCustomerCountsByIdElseByNormalizedEmail() {
        String promotion = codePromotion("{\"perCustomer\": 1}", "{}");
        String code = code(promotion, "");
        Api.checkout().body(order(orderId(), code, "{\"email\": \"Ann.Lee+bf@gmail.com\"}", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(order(orderId(), code, "{\"email\": \"annlee@gmail.com\"}", "")).when().post("/api/v1/orders")
                .then().statusCode(409)
                .body("rejectedCodes[0].reason", equalTo("CUSTOMER_LIMIT_REACHED"));
        Api.checkout().body(order(orderId(), code, "{\"email\": \"bob@example.com\"}", "")).when().post("/api/v1/orders").then().statusCode(201);
        // A guest with no email cannot be counted, so cannot use it.
        Api.checkout().body(order(orderId(), code, "null", "")).when().post("/api/v1/orders")
                .then().statusCode(409).body("rejectedCodes[0].reason", equalTo("NOT_ELIGIBLE_CUSTOMER"));
    }

    @Test
    void perIpAndPerDayLimits() {
        String perIp = code(codePromotion("{\"perIp\": 1}", "{}"), "");
        Api.checkout().body(order(orderId(), perIp, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(order(orderId(), perIp, "null", "")).when().post("/api/v1/orders")
                .then().statusCode(409).body("rejectedCodes[0].reason", equalTo("IP_LIMIT_REACHED"));

        String daily = shop.promotion("""
                {"id": "%s", "name": "Daily", "trigger": "CODE", "limits": {"perDay": 1}, "schedule": {"timeZone": "Pacific/Kiritimati"},
                 "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"}}""".formatted(shop.id("daily")));
        String dailyCode = code(daily, "");
        Api.checkout().body(order(orderId(), dailyCode, "null", "")).when().post("/api/v1/orders").then().statusCode(201);
        Api.checkout().body(order(orderId(), dailyCode, "null", "")).when().post("/api/v1/orders")
                .then().statusCode(409).body("rejectedCodes[0].reason", equalTo("DAILY_LIMIT_REACHED"));
    }

    @Test
    void aBudgetGivesTheLastOrderWhatRemainsThenNothing() {
        shop.promotion("""
                {"id": "%s", "name": "Ten off while budget lasts", "limits": {"budget": "15.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("budget")));
        Api.checkout().body(order(orderId(), null, "null", "")).when().post("/api/v1/orders").then().statusCode(201)
                .body("discountTotal", equalTo(new BigDecimal("10.00")));
        Api.checkout().body(order(orderId(), null, "null", "")).when().post("/api/v1/orders").then().statusCode(201)
                .body("discountTotal", equalTo(new BigDecimal("5.00")));
        Api.checkout().body(order(orderId(), null, "null", "")).when().post("/api/v1/orders").then().statusCode(201)
                .body("discountTotal", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void recordedOrdersMakeACustomerNoLongerNew() {
        shop.promotion("""
                {"id": "%s", "name": "Welcome", "conditions": {"firstOrderOnly": true},
                 "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}""".formatted(shop.id("welcome")));
        String customer = "{\"id\": \"u-" + UUID.randomUUID() + "\"}";
        Api.checkout().body(order(orderId(), null, customer, "")).when().post("/api/v1/orders").then().statusCode(201)
                .body("applied.promotionId", hasItem(shop.id("welcome")));
        Api.checkout().body(shop.checkout(order(orderId(), null, customer, ""))).when().post("/api/v1/evaluate").then().statusCode(200)
                .body("discountTotal", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void anOrderWithoutAnIdIs422() {
        Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": []}}").when().post("/api/v1/orders")
                .then().statusCode(422).body("details[0].path", equalTo("orderId"));
    }
}
