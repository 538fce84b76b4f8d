package kupon.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import kupon.support.Api;
import kupon.support.Race;
import kupon.support.ResponseInvariants;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Usage limits written by hand in DRL ({@code .totalUses(2)}, {@code .perCustomer(1)}, {@code .budget("25.00")}, …):
 * evaluate reports them, orders count them, cancels give them back, exactly as for a JSON promotion's {@code limits}.
 * Each test uploads its rule, live only for carts sent through the test's own channel. The cart is one mug at 30.00.
 */
@QuarkusTest
public class RuleFileLimitsTest {

    /** The example of docs/rules.md "Usage limits". */
    public static final String BF_MUGS = """
            package kupon.rules.order;

            import kupon.rules.model.*;
            import kupon.rules.api.*;
            global kupon.rules.api.Actions actions;

            rule "bf-mugs-10: 10.00 off mugs with BFMUGS, once per customer, while 5000.00 last"
            when
                $code : EnteredCode( code == "BFMUGS" )
                Line( inCategory("mugs") )
            then
                actions.promotion("bf-mugs-10").name("Black Friday: 10.00 off mugs").code($code)
                       .totalUses(1000).perCustomer(1).perDay(200).timeZone("America/New_York").perIp(3).budget("5000.00")
                       .amountOffOrder("10.00");
            end
            """;

    /** Only its channel is used: the rules here are uploaded, not JSON promotions. */
    private final Scenario shop = new Scenario();
    private final List<String> files = new ArrayList<>();

    @AfterEach
    void removeRules() {
        files.forEach(file -> Api.admin().when().delete("/api/v1/rulesets/files/" + file).then().statusCode(200));
    }

    /**
     * Uploads one rule that fires for this test's carts; {@code when} adds conditions (an entered code, say) and
     * {@code then} is the consequence.
     */
    private void rule(String name, String when, String then) {
        String drl = """
                package kupon.rules.uploaded;
                import kupon.rules.model.*;
                global kupon.rules.api.Actions actions;

                rule "%s"
                when
                    Context( channel == "%s" )
                    %s
                then
                    %s
                end
                """.formatted(name, shop.channel, when, then);
        upload(drl);
    }

    /** A rule that gives {@code promotion} to carts entering {@code code}; {@code offer} follows {@code .code($code).}. */
    private void codeRule(String promotion, String code, String description, String offer) {
        rule(promotion + ": " + description, "$code : EnteredCode( code == \"" + code + "\" )",
                "actions.promotion(\"" + promotion + "\").code($code)." + offer + ";");
    }

