package kupon.fraud;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kupon.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Blocks: an admin blocks an IP, email, customer or device; its codes are refused as BLOCKED until the block goes. */
@QuarkusTest
class FraudBlocksTest {

    private final String id = "blk-" + UUID.randomUUID().toString().substring(0, 8);
    private final String code = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeEach
    void aCodeWorthFiveOff() {
        Api.marketer().body("""
                {"id": "%s", "name": "Five off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                .formatted(id)).when().post("/api/v1/promotions").then().statusCode(201);
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + id + "/codes").then().statusCode(201);
    }

    private ValidatableResponse evaluate(String customer, String ip) {
        return Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}]},
                 "customer": %s, "codes": ["%s"], "context": {"ip": "%s"}}""".formatted(customer, code.toLowerCase(), ip))
                .when().post("/api/v1/evaluate").then().statusCode(200);
    }

    private String block(String type, String value) {
        return Api.admin().body("{\"type\": \"" + type + "\", \"value\": \"" + value + "\", \"reason\": \"chargebacks\"}")
                .when().post("/api/v1/fraud/blocks").then().statusCode(201)
                .body("id", notNullValue()).body("type", equalTo(type)).body("until", nullValue())
                .extract().path("id");
    }

    @Test
    void aBlockedIpsCodesAreRefusedUntilTheBlockIsRemoved() {
        String ip = "ip-" + id;
        evaluate("{}", ip).body("discountTotal", equalTo(new BigDecimal("5.00")));

        String block = block("IP", ip);
        evaluate("{}", ip)
                .body("discountTotal", equalTo(new BigDecimal("0.00")))
                .body("rejectedCodes[0].code", equalTo(code))
                .body("rejectedCodes[0].reason", equalTo("BLOCKED"))
                .body("rejectedCodes[0].message", equalTo("This code cannot be used on this order."));
        evaluate("{}", "another-" + ip).body("discountTotal", equalTo(new BigDecimal("5.00")));
        Api.checkout().body("""
                {"orderId": "blk-%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}]},
                 "codes": ["%s"], "context": {"ip": "%s"}}""".formatted(id, code, ip))
                .when().post("/api/v1/orders").then().statusCode(409)
                .body("error", equalTo("CODE_REJECTED"))
                .body("rejectedCodes[0].reason", equalTo("BLOCKED"));
        Api.admin().when().get("/api/v1/fraud/blocks").then().statusCode(200).body("id", hasItem(block));

        Api.admin().when().delete("/api/v1/fraud/blocks/" + block).then().statusCode(204);
        evaluate("{}", ip).body("discountTotal", equalTo(new BigDecimal("5.00")));
        Api.admin().when().get("/api/v1/fraud/blocks").then().body("id", not(hasItem(block)));
        Api.admin().when().delete("/api/v1/fraud/blocks/" + block).then().statusCode(404);
        Api.admin().queryParam("value", ip).when().get("/api/v1/fraud/events").then().statusCode(200)
                .body("events.type", equalTo(java.util.List.of("UNBLOCKED", "BLOCKED")));
    }

    @Test
    void anEmailIsBlockedHoweverItIsWritten() {
        String user = "block" + id.substring(4);
        block("EMAIL", user.substring(0, 2) + "." + user.substring(2) + "+promo@GMAIL.com");
        evaluate("{\"email\": \"" + user + "@gmail.com\"}", "ip-" + id).body("rejectedCodes[0].reason", equalTo("BLOCKED"));
        evaluate("{\"email\": \"other-" + user + "@gmail.com\"}", "ip-" + id).body("rejectedCodes", equalTo(java.util.List.of()));
    }

    @Test
    void aBlockedCustomerStillGetsAutomaticPromotionsButNoCode() {
        String automatic = id + "-auto";
        Api.marketer().body("""
                {"id": "%s", "name": "Mugs 10%%", "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["MUG-%s"]}}}"""
                .formatted(automatic, id)).when().post("/api/v1/promotions").then().statusCode(201);
        block("CUSTOMER", "cust-" + id);
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG-%s", "quantity": 1, "unitPrice": "20.00"}]},
                 "customer": {"id": "cust-%s"}, "codes": ["%s"]}""".formatted(id, id, code))
                .when().post("/api/v1/evaluate").then().statusCode(200)
                .body("applied.promotionId", equalTo(java.util.List.of(automatic)))
                .body("rejectedCodes[0].reason", equalTo("BLOCKED"));
        Api.marketer().when().delete("/api/v1/promotions/" + automatic);
    }

    @Test
    void aHouseholdIsBlockedByItsAddressHashHoweverTheAddressIsWritten() {
        String hash = kupon.customers.HouseholdAddress.hash("7 Elm Drive", "Suite 200", "94105", null, null, "US");
        block("ADDRESS", hash);
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}],
                          "shipping": {"price": "5.00", "country": "US",
                                       "address": {"line1": "7 elm dr", "line2": "ste 200", "postalCode": "94105-0001", "country": "US"}}},
                 "codes": ["%s"]}""".formatted(code))
                .when().post("/api/v1/evaluate").then().statusCode(200).body("rejectedCodes[0].reason", equalTo("BLOCKED"));
    }

    @Test
    void aBadBlockIsRefusedAtItsField() {
        Api.admin().body("{\"type\": \"PHONE\", \"value\": \"1\"}").when().post("/api/v1/fraud/blocks").then().statusCode(422)
                .body("details[0].path", equalTo("type"));
        Api.admin().body("{\"type\": \"IP\"}").when().post("/api/v1/fraud/blocks").then().statusCode(422)
                .body("details[0].path", equalTo("value"));
        Api.admin().body("{\"type\": \"IP\", \"value\": \"1.2.3.4\", \"until\": \"2020-01-01T00:00:00Z\"}")
                .when().post("/api/v1/fraud/blocks").then().statusCode(422).body("details[0].path", equalTo("until"));
        Api.admin().body("{\"type\": \"ADDRESS\", \"value\": \"1 Main St\"}").when().post("/api/v1/fraud/blocks").then().statusCode(422)
                .body("details[0].path", equalTo("value"));
        Api.admin().queryParam("limit", "0").when().get("/api/v1/fraud/events").then().statusCode(400)
                .body("details[0].path", equalTo("limit"));
        Api.admin().queryParam("from", "yesterday").when().get("/api/v1/fraud/events").then().statusCode(400)
                .body("details[0].path", equalTo("from"));
        Api.marketer().when().get("/api/v1/fraud/blocks").then().statusCode(403);
        Api.checkout().body("{\"type\": \"IP\", \"value\": \"1.2.3.4\"}").when().post("/api/v1/fraud/blocks").then().statusCode(403);
    }

    @Test
    void eventsArePagedNewestFirst() {
        for (int i = 0; i < 3; i++) block("DEVICE", "dev-" + id + "-" + i);
        var first = Api.admin().queryParam("type", "BLOCKED").queryParam("limit", 2).when().get("/api/v1/fraud/events")
                .then().statusCode(200).body("events.size()", equalTo(2)).extract().jsonPath();
        long next = first.getLong("next");
        Api.admin().queryParam("type", "BLOCKED").queryParam("limit", 2).queryParam("before", next).when().get("/api/v1/fraud/events")
                .then().statusCode(200).body("events[0].id", org.hamcrest.Matchers.lessThan((int) next));
    }
}
