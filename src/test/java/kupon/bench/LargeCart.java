package kupon.bench;

import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.PricingCart;
import kupon.pricing.PricingLine;
import kupon.pricing.PricingShipping;
import kupon.pricing.Reward;
import kupon.pricing.Target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The large cart of the cost issue: 500 lines of 100 units each (about 58 KB of JSON), over five categories, and
 * four promotions that touch its lines: 15% off one category, buy 2 get 1 half price in another (no limit on
 * applications, so thousands of them), volume tiers by line quantity in a third, and 25.00 off the order. The
 * same cart and promotions are given as evaluate JSON for the service and as pricing input for the engine alone.
 */
final class LargeCart {

    static final int LINES = 500;
    static final int QUANTITY = 100;

    /** The promotions as a marketer POSTs them. */
    static final List<String> PROMOTIONS = List.of(
            """
            {"id": "cart-cat0-15", "name": "15% off cat-0", "priority": 40,
             "reward": {"type": "PERCENT_OFF", "value": 15, "target": "ITEMS", "items": {"categories": ["cat-0"]}}}""",
            """
            {"id": "cart-cat1-b2g1", "name": "cat-1: buy 2, get 1 half price", "priority": 30,
             "reward": {"type": "BUY_X_GET_Y", "buy": {"selector": {"categories": ["cat-1"]}, "quantity": 2},
                        "get": {"quantity": 1, "percentOff": 50, "selection": "CHEAPEST"}}}""",
            """
            {"id": "cart-cat2-volume", "name": "cat-2: 5% off 10, 10% off 50 or more", "priority": 20,
             "reward": {"type": "TIERED", "basis": "LINE_QUANTITY", "valueType": "PERCENT", "items": {"categories": ["cat-2"]},
                        "tiers": [{"min": 10, "value": 5}, {"min": 50, "value": 10}]}}""",
            """
            {"id": "cart-order-25", "name": "25.00 off orders of 100.00", "priority": 10,
             "conditions": {"minSubtotal": "100.00"}, "reward": {"type": "AMOUNT_OFF", "value": "25.00", "target": "ORDER"}}""");

    private LargeCart() {
    }

    private static String category(int line) {
        return "cat-" + line % 5;
    }

    /** Prices from 1.00 to 50.99, several lines sharing each, so ties between lines are exercised too. */
    private static String price(int line) {
        int cents = 100 + (line * 7919) % 5000;
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    /** The evaluate body. */
    static String json() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            if (i > 1) lines.append(",\n");
            lines.append(String.format(Locale.ROOT,
                    "{\"id\": \"l%03d\", \"sku\": \"SKU-%03d\", \"categories\": [\"%s\"], \"brand\": \"brand-%d\", "
                            + "\"quantity\": %d, \"unitPrice\": \"%s\"}",
                    i, i, category(i), i % 10, QUANTITY, price(i)));
        }
        return """
                {"cart": {"id": "cart-large", "currency": "USD", "lines": [
                %s],
                  "shipping": {"method": "standard", "price": "5.99", "country": "US"}},
                 "customer": {"id": "u-large", "country": "US"}}""".formatted(lines);
    }

    /** The same cart as the pricing core sees it. */
    static PricingCart pricingCart() {
        List<PricingLine> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            lines.add(new PricingLine(String.format(Locale.ROOT, "l%03d", i), String.format(Locale.ROOT, "SKU-%03d", i),
                    null, List.of(category(i)), "brand-" + i % 10, List.of(), QUANTITY, new BigDecimal(price(i)),
                    false, true, null, null, null));
        }
        return new PricingCart(Currency.getInstance("USD"), false, lines, new PricingShipping(new BigDecimal("5.99"), null));
    }

    /** The same promotions as offers. */
    static List<Offer> offers() {
        return List.of(
                Offer.of("cart-cat0-15", 40, new Reward.PercentOff(BigDecimal.valueOf(15), Target.ITEMS,
                        LineSelector.categories("cat-0"), null, null)),
                Offer.of("cart-cat1-b2g1", 30, new Reward.BuyXGetY(LineSelector.categories("cat-1"), 2, null, 1,
                        BigDecimal.valueOf(50), null, Reward.Selection.CHEAPEST, null)),
                Offer.of("cart-cat2-volume", 20, new Reward.Tiered(Reward.TierBasis.LINE_QUANTITY,
                        List.of(new Reward.Tier(BigDecimal.TEN, BigDecimal.valueOf(5)),
                                new Reward.Tier(BigDecimal.valueOf(50), BigDecimal.TEN)),
                        Reward.ValueType.PERCENT, Target.ITEMS, LineSelector.categories("cat-2"))),
                new Offer("cart-order-25", "25.00 off orders of 100.00", null, 10, false, false, Offer.Combination.ALL,
                        Conditions.minSubtotal(new BigDecimal("100.00")),
                        new Reward.AmountOff(new BigDecimal("25.00"), Target.ORDER, null, null, null), null, null));
    }
}
