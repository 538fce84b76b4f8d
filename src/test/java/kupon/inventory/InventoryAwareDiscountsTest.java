package kupon.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Discounts that know what is in stock: an out-of-stock line is never discounted and counts toward no condition,
 * {@code availableQuantity} bounds what a gift or a buy-x-get-y gives, and a free gift out of stock (by its line, or
 * by {@code PUT /api/v1/inventory}) is not given and is reported in {@code warnings}.
 */
@QuarkusTest
class InventoryAwareDiscountsTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private static String sku(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void anOutOfStockLineIsNotDiscountedAndDoesNotCountTowardAMinimum() {
        shop.promotion("""
                {"id": "%s", "name": "20%% off orders of 50 or more", "conditions": {"minSubtotal": "50.00"},
                 "reward": {"type": "PERCENT_OFF", "value": 20, "target": "ORDER"}}""".formatted(shop.id("twenty")));
        // 40.00 in stock and 30.00 not: the minimum of 50.00 is not reached.
        JsonPath short50 = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "SCARF", "quantity": 1, "unitPrice": "40.00"},
                   {"id": "b", "sku": "GLOVES", "quantity": 1, "unitPrice": "30.00", "inStock": false}]}}""");
        assertThat(short50.getString("discountTotal")).isEqualTo("0.00");
        assertThat(short50.getString("hints[0].missing")).isEqualTo("10.00");

        // 60.00 in stock: 20% of the in-stock 60.00, nothing off the gloves.
        JsonPath reached = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "SCARF", "quantity": 1, "unitPrice": "60.00"},
                   {"id": "b", "sku": "GLOVES", "quantity": 1, "unitPrice": "30.00", "inStock": false}]}}""");
        assertThat(reached.getString("discountTotal")).isEqualTo("12.00");
        assertThat(reached.getString("lines[0].discount")).isEqualTo("12.00");
        assertThat(reached.getString("lines[1].discount")).isEqualTo("0.00");
        assertThat(reached.getString("total")).isEqualTo("78.00");
    }

    @Test
    void outOfStockUnitsAreNotBoughtTowardABuyXGetY() {
        shop.promotion("""
                {"id": "%s", "name": "Socks: buy 2, get 1 free", "reward": {"type": "BUY_X_GET_Y",
                 "buy": {"selector": {"categories": ["socks"]}, "quantity": 2},
                 "get": {"quantity": 1, "percentOff": 100, "selection": "CHEAPEST"}}}""".formatted(shop.id("socks")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "s1", "sku": "SOCK-RED", "categories": ["socks"], "quantity": 2, "unitPrice": "7.00"},
                   {"id": "s2", "sku": "SOCK-GREY", "categories": ["socks"], "quantity": 1, "unitPrice": "5.00", "inStock": false}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void availableQuantityBoundsTheUnitsABuyXGetYGivesAway() {
        shop.promotion("""
                {"id": "%s", "name": "Socks: buy 2, get 1 free", "reward": {"type": "BUY_X_GET_Y",
                 "buy": {"selector": {"categories": ["socks"]}, "quantity": 2},
                 "get": {"quantity": 1, "percentOff": 100, "selection": "CHEAPEST"}}}""".formatted(shop.id("socks")));
        String cart = """
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "COAT", "quantity": 2, "unitPrice": "50.00"},
                   {"id": "s", "sku": "SOCK-RED", "categories": ["socks"], "quantity": 6, "unitPrice": "5.00"%s}]}}""";
        assertThat(shop.evaluate(cart.formatted("")).getString("discountTotal")).isEqualTo("10.00");
        assertThat(shop.evaluate(cart.formatted(", \"availableQuantity\": 1")).getString("discountTotal")).isEqualTo("5.00");
        assertThat(shop.evaluate(cart.formatted(", \"availableQuantity\": 0")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void aGiftWhoseSkuIsOutOfStockInTheInventoryIsNotGivenAndIsReported() {
        String tote = sku("TOTE");
        String promotion = shop.promotion("""
                {"id": "%s", "name": "A tote with every order", "reward": {"type": "FREE_GIFT", "gift": {"sku": "%s", "quantity": 2}}}"""
                .formatted(shop.id("tote"), tote));
        String cart = """
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "COAT", "quantity": 1, "unitPrice": "80.00"}]}}""";

        // Never reported: taken to be in stock.
        JsonPath unknown = shop.evaluate(cart);
        assertThat(unknown.getString("gifts[0].sku")).isEqualTo(tote);
        assertThat(unknown.getInt("gifts[0].quantity")).isEqualTo(2);
        assertThat(unknown.getList("warnings")).isNull();

        putStock(tote, 1);
        JsonPath one = shop.evaluate(cart);
        assertThat(one.getInt("gifts[0].quantity")).isEqualTo(1);
        assertThat(one.getString("warnings[0].kind")).isEqualTo("GIFT_STOCK_SHORT");
        assertThat(one.getInt("warnings[0].quantity")).isEqualTo(1);

        putStock(tote, 0);
        JsonPath none = shop.evaluate(cart);
        assertThat(none.getList("gifts")).isEmpty();
        assertThat(none.getString("warnings[0].kind")).isEqualTo("GIFT_OUT_OF_STOCK");
        assertThat(none.getString("warnings[0].promotionId")).isEqualTo(promotion);
        assertThat(none.getString("warnings[0].sku")).isEqualTo(tote);
        assertThat(none.getString("warnings[0].quantity")).isNull();
    }

    @Test
    void aGiftInTheCartOnALineOutOfStockIsNotDiscountedAndIsReported() {
        shop.promotion("""
                {"id": "%s", "name": "Free tote", "reward": {"type": "FREE_GIFT", "gift": {"sku": "TOTE-1", "quantity": 1}}}"""
                .formatted(shop.id("tote")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "COAT", "quantity": 1, "unitPrice": "80.00"},
                   {"id": "t", "sku": "TOTE-1", "quantity": 1, "unitPrice": "8.00", "inStock": false}]}}""");
        assertThat(r.getString("lines[1].discount")).isEqualTo("0.00");
        assertThat(r.getList("gifts")).isEmpty();
        assertThat(r.getString("warnings[0].kind")).isEqualTo("GIFT_OUT_OF_STOCK");
    }

    @Test
    void tenThousandSkusAreStoredInOneCallAndReadBack() {
        String prefix = sku("BULK");
        String items = IntStream.range(0, 10_000).mapToObj(i -> "{\"sku\": \"" + prefix + "-" + i + "\", \"available\": " + (i % 7) + "}")
                .collect(Collectors.joining(","));
        Api.marketer().body("{\"items\": [" + items + "]}").when().put("/api/v1/inventory")
                .then().statusCode(200).body("items", equalTo(10_000));
        Api.marketer().when().get("/api/v1/inventory/" + prefix + "-9999").then().statusCode(200)
                .body("sku", equalTo(prefix + "-9999")).body("available", equalTo(9999 % 7));
    }

    @Test
    void badInventoryUpdatesAreRefusedAtTheirFieldAndStoreNothing() {
        String first = sku("BAD");
        Api.marketer().body("{\"items\": [{\"sku\": \"" + first + "\", \"available\": 3}, {\"sku\": \"X\", \"available\": -1}]}")
                .when().put("/api/v1/inventory").then().statusCode(422)
                .body("details[0].path", equalTo("items[1].available"));
        Api.marketer().when().get("/api/v1/inventory/" + first).then().statusCode(404);
        Api.marketer().body("{\"items\": [{\"available\": 3}]}").when().put("/api/v1/inventory").then().statusCode(422)
                .body("details[0].path", equalTo("items[0].sku"));
        Api.marketer().body("{}").when().put("/api/v1/inventory").then().statusCode(422).body("details[0].path", equalTo("items"));
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{\"sku\": \"S" + i + "\", \"available\": 1}").collect(Collectors.joining(","));
        Api.marketer().body("{\"items\": [" + tooMany + "]}").when().put("/api/v1/inventory").then().statusCode(422)
                .body("details[0].path", equalTo("items"));
        Api.checkout().body("{\"items\": []}").when().put("/api/v1/inventory").then().statusCode(403);
    }

    @Test
    void aNegativeAvailableQuantityOnALineIsRefusedAtItsField() {
        Api.checkout().body("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "8.00", "availableQuantity": -2}]}}""")
                .when().post("/api/v1/evaluate").then().statusCode(422)
                .body("details[0].path", equalTo("cart.lines[0].availableQuantity"));
    }

    private static void putStock(String sku, int available) {
        Api.marketer().body("{\"items\": [{\"sku\": \"" + sku + "\", \"available\": " + available + "}]}")
                .when().put("/api/v1/inventory").then().statusCode(200);
    }
}
