package kupon.promotions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reward type as a marketer writes it in JSON, with a cart and the exact amounts it gets. */
@QuarkusTest
class RewardExamplesTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void percentOffItems_20PercentOffShoes() {
        String id = shop.promotion("""
                {"id": "%s", "name": "20%% off shoes",
                 "reward": {"type": "PERCENT_OFF", "value": 20, "target": "ITEMS", "items": {"categories": ["shoes"]}}}"""
                .formatted(shop.id("shoes-20")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "shoe", "sku": "SHOE-RED-42", "categories": ["shoes"], "quantity": 2, "unitPrice": "50.00"},
                   {"id": "sock", "sku": "SOCK-1", "categories": ["socks"], "quantity": 1, "unitPrice": "10.00"}]}}""");
        assertThat(r.getString("applied[0].promotionId")).isEqualTo(id);
        assertThat(r.getString("lines[0].discount")).isEqualTo("20.00");
        assertThat(r.getString("lines[1].discount")).isEqualTo("0.00");
        assertThat(r.getString("total")).isEqualTo("90.00");
    }

    @Test
    void percentOffOrder_isRoundedOnceThenAllocated() {
        shop.promotion("""
                {"id": "%s", "name": "10%% off everything", "reward": {"type": "PERCENT_OFF", "value": 10, "target": "ORDER"}}"""
                .formatted(shop.id("order-10")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "A", "quantity": 1, "unitPrice": "33.33"},
                   {"id": "b", "sku": "B", "quantity": 1, "unitPrice": "33.33"},
                   {"id": "c", "sku": "C", "quantity": 1, "unitPrice": "33.34"}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("10.00");
        assertThat(r.getList("lines.discount").toString()).isEqualTo("[3.33, 3.33, 3.34]");
        assertThat(r.getString("applied[0].target")).isEqualTo("ORDER");
    }

    @Test
    void amountOffAcross_20SpreadOverThreeEqualLines() {
        shop.promotion("""
                {"id": "%s", "name": "20.00 off", "reward": {"type": "AMOUNT_OFF", "value": "20.00", "target": "ITEMS", "allocation": "ACROSS"}}"""
                .formatted(shop.id("twenty-off")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "A", "quantity": 1, "unitPrice": "10.00"},
                   {"id": "b", "sku": "B", "quantity": 1, "unitPrice": "10.00"},
                   {"id": "c", "sku": "C", "quantity": 1, "unitPrice": "10.00"}]}}""");
        assertThat(r.getList("lines.discount").toString()).isEqualTo("[6.67, 6.67, 6.66]");
    }

    @Test
    void amountOffEach_2OffAtMostTwoMugsPerLine() {
        shop.promotion("""
                {"id": "%s", "name": "2.00 off mugs", "reward": {"type": "AMOUNT_OFF", "value": "2.00", "allocation": "EACH",
                 "maxQuantity": 2, "items": {"skus": ["MUG"]}}}""".formatted(shop.id("mugs-2")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "m", "sku": "MUG", "quantity": 3, "unitPrice": "12.00"}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("4.00");
        assertThat(r.getString("total")).isEqualTo("32.00");
    }

    @Test
    void fixedPriceBundle_threeMugsFor10() {
        shop.promotion("""
                {"id": "%s", "name": "3 mugs for 10.00", "reward": {"type": "FIXED_PRICE", "value": "10.00", "bundleQuantity": 3,
                 "items": {"skus": ["MUG"]}}}""".formatted(shop.id("mugs-3-for-10")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "m", "sku": "MUG", "quantity": 4, "unitPrice": "4.00"}]}}""");
        // Three mugs cost 10.00 instead of 12.00; the fourth keeps its price.
        assertThat(r.getString("discountTotal")).isEqualTo("2.00");
        assertThat(r.getString("total")).isEqualTo("14.00");
    }

    @Test
    void fixedPricePerUnit_everyTeeFor9_99() {
        shop.promotion("""
                {"id": "%s", "name": "Tees 9.99", "reward": {"type": "FIXED_PRICE", "value": "9.99", "items": {"categories": ["tees"]}}}"""
                .formatted(shop.id("tees-999")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "t", "sku": "TEE", "categories": ["tees"], "quantity": 2, "unitPrice": "15.00"}]}}""");
        assertThat(r.getString("total")).isEqualTo("19.98");
    }

    @Test
    void freeShipping_overFifty() {
        shop.promotion("""
                {"id": "%s", "name": "Free shipping over 50", "conditions": {"minSubtotal": "50.00"},
                 "reward": {"type": "FREE_SHIPPING", "target": "SHIPPING"}}""".formatted(shop.id("free-ship-50")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "60.00"}],
                          "shipping": {"price": "5.00"}}}""");
        assertThat(r.getString("shippingDiscount")).isEqualTo("5.00");
        assertThat(r.getString("applied[0].target")).isEqualTo("SHIPPING");
        assertThat(r.getString("total")).isEqualTo("60.00");
    }

    @Test
    void buyTwoGetOne_theCheapestSockIsFree() {
        shop.promotion("""
                {"id": "%s", "name": "Socks: buy 2, get 1 free", "reward": {"type": "BUY_X_GET_Y",
                 "buy": {"selector": {"categories": ["socks"]}, "quantity": 2},
                 "get": {"quantity": 1, "percentOff": 100, "selection": "CHEAPEST"}}}""".formatted(shop.id("socks-3-for-2")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "s1", "sku": "SOCK-RED", "categories": ["socks"], "quantity": 1, "unitPrice": "7.00"},
                   {"id": "s2", "sku": "SOCK-BLUE", "categories": ["socks"], "quantity": 1, "unitPrice": "6.00"},
                   {"id": "s3", "sku": "SOCK-GREY", "categories": ["socks"], "quantity": 1, "unitPrice": "5.00"}]}}""");
        assertThat(r.getString("lines[2].discount")).isEqualTo("5.00");
        assertThat(r.getString("discountTotal")).isEqualTo("5.00");
    }

    @Test
    void tieredBySubtotal_theHighestTierReachedApplies() {
        shop.promotion("""
                {"id": "%s", "name": "Spend more, save more", "reward": {"type": "TIERED", "basis": "SUBTOTAL", "valueType": "PERCENT",
                 "target": "ORDER", "tiers": [{"min": 100, "value": 10}, {"min": 200, "value": 20}]}}""".formatted(shop.id("tiers")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "250.00"}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("50.00");

        JsonPath lower = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "150.00"}]}}""");
        assertThat(lower.getString("discountTotal")).isEqualTo("15.00");
        assertThat(lower.getString("hints[0].kind")).isEqualTo("MIN_SUBTOTAL");
        assertThat(lower.getString("hints[0].missing")).isEqualTo("50.00");
    }

    @Test
    void tieredByLineQuantity_volumeDiscountPerLine() {
        shop.promotion("""
                {"id": "%s", "name": "Volume pens", "reward": {"type": "TIERED", "basis": "LINE_QUANTITY", "valueType": "PERCENT",
                 "items": {"skus": ["PEN"]}, "tiers": [{"min": 10, "value": 5}, {"min": 50, "value": 10}]}}""".formatted(shop.id("pens")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "p", "sku": "PEN", "quantity": 50, "unitPrice": "1.00"}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("5.00");
    }

    @Test
    void freeGift_theToteInTheCartCostsNothing() {
        String id = shop.promotion("""
                {"id": "%s", "name": "Free tote", "conditions": {"minSubtotal": "30.00"},
                 "reward": {"type": "FREE_GIFT", "gift": {"sku": "TOTE-1", "quantity": 1}}}""".formatted(shop.id("tote")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "A", "quantity": 1, "unitPrice": "40.00"},
                   {"id": "t", "sku": "TOTE-1", "quantity": 1, "unitPrice": "8.00"}]}}""");
        assertThat(r.getString("gifts[0].promotionId")).isEqualTo(id);
        assertThat(r.getString("gifts[0].sku")).isEqualTo("TOTE-1");
        assertThat(r.getString("lines[1].discount")).isEqualTo("8.00");
    }

    @Test
    void maxAmount_capsWhatOnePromotionGives() {
        shop.promotion("""
                {"id": "%s", "name": "50%% off, at most 30.00", "reward": {"type": "PERCENT_OFF", "value": 50, "target": "ORDER",
                 "maxAmount": "30.00"}}""".formatted(shop.id("half-capped")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "100.00"}]}}""");
        assertThat(r.getString("discountTotal")).isEqualTo("30.00");
    }

    @Test
    void excludedBrandsAndSaleItemsAreNotDiscounted() {
        shop.promotion("""
                {"id": "%s", "name": "20%% off shoes", "reward": {"type": "PERCENT_OFF", "value": 20,
                 "items": {"categories": ["shoes"], "excludeBrands": ["luxe"], "excludeOnSale": true}}}""".formatted(shop.id("shoes-x")));
        JsonPath r = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [
                   {"id": "a", "sku": "A", "categories": ["shoes"], "brand": "acme", "quantity": 1, "unitPrice": "50.00"},
                   {"id": "b", "sku": "B", "categories": ["shoes"], "brand": "luxe", "quantity": 1, "unitPrice": "300.00"},
                   {"id": "c", "sku": "C", "categories": ["shoes"], "brand": "acme", "onSale": true, "quantity": 1, "unitPrice": "40.00"}]}}""");
        assertThat(r.getList("lines.discount").toString()).isEqualTo("[10.00, 0.00, 0.00]");
    }
}