    private void upload(String drl) {
        String file = "limits-" + shop.channel + "-" + files.size() + ".drl";
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .multiPart("file", file, drl.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", file)
                .when().post("/api/v1/rulesets").then().statusCode(201);
        files.add(file);
    }

    /** The mug cart for {@code customer} (JSON, or "null" for a guest) with {@code codes}, from one IP. */
    private String cart(String customer, String... codes) {
        return shop.checkout("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]},
                 "customer": %s, "codes": [%s], "context": {"ip": "203.0.113.9"}}"""
                .formatted(customer, codes.length == 0 ? "" : "\"" + String.join("\", \"", codes) + "\""));
    }

    private static ValidatableResponse evaluate(String cart) {
        ValidatableResponse response = Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200);
        ResponseInvariants.assertHold(response.extract().jsonPath(), false);
        return response;
    }

    private static String order(String orderId, String cart) {
        return "{\"orderId\": \"" + orderId + "\", " + cart.substring(1);
    }

    private static ValidatableResponse place(String orderId, String cart) {
        return Api.checkout().body(order(orderId, cart)).when().post("/api/v1/orders").then();
    }

    private static ValidatableResponse place(String cart) {
        return place(OrderResourceTest.orderId(), cart);
    }

    private String code(String name) {
        return name + "-" + shop.channel.substring(5).toUpperCase();
    }

    @Test
    void theGuidesExampleGivesAnnOneOrderAndBobAnother() {
        // The guide's rule with this test's own promotion id and code, so that counters left by other runs do not matter.
        String promotion = shop.id("bf-mugs-10");
        String code = code("BFMUGS");
        upload(BF_MUGS.replace("bf-mugs-10", promotion).replace("\"BFMUGS\"", "\"" + code + "\""));
        String twoMugs = """
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "categories": ["mugs"], "quantity": 2, "unitPrice": "12.00"}]},
                 "customer": %s, "codes": ["%s"], "context": {"ip": "203.0.113.9"}}""";

        place(shop.checkout(twoMugs.formatted("{\"id\": \"ann\"}", code))).statusCode(201)
                .body("applied[0].promotionId", equalTo(promotion))
                .body("applied[0].name", equalTo("Black Friday: 10.00 off mugs"))
                .body("discountTotal", equalTo(new BigDecimal("10.00")))
                .body("total", equalTo(new BigDecimal("14.00")));
        place(shop.checkout(twoMugs.formatted("{\"id\": \"ann\"}", code))).statusCode(409)
                .body("rejectedCodes[0].reason", equalTo("CUSTOMER_LIMIT_REACHED"));
        place(shop.checkout(twoMugs.formatted("{\"id\": \"bob\"}", code))).statusCode(201)
                .body("total", equalTo(new BigDecimal("14.00")));
        evaluate(shop.checkout(twoMugs.formatted("null", code))).body("rejectedCodes[0].reason", equalTo("NOT_ELIGIBLE_CUSTOMER"));
    }

    @Test
    void anAutomaticRulePromotionForTwoOrdersIsNotGivenToTheThird() {
        String promotion = shop.id("first-two");
        rule(promotion + ": 10.00 off the first two orders", "",
                "actions.promotion(\"" + promotion + "\").name(\"10.00 off\").totalUses(2).amountOffOrder(\"10.00\");");

        // Evaluating counts nothing: only orders do.
        evaluate(cart("null")).body("discountTotal", equalTo(new BigDecimal("10.00")));
        evaluate(cart("null")).body("discountTotal", equalTo(new BigDecimal("10.00")));

        place(cart("null")).statusCode(201).body("applied[0].promotionId", equalTo(promotion))
                .body("discountTotal", equalTo(new BigDecimal("10.00"))).body("total", equalTo(new BigDecimal("20.00")));
        place(cart("null")).statusCode(201).body("total", equalTo(new BigDecimal("20.00")));
        // Automatic promotions simply stop applying: the third order is placed at full price.
        place(cart("null")).statusCode(201).body("applied", empty()).body("total", equalTo(new BigDecimal("30.00")));
    }

    @Test
    void aRuleCodeForTwoOrdersIsRejectedOnTheThirdAndTheOrderRefused() {
        String promotion = shop.id("two-codes");
        String code = code("TWICE");
        codeRule(promotion, code, "10.00 off with " + code, "totalUses(2).amountOffOrder(\"10.00\")");

        place(cart("null", code)).statusCode(201).body("applied[0].code", equalTo(code)).body("total", equalTo(new BigDecimal("20.00")));
        place(cart("null", code)).statusCode(201).body("total", equalTo(new BigDecimal("20.00")));

        evaluate(cart("null", code))
                .body("discountTotal", equalTo(new BigDecimal("0.00")))
                .body("rejectedCodes", hasSize(1))
                .body("rejectedCodes[0].code", equalTo(code))
                .body("rejectedCodes[0].reason", equalTo("USAGE_LIMIT_REACHED"))
                .body("rejectedCodes[0].message", equalTo("The code " + code + " has been used up."));
        place(cart("null", code)).statusCode(409)
                .body("error", equalTo("CODE_REJECTED"))
                .body("rejectedCodes[0].reason", equalTo("USAGE_LIMIT_REACHED"));
    }

    @Test
    void oncePerCustomerCountsByIdElseByNormalizedEmailAndNeedsOne() {
        String promotion = shop.id("once-each");
        String code = code("ONCE");
        codeRule(promotion, code, "10.00 off once per customer with " + code, "perCustomer(1).amountOffOrder(\"10.00\")");

        place(cart("{\"email\": \"Ann.Lee+mugs@gmail.com\"}", code)).statusCode(201).body("total", equalTo(new BigDecimal("20.00")));
        evaluate(cart("{\"email\": \"annlee@gmail.com\"}", code))
                .body("rejectedCodes[0].reason", equalTo("CUSTOMER_LIMIT_REACHED"))
                .body("rejectedCodes[0].message", equalTo("You have already used the code " + code + " as often as it allows."));
        place(cart("{\"email\": \"annlee@gmail.com\"}", code)).statusCode(409)
                .body("rejectedCodes[0].reason", equalTo("CUSTOMER_LIMIT_REACHED"));
        place(cart("{\"id\": \"u-bob\"}", code)).statusCode(201).body("total", equalTo(new BigDecimal("20.00")));
        // A guest without an email cannot be told apart from the others.
        evaluate(cart("null", code))
                .body("rejectedCodes[0].reason", equalTo("NOT_ELIGIBLE_CUSTOMER"))
                .body("rejectedCodes[0].message", equalTo("The code " + code + " is limited per customer: sign in or give an email address to use it."));
    }

    @Test
    void perDayCountsTheCalendarDayOfTheRulesTimeZoneAndPerIpTheShoppersAddress() {
        String daily = shop.id("daily");
        String dailyCode = code("DAILY");
        codeRule(daily, dailyCode, "1.00 off, once a day in Kiritimati", "perDay(1).timeZone(\"Pacific/Kiritimati\").amountOffOrder(\"1.00\")");
        String perIp = shop.id("per-ip");
        String ipCode = code("PERIP");
        codeRule(perIp, ipCode, "1.00 off, once per network", "perIp(1).amountOffOrder(\"1.00\")");

        place(cart("null", dailyCode)).statusCode(201).body("total", equalTo(new BigDecimal("29.00")));
        place(cart("null", dailyCode)).statusCode(409).body("rejectedCodes[0].reason", equalTo("DAILY_LIMIT_REACHED"))
                .body("rejectedCodes[0].message", equalTo("The code " + dailyCode + " has been used up for today; try again tomorrow."));

        place(cart("null", ipCode)).statusCode(201).body("total", equalTo(new BigDecimal("29.00")));
        place(cart("null", ipCode)).statusCode(409).body("rejectedCodes[0].reason", equalTo("IP_LIMIT_REACHED"));
        place(cart("null", ipCode).replace("203.0.113.9", "198.51.100.7")).statusCode(201);
    }

    @Test
    void aBudgetOf25GivesTenTenFiveThenNothingAndACancelGivesTheMoneyBack() {
        String promotion = shop.id("budget");
        rule(promotion + ": 10.00 off while 25.00 last", "",
                "actions.promotion(\"" + promotion + "\").budget(\"25.00\").amountOffOrder(\"10.00\");");

        place(cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("10.00")));
        String second = OrderResourceTest.orderId();
        place(second, cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("10.00")));
        // 5.00 of the budget remain: the discount is reduced to them.
        place(cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("5.00")))
                .body("total", equalTo(new BigDecimal("25.00")));
        place(cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("0.00")));

        Api.checkout().when().post("/api/v1/orders/" + second + "/cancel").then().statusCode(200).body("released", equalTo(true));
        place(cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("10.00")));
        place(cart("null")).statusCode(201).body("discountTotal", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void anExhaustedBudgetRejectsTheCodeThatBringsIt() {
        String promotion = shop.id("budget-code");
        String code = code("BUDGET");
        rule(promotion + ": 30.00 off with " + code + " while 30.00 last", "$code : EnteredCode( code == \"" + code + "\" )",
                "actions.promotion(\"" + promotion + "\").code($code).budget(\"30.00\").amountOffOrder(\"30.00\");");

        place(cart("null", code)).statusCode(201).body("total", equalTo(new BigDecimal("0.00")));
        evaluate(cart("null", code))
                .body("rejectedCodes[0].reason", equalTo("BUDGET_EXHAUSTED"))
                .body("rejectedCodes[0].message", equalTo("The promotion behind " + code + " has run out."));
    }

    @Test
    void cancellingAnOrderReleasesItsUseForTheNextOne() {
        String promotion = shop.id("single");
        String code = code("SINGLE");
        codeRule(promotion, code, "10.00 off, one order only, with " + code, "totalUses(1).amountOffOrder(\"10.00\")");
        String first = OrderResourceTest.orderId();
        place(first, cart("null", code)).statusCode(201);
        place(cart("null", code)).statusCode(409).body("rejectedCodes[0].reason", equalTo("USAGE_LIMIT_REACHED"));

        Api.checkout().when().post("/api/v1/orders/" + first + "/cancel").then().statusCode(200).body("released", equalTo(true));

        place(cart("null", code)).statusCode(201).body("total", equalTo(new BigDecimal("20.00")));
    }

    @Test
    void twentyConcurrentOrdersAgainstFiveUsesDiscountExactlyFive() {
        String promotion = shop.id("race");
        rule(promotion + ": 10.00 off the first five orders", "",
                "actions.promotion(\"" + promotion + "\").totalUses(5).amountOffOrder(\"10.00\");");

        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20,
                i -> order("race-" + UUID.randomUUID(), cart("{\"id\": \"u-" + i + "\"}")));

        assertThat(Race.count(answers, 201)).isEqualTo(20);
        assertThat(answers).filteredOn(a -> given(a, promotion).signum() > 0).hasSize(5)
                .allSatisfy(a -> assertThat(given(a, promotion)).isEqualByComparingTo("10.00"));
    }

    @Test
    void twentyConcurrentOrdersNeverSpendABudgetOf55ByACentMore() {
        String promotion = shop.id("race-budget");
        rule(promotion + ": 10.00 off while 55.00 last", "",
                "actions.promotion(\"" + promotion + "\").budget(\"55.00\").amountOffOrder(\"10.00\");");

        List<Race.Answer> answers = Race.post("/api/v1/orders", Api.CHECKOUT_KEY, 20,
                i -> order("race-" + UUID.randomUUID(), cart("null")));

        assertThat(Race.count(answers, 201)).isEqualTo(20);
        // Five orders get 10.00, one the 5.00 left, the others nothing.
        assertThat(answers.stream().map(a -> given(a, promotion)).filter(g -> g.signum() > 0).map(BigDecimal::toPlainString).sorted())
                .containsExactly("10.00", "10.00", "10.00", "10.00", "10.00", "5.00");
    }

    private static BigDecimal given(Race.Answer answer, String promotionId) {
        JsonPath body = JsonPath.from(answer.body()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        return body.getList("applied", Map.class).stream()
                .filter(applied -> promotionId.equals(applied.get("promotionId")))
                .map(applied -> (BigDecimal) applied.get("amount"))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
