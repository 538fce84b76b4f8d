package kupon.fraud;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Code guessing is throttled as shipped: 20 unknown codes per requester in 10 minutes, the 21st answered 429 with
 * Retry-After. Counted per IP, per normalized email, per customer id; other rejections do not count. With uniform
 * messages on, a shopper cannot tell an unknown code from an expired one by its message.
 */
@QuarkusTest
@TestProfile(FraudThrottleTest.AsShipped.class)
class FraudThrottleTest {

    /** The shipped threshold, and uniform messages on. */
    public static class AsShipped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kupon.fraud.throttle.max-attempts", "20", "kupon.fraud.uniform-messages", "true");
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response evaluate(String context, String customer, String... codes) {
        return Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}]},
                 "customer": %s, "codes": [%s], "context": %s}""".formatted(customer,
                        String.join(",", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()), context))
                .when().post("/api/v1/evaluate");
    }

    private static String ip() {
        return "{\"ip\": \"203.0.113." + (1 + new java.util.Random().nextInt(254)) + "-" + unique() + "\"}";
    }

    @Test
    void theTwentyFirstUnknownCodeFromOneIpIsAnswered429AndEveryRequestWithCodesAfterIt() {
        String ip = "{\"ip\": \"ip-" + unique() + "\"}";
        for (int i = 0; i < 20; i++) {
            evaluate(ip, "{}", "GUESS" + i + unique()).then().statusCode(200)
                    .body("rejectedCodes[0].reason", equalTo("UNKNOWN_CODE"))
                    .body("rejectedCodes[0].message", equalTo("This code cannot be used on this order."));
        }
        Response throttled = evaluate(ip, "{}", "GUESS21" + unique());
        throttled.then().statusCode(429).body("error", equalTo("TOO_MANY_CODE_ATTEMPTS"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 600);

        // Every request with a code is refused now, known code or not; without codes checkout goes on.
        evaluate(ip, "{}", "ANYTHING").then().statusCode(429);
        evaluate(ip, "{}").then().statusCode(200);
        Api.checkout().body("""
                {"orderId": "thr-%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}]},
                 "codes": ["X"], "context": %s}""".formatted(unique(), ip)).when().post("/api/v1/orders").then().statusCode(429);

        Api.admin().queryParam("type", "THROTTLED").queryParam("value", ip.substring(8, ip.length() - 2))
                .when().get("/api/v1/fraud/events").then().statusCode(200)
                .body("events.size()", equalTo(1))
                .body("events[0].subjectType", equalTo("IP"))
                .body("events[0].detail", equalTo("21 unknown codes within 10 minutes"));
    }

    @Test
    void anEmailWrittenDifferentlyFromManyAddressesIsOneRequester() {
        String user = "guesser" + unique();
        for (int i = 0; i < 20; i++) {
            String email = i % 2 == 0 ? user + "@gmail.com" : user.substring(0, 3) + "." + user.substring(3) + "+" + i + "@Gmail.com";
            evaluate(ip(), "{\"email\": \"" + email + "\"}", "GUESS" + unique()).then().statusCode(200);
        }
        evaluate(ip(), "{\"email\": \"" + user + "@gmail.com\"}", "GUESS" + unique()).then().statusCode(429);
    }

    @Test
    void aCustomerIdIsOneRequesterAndTwoUnknownCodesInOneRequestCountTwice() {
        String customer = "{\"id\": \"cust-" + unique() + "\"}";
        for (int i = 0; i < 10; i++) evaluate(ip(), customer, "A" + unique(), "B" + unique()).then().statusCode(200);
        evaluate(ip(), customer, "C" + unique()).then().statusCode(429);
    }

    @Test
    void aDeviceIsOneRequesterWhateverItsIp() {
        String device = "{\"ip\": \"%s\", \"deviceId\": \"dev-" + unique() + "\"}";
        for (int i = 0; i < 20; i++) evaluate(device.formatted("10.1.2." + i), "{}", "D" + unique()).then().statusCode(200);
        evaluate(device.formatted("10.1.3.1"), "{}", "D" + unique()).then().statusCode(429);
    }

    @Test
    void otherRejectionsDoNotCount() {
        String promotion = "thr-" + unique();
        Api.marketer().body("""
                {"id": "%s", "name": "Big spenders", "trigger": "CODE", "conditions": {"minSubtotal": "500.00"},
                 "reward": {"type": "AMOUNT_OFF", "value": "50.00", "target": "ORDER"}}""".formatted(promotion))
                .when().post("/api/v1/promotions").then().statusCode(201);
        String code = "BIG" + unique().toUpperCase();
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotion + "/codes").then().statusCode(201);
        String ip = ip();
        for (int i = 0; i < 30; i++) {
            evaluate(ip, "{}", code).then().statusCode(200)
                    .body("rejectedCodes.reason", everyItem(equalTo("MIN_SUBTOTAL_NOT_MET")))
                    .body("rejectedCodes[0].message", equalTo("This code cannot be used on this order."));
        }
    }
}
