package kupon.orders;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Race;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * "One per household" and "one per device": {@code limits.perAddress} counts orders by the shipping address
 * normalized (however it is written), {@code limits.perDevice} by {@code context.deviceId}; under concurrent orders
 * from new accounts the limit holds exactly, and a shopper who gives no address or device does not get the promotion.
 */
@QuarkusTest
class HouseholdLimitsTest {

    private static final String[] ONE_HOUSEHOLD = {
            "\"line1\": \"12 Main Street\", \"line2\": \"Apartment 4-B\", \"postalCode\": \"94105-1234\"",
            "\"line1\": \"12 main st #4b\", \"postalCode\": \"94105\"",
            "\"line1\": \"12 MAIN ST.\", \"line2\": \"Unit 4B\", \"postalCode\": \"94105\"",
            "\"line1\": \"12  Main  St,  Apt 4b\", \"postalCode\": \" 94105 \""};

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String order(String customer, String address, String device) {
        return shop.checkout("""
                {"orderId": "hh-%s",
                 "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}],
                          "shipping": {"method": "standard", "price": "5.00", "country": "US" %s}},
                 "customer": {"id": "%s"}, "context": {"ip": "203.0.113.5" %s}}""".formatted(UUID.randomUUID(),
                address == null ? "" : ", \"address\": {" + address + ", \"country\": \"US\"}", customer,
                device == null ? "" : ", \"deviceId\": \"" + device + "\""));
    }

    private String welcome(String limits) {
        return shop.promotion("""
                {"id": "%s", "name": "Welcome: 10.00 off", "limits": %s,
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("welcome"), limits));
    }

    private static BigDecimal discount(Race.Answer answer) {
        return io.restassured.path.json.JsonPath.from(answer.body()).getObject("discountTotal", BigDecimal.class);
    }

    @Test
    void twentyNewAccountsAtOneAddressWrittenFourWaysGetTheWelcomeOfferTwice() {
        welcome("{\"perAddress\": 2}");
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20,
                i -> order("new-" + UUID.randomUUID(), ONE_HOUSEHOLD[i % 4], null));
        assertThat(Race.count(answers, 201)).isEqualTo(20);
        assertThat(answers.stream().filter(a -> discount(a).compareTo(new BigDecimal("10.00")) == 0)).hasSize(2);

        // The next door flat is another household.
        Api.checkout().body(order("neighbour-" + UUID.randomUUID(), "\"line1\": \"12 Main St\", \"line2\": \"Apt 4C\", \"postalCode\": \"94105\"", null))
                .when().post("/api/v1/evaluate").then().statusCode(200).body("discountTotal", equalTo(new BigDecimal("10.00")));
    }

    @Test
    void oneDeviceGetsTheOfferOnceWhateverTheAccount() {
        String device = "device-" + UUID.randomUUID();
        welcome("{\"perDevice\": 1}");
        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 15,
                i -> order("acct-" + UUID.randomUUID(), null, device));
        assertThat(Race.count(answers, 201)).isEqualTo(15);
        assertThat(answers.stream().filter(a -> discount(a).signum() > 0)).hasSize(1);
    }

    @Test
    void withoutAnAddressOrADeviceAHouseholdLimitedPromotionDoesNotApply() {
        welcome("{\"perAddress\": 1, \"perDevice\": 1}");
        Api.checkout().body(order("guest-" + UUID.randomUUID(), null, "device-" + UUID.randomUUID()))
                .when().post("/api/v1/evaluate").then().statusCode(200).body("discountTotal", equalTo(new BigDecimal("0.00")));
        Api.checkout().body(order("guest-" + UUID.randomUUID(), ONE_HOUSEHOLD[0].replace("12 Main", "99 Other"), "device-" + UUID.randomUUID()))
                .when().post("/api/v1/evaluate").then().statusCode(200).body("discountTotal", equalTo(new BigDecimal("10.00")));
    }

    @Test
    void aBadAddressOrDeviceIsRefusedAtItsField() {
        String address = order("x", "\"line1\": \"1 Main St\"", null);
        assertThat(address).contains("\"country\":\"US\"}}");
        Api.checkout().body(address.replace("\"country\":\"US\"}}", "\"country\":\"USA\"}}"))
                .when().post("/api/v1/orders").then().statusCode(422)
                .body("details[0].path", equalTo("cart.shipping.address.country"));
        Api.checkout().body(order("x", null, "d".repeat(200))).when().post("/api/v1/orders").then().statusCode(422)
                .body("details[0].path", equalTo("context.deviceId"));
    }
}
