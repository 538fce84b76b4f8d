package kupon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shop the benchmark evaluates against: a catalogue of categories and SKUs, a realistic mix of JSON
 * promotions over it, and 20-line carts drawn from it. Everything is derived from the promotion count and a
 * fixed seed, so two runs send exactly the same promotions and carts.
 *
 * <p>With n promotions the catalogue has n categories ({@code c00042}) of five SKUs each
 * ({@code S-c00042-0} … {@code -4}), spread over 20 departments and 50 brands. Nearly every promotion
 * targets its own category (or two SKUs of it), so a cart of 20 lines drawn uniformly from the catalogue
 * meets about the same number of candidate promotions whatever n is, which is what a catalogue index must
 * achieve. A handful of promotions concern every cart (free shipping over 75.00, spend-more tiers, a free
 * gift, a segment-only order discount), and one promotion is triggered by the code {@link #CODE}.
 */
final class BenchCatalog {

    /** The code every benchmark cart enters; created through {@code POST /api/v1/promotions/{id}/codes}. */
    static final String CODE = "BENCH10";
    static final String CODE_PROMOTION_ID = "bench-code-10";
    static final int LINES_PER_CART = 20;

    /** Promotions that concern every cart, whatever its items. */
    private static final List<String> ORDER_WIDE = List.of(
            """
            {"id": "order-free-ship-75", "name": "Free shipping over 75.00", "priority": 10,
             "conditions": {"minSubtotal": "75.00"}, "reward": {"type": "FREE_SHIPPING", "target": "SHIPPING"}}""",
            """
            {"id": "order-tiers", "name": "Spend 300, save 5%; spend 600, save 10%", "priority": 20,
             "reward": {"type": "TIERED", "basis": "SUBTOTAL", "valueType": "PERCENT", "target": "ORDER",
                        "tiers": [{"min": 300, "value": 5}, {"min": 600, "value": 10}]}}""",
            """
            {"id": "order-gold-5", "name": "Gold members: 5.00 off orders of 100.00", "priority": 30,
             "conditions": {"minSubtotal": "100.00", "customerSegments": ["loyalty-gold"]},
             "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}""",
            """
            {"id": "order-tote-gift", "name": "A free tote with orders of 150.00", "priority": 5,
             "conditions": {"minSubtotal": "150.00"}, "reward": {"type": "FREE_GIFT", "gift": {"sku": "TOTE-1", "quantity": 1}}}""",
            """
            {"id": "order-app-ship-half", "name": "Half-price shipping in the app", "priority": 8,
             "conditions": {"channels": ["app"]}, "reward": {"type": "FREE_SHIPPING", "value": 50, "target": "SHIPPING"}}""");

    private final int promotions;
    private final int categories;

    BenchCatalog(int promotions) {
        if (promotions < ORDER_WIDE.size() + 2) throw new IllegalArgumentException("at least " + (ORDER_WIDE.size() + 2) + " promotions");
        this.promotions = promotions;
        this.categories = promotions;
    }

    static String category(int c) {
        return String.format(Locale.ROOT, "c%05d", c);
    }

    static String sku(int c, int k) {
        return "S-" + category(c) + "-" + k;
    }

    /** Every automatic promotion as the JSON a marketer POSTs; the code promotion is {@link #codePromotion()}. */
    List<String> automaticPromotions() {
        List<String> all = new ArrayList<>(ORDER_WIDE);
        int perCategory = promotions - ORDER_WIDE.size() - 1;
        for (int i = 0; i < perCategory; i++) {
            all.add(categoryPromotion(i));
        }
        return all;
    }

    /** The CODE-triggered promotion: 10% off the order with {@link #CODE}. */
    String codePromotion() {
        return """
                {"id": "%s", "name": "10%% off with BENCH10", "trigger": "CODE", "priority": 1,
                 "reward": {"type": "PERCENT_OFF", "value": 10, "target": "ORDER"}}""".formatted(CODE_PROMOTION_ID);
    }

    /** Id of the promotion on category {@code c}, one of the ten-promotion mix below. */
    static String promotionId(int c) {
        return String.format(Locale.ROOT, "cat-%05d", c);
    }

    /**
     * Promotion {@code i}, on category {@code i}: the reward type cycles through a mix of ten (three percent-offs,
     * amount off across and each, a fixed-price bundle, buy-X-get-Y, volume tiers, a segment/channel-only
     * percent off and a gift with a purchase). Priorities vary so stacking order is not trivial.
     */
    String categoryPromotion(int i) {
        String id = promotionId(i);
        String cat = category(i);
        int priority = 40 + (i % 7) * 10;
        String skus = "[\"%s\", \"%s\"]".formatted(sku(i, 0), sku(i, 1));
        return switch (i % 10) {
            case 0, 1, 2 -> """
                    {"id": "%s", "name": "%d%% off %s", "priority": %d,
                     "reward": {"type": "PERCENT_OFF", "value": %d, "target": "ITEMS", "items": {"categories": ["%s"], "excludeOnSale": true}}}"""
                    .formatted(id, 10 + i % 3 * 5, cat, priority, 10 + i % 3 * 5, cat);
            case 3 -> """
                    {"id": "%s", "name": "3.00 off %s", "priority": %d,
                     "reward": {"type": "AMOUNT_OFF", "value": "3.00", "target": "ITEMS", "allocation": "ACROSS", "items": {"categories": ["%s"]}}}"""
                    .formatted(id, cat, priority, cat);
            case 4 -> """
                    {"id": "%s", "name": "1.00 off each %s, up to 2 a line", "priority": %d,
                     "reward": {"type": "AMOUNT_OFF", "value": "1.00", "allocation": "EACH", "maxQuantity": 2, "items": {"skus": %s}}}"""
                    .formatted(id, cat, priority, skus);
            case 5 -> """
                    {"id": "%s", "name": "Any 2 of %s for 15.00", "priority": %d,
                     "reward": {"type": "FIXED_PRICE", "value": "15.00", "bundleQuantity": 2, "items": {"skus": %s}}}"""
                    .formatted(id, cat, priority, skus);
            case 6 -> """
                    {"id": "%s", "name": "%s: buy 2, get 1 half price", "priority": %d,
                     "reward": {"type": "BUY_X_GET_Y", "buy": {"selector": {"categories": ["%s"]}, "quantity": 2},
                                "get": {"quantity": 1, "percentOff": 50, "selection": "CHEAPEST"}, "maxApplications": 2}}"""
                    .formatted(id, cat, priority, cat);
            case 7 -> """
                    {"id": "%s", "name": "%s: 5%% off 2, 10%% off 3 or more", "priority": %d,
                     "reward": {"type": "TIERED", "basis": "LINE_QUANTITY", "valueType": "PERCENT", "items": {"categories": ["%s"]},
                                "tiers": [{"min": 2, "value": 5}, {"min": 3, "value": 10}]}}"""
                    .formatted(id, cat, priority, cat);
            case 8 -> """
                    {"id": "%s", "name": "Gold members on the web: 20%% off %s", "priority": %d,
                     "conditions": {"customerSegments": ["loyalty-gold"], "channels": ["web"]},
                     "reward": {"type": "PERCENT_OFF", "value": 20, "items": {"categories": ["%s"]}, "maxAmount": "25.00"}}"""
                    .formatted(id, cat, priority, cat);
            default -> """
                    {"id": "%s", "name": "A free sample with 2 of %s", "priority": %d,
                     "conditions": {"requiresItems": {"selector": {"categories": ["%s"]}, "minQuantity": 2}},
                     "reward": {"type": "FREE_GIFT", "gift": {"sku": "SAMPLE-%s", "quantity": 1}}}"""
                    .formatted(id, cat, priority, cat, cat);
        };
    }

    /** A promotion on category {@code i} of the same kind with a new name: what a marketer's PUT sends. */
    String renamed(int i, String name) {
        return categoryPromotion(i).replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"" + name + "\"");
    }

    /** {@code count} different evaluate bodies of 20 lines each, every one entering {@link #CODE}. */
    List<String> carts(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> carts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder lines = new StringBuilder();
            for (int l = 1; l <= LINES_PER_CART; l++) {
                int c = random.nextInt(categories);
                int k = random.nextInt(5);
                if (l > 1) lines.append(",\n");
                lines.append(line("l" + l, c, k, 1 + random.nextInt(3), 3 + random.nextInt(9700) / 100.0,
                        random.nextInt(10) == 0));
            }
            boolean gold = random.nextInt(10) < 3;
            String channel = random.nextInt(10) < 7 ? "web" : "app";
            carts.add("""
                    {"cart": {"id": "cart-%d", "currency": "USD", "lines": [
                    %s],
                      "shipping": {"method": "standard", "price": "5.99", "country": "US"}},
                     "customer": {"id": "u-%d", "segments": %s, "country": "US"},
                     "codes": ["%s"],
                     "context": {"channel": "%s"}}""".formatted(n, lines, random.nextInt(100_000),
                    gold ? "[\"loyalty-gold\"]" : "[]", CODE, channel));
        }
        return carts;
    }

    /** A one-line cart in category {@code c}, for checking whether that category's promotion is live. */
    static String probeCart(int c) {
        return """
                {"cart": {"currency": "USD", "lines": [%s]}, "customer": {"segments": ["loyalty-gold"]}, "context": {"channel": "web"}}"""
                .formatted(line("p1", c, 0, 3, 20.0, false));
    }

    private static String line(String id, int c, int k, int quantity, double price, boolean onSale) {
        return String.format(Locale.ROOT,
                "{\"id\": \"%s\", \"sku\": \"%s\", \"categories\": [\"%s\", \"dept-%02d\"], \"brand\": \"brand-%02d\", "
                        + "\"quantity\": %d, \"unitPrice\": \"%.2f\", \"onSale\": %b}",
                id, sku(c, k), category(c), c % 20, c % 50, quantity, price, onSale);
    }

    /**
     * Writes promotions straight into the {@code promotion} table (exactly what {@code POST /api/v1/promotions}
     * stores) and moves the revision, in one transaction; far faster than one API write per promotion.
     */
    /**
     * Puts the catalog in a running node: the automatic promotions straight into the table, then a reload, then the
     * code promotion and its code through the API. Answers 500 evaluate requests of carts with that code.
     */
    List<byte[]> seed(kupon.support.ServiceProcess node, int dbPort) throws java.sql.SQLException, java.io.IOException {
        insertPromotions(dbPort, automaticPromotions());
        node.expectOk("POST", "/api/v1/rulesets/reload", kupon.support.ServiceProcess.ADMIN_KEY, null);
        node.expectOk("POST", "/api/v1/promotions", kupon.support.ServiceProcess.MARKETER_KEY, codePromotion());
        node.expectOk("POST", "/api/v1/promotions/" + CODE_PROMOTION_ID + "/codes", kupon.support.ServiceProcess.MARKETER_KEY,
                "{\"code\": \"" + CODE + "\"}");
        return carts(500, 42).stream().map(cart -> Http1Connection.post("localhost", node.port, "/api/v1/evaluate",
                kupon.support.ServiceProcess.CHECKOUT_KEY, cart)).toList();
    }

    static void insertPromotions(int dbPort, List<String> promotions) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres")) {
            db.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO promotion (id, name, status, campaign, definition, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
                for (String json : promotions) {
                    kupon.promotions.Promotion promotion = kupon.promotions.PromotionJson.read(json).withDefaults();
                    insert.setString(1, promotion.id());
                    insert.setString(2, promotion.name());
                    insert.setString(3, promotion.status().name());
                    insert.setString(4, promotion.campaign());
                    insert.setString(5, kupon.promotions.PromotionJson.write(promotion));
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (java.sql.Statement bump = db.createStatement()) {
                bump.executeUpdate("UPDATE catalog_revision SET revision = revision + 1");
            }
            db.commit();
        }
    }
}
