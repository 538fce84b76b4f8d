package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.ResponseInvariants;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random carts through the real endpoint, the shipped rules and a mix of JSON promotions: every answer
 * keeps the money invariants of the contract, and reordering the lines changes nothing.
 */
@QuarkusTest
class RandomCartsInvariantsTest {

    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "KWD"};
    private static final String[] CATEGORIES = {"electronics", "shoes", "socks", "books", "toys"};
    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void invariantsHoldAndLineOrderDoesNotMatter() {
        shop.promotion("""
                {"id": "%s", "name": "Shoes 15%%", "priority": 50, "reward": {"type": "PERCENT_OFF", "value": 15, "items": {"categories": ["shoes"]}}}"""
                .formatted(shop.id("shoes")));
        shop.promotion("""
                {"id": "%s", "name": "Socks 3 for 2", "reward": {"type": "BUY_X_GET_Y", "buy": {"selector": {"categories": ["socks"]}, "quantity": 2},
                 "get": {"quantity": 1}}}""".formatted(shop.id("socks")));
        shop.promotion("""
                {"id": "%s", "name": "7 off orders over 40", "priority": 10, "conditions": {"minSubtotal": "40"},
                 "reward": {"type": "AMOUNT_OFF", "value": "7", "target": "ORDER"}}""".formatted(shop.id("seven")));
        shop.promotion("""
                {"id": "%s", "name": "Free shipping", "reward": {"type": "FREE_SHIPPING", "value": 50}}""".formatted(shop.id("ship")));
        shop.promotion("""
                {"id": "%s", "name": "Books tiers", "reward": {"type": "TIERED", "basis": "QUANTITY", "items": {"categories": ["books"]},
                 "tiers": [{"min": 2, "value": 5}, {"min": 4, "value": 12}]}}""".formatted(shop.id("books")));

        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            boolean gross = random.nextInt(4) == 0;
            List<String> lines = new ArrayList<>();
            List<String> outOfStock = new ArrayList<>();
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            int scale = Currency.getInstance(currency).getDefaultFractionDigits();
            for (int l = 0; l < 1 + random.nextInt(7); l++) {
                BigDecimal price = BigDecimal.valueOf(random.nextInt(20_000) + 1, 2).setScale(scale, RoundingMode.DOWN).max(BigDecimal.ONE);
                String floor = random.nextInt(5) == 0 ? ", \"floorPrice\": \"" + price.multiply(new BigDecimal("0.9")).setScale(scale, RoundingMode.DOWN) + "\"" : "";
                String tax = random.nextBoolean() ? ", \"taxRate\": \"0.2\"" : "";
                int stockKind = random.nextInt(10);
                String stock = stockKind == 0 ? ", \"inStock\": false" : stockKind == 1 ? ", \"availableQuantity\": " + random.nextInt(3) : "";
                if (stockKind == 0) outOfStock.add("l" + l);
                lines.add("{\"id\": \"l%d\", \"sku\": \"S%d\", \"categories\": [\"%s\"], \"quantity\": %d, \"unitPrice\": \"%s\", \"discountable\": %s%s%s%s}"
                        .formatted(l, random.nextInt(5), CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(4),
                                price.toPlainString(), random.nextInt(8) != 0, floor, tax, stock));
            }
            String shipping = random.nextBoolean() ? ", \"shipping\": {\"price\": \"" + BigDecimal.valueOf(random.nextInt(900) + 100, 2).setScale(scale, RoundingMode.DOWN) + "\", \"taxRate\": \"0.1\"}" : "";
            String context = random.nextBoolean() ? "web" : null;
            String body = cart(currency, gross, lines, shipping, random.nextBoolean());
            JsonPath answer = evaluate(body, context, gross, seed);
            for (String id : outOfStock) {
                assertThat(new BigDecimal(byLine(answer).get(id)).signum()).as("seed %d: out-of-stock line %s is not discounted", seed, id).isZero();
            }
            List<String> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, random);
            JsonPath again = evaluate(cart(currency, gross, shuffled, shipping, body.contains("GOLDSHIP")), context, gross, seed);
            assertThat(again.getString("total")).as("seed %d: same total whatever the line order", seed).isEqualTo(answer.getString("total"));
            assertThat(byLine(again)).as("seed %d: same discount per line", seed).isEqualTo(byLine(answer));
        }
    }

    private String cart(String currency, boolean gross, List<String> lines, String shipping, boolean goldship) {
        return """
                {"cart": {"currency": "%s", "pricesIncludeTax": %s, "lines": [%s]%s},
                 "customer": {"segments": ["loyalty-gold"]}, "codes": %s}"""
                .formatted(currency, gross, String.join(",", lines), shipping, goldship ? "[\"GOLDSHIP\"]" : "[]");
    }

    private JsonPath evaluate(String body, String channel, boolean gross, long seed) {
        String withChannel = channel == null ? shop.checkout(body) : body.replaceFirst("\\}$", ", \"context\": {\"channel\": \"web\"}}");
        JsonPath answer = Api.checkout().body(withChannel).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
        try {
            ResponseInvariants.assertHold(answer, gross);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ", cart " + withChannel + "\n" + answer.prettify(), e);
        }
        return answer;
    }

    private static Map<String, String> byLine(JsonPath answer) {
        Map<String, String> discounts = new TreeMap<>();
        List<Map<String, Object>> lines = answer.getList("lines");
        lines.forEach(l -> discounts.put((String) l.get("id"), String.valueOf(l.get("discount"))));
        return discounts;
    }
}
