package kupon.orders;

import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.Evaluation;
import kupon.limits.UsageKey;
import kupon.pricing.PricingResult;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes and reads the order ledger: orders, their lines, what each promotion took off (in all and per line), and what they consumed. */
final class OrderLedger {

    /** An order as stored: enough to answer a replay or a cancel. */
    record StoredOrder(String orderId, String requestHash, String status, String response) {
    }

    private OrderLedger() {
    }

    /**
     * Inserts the order row and its lines in one statement (one round trip); false, and nothing written, when an
     * order with this id exists (checked by the primary key, so concurrent copies cannot both insert).
     */
    static boolean insertOrderAndLines(Connection c, String orderId, String requestHash, CheckoutRequest request,
                                       Evaluation evaluation, String response) throws SQLException {
        PricingResult p = evaluation.pricing();
        Evaluation.Shopper who = evaluation.shopper();
        Map<String, CheckoutRequest.LineInput> inputs = request.cart().lines().stream()
                .collect(Collectors.toMap(CheckoutRequest.LineInput::id, Function.identity()));
        int n = p.lines().size();
        String[] ids = new String[n], skus = new String[n];
        Integer[] quantities = new Integer[n];
        BigDecimal[] unitPrices = new BigDecimal[n], unitCosts = new BigDecimal[n], subtotals = new BigDecimal[n],
                discounts = new BigDecimal[n], totals = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            PricingResult.LineResult line = p.lines().get(k);
            CheckoutRequest.LineInput input = inputs.get(line.id());
            ids[k] = line.id();
            skus[k] = input.sku();
            quantities[k] = input.quantity();
            unitPrices[k] = input.unitPrice();
            unitCosts[k] = input.unitCost();
            subtotals[k] = line.subtotal().amount();
            discounts[k] = line.discount().amount();
            totals[k] = line.total().amount();
        }
        // Data-modifying WITH queries run to completion whether or not the outer query reads them.
        try (PreparedStatement insert = c.prepareStatement("""
                WITH placed AS (
                    INSERT INTO orders (order_id, request_hash, status, customer_id, email, ip, channel, source, campaign, currency,
                                        subtotal, discount_total, shipping, shipping_discount, tax, total, rule_set_version, response, placed_at)
                    VALUES (?, ?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id) DO NOTHING
                    RETURNING order_id),
                lines AS (
                    INSERT INTO order_line (order_id, line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total)
                    SELECT placed.order_id, l.*
                      FROM placed, unnest(?::text[], ?::text[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
                           AS l (line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total))
                SELECT count(*) FROM placed""")) {
            int i = 1;
            insert.setString(i++, orderId);
            insert.setString(i++, requestHash);
            insert.setString(i++, who.customerId());
            insert.setString(i++, who.email());
            insert.setString(i++, who.ip());
            insert.setString(i++, who.channel());
            insert.setString(i++, who.source());
            insert.setString(i++, who.campaign());
            insert.setString(i++, p.currency().getCurrencyCode());
            insert.setBigDecimal(i++, p.subtotal().amount());
            insert.setBigDecimal(i++, p.discountTotal().amount());
            insert.setBigDecimal(i++, p.shipping().amount());
            insert.setBigDecimal(i++, p.shippingDiscount().amount());
            insert.setBigDecimal(i++, p.tax().amount());
            insert.setBigDecimal(i++, p.total().amount());
            insert.setLong(i++, evaluation.ruleSetVersion());
            insert.setString(i++, response);
            insert.setTimestamp(i++, Timestamp.from(evaluation.evaluatedAt()));
            insert.setArray(i++, c.createArrayOf("text", ids));
            insert.setArray(i++, c.createArrayOf("text", skus));
            insert.setArray(i++, c.createArrayOf("int4", quantities));
            for (BigDecimal[] amounts : List.of(unitPrices, unitCosts, subtotals, discounts, totals)) {
                insert.setArray(i++, c.createArrayOf("numeric", amounts));
            }
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    /** One row per promotion the order applied, with what it took off each line. */
    static void insertPromotions(Connection c, String orderId, Evaluation evaluation) throws SQLException {
        PricingResult pricing = evaluation.pricing();
        if (pricing.applied().isEmpty()) {
            return;
        }
        Map<PromotionKey, LineSplit> splits = new LinkedHashMap<>();
        for (PricingResult.LineResult line : pricing.lines()) {
            for (PricingResult.Adjustment adjustment : line.adjustments()) {
                splits.computeIfAbsent(new PromotionKey(adjustment.promotionId(), adjustment.code()), k -> new LineSplit())
                        .add(line.id(), adjustment.amount().amount());
            }
        }
        try (PreparedStatement promotions = c.prepareStatement("""
                INSERT INTO order_promotion (order_id, promotion_id, code, target, amount, line_ids, line_amounts)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (PricingResult.Applied applied : pricing.applied()) {
                LineSplit split = splits.getOrDefault(new PromotionKey(applied.promotionId(), applied.code()), new LineSplit());
                promotions.setString(1, orderId);
                promotions.setString(2, applied.promotionId());
                promotions.setString(3, applied.code());
                promotions.setString(4, applied.target().name());
                promotions.setBigDecimal(5, applied.amount().amount());
                promotions.setArray(6, c.createArrayOf("text", split.lineIds.toArray()));
                promotions.setArray(7, c.createArrayOf("numeric", split.amounts.toArray()));
                promotions.addBatch();
            }
            promotions.executeBatch();
        }
    }

    private record PromotionKey(String promotionId, String code) {
    }

    /** What one promotion took off each line, in line order. */
    private static final class LineSplit {
        final List<String> lineIds = new ArrayList<>();
        final List<BigDecimal> amounts = new ArrayList<>();

        void add(String lineId, BigDecimal amount) {
            lineIds.add(lineId);
            amounts.add(amount);
        }
    }

    static void recordUsage(Connection c, String orderId, List<UsageRecord> used) throws SQLException {
        if (used.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO order_usage (order_id, subject, scope, key, amount) VALUES (?, ?, ?, ?, ?)")) {
            for (UsageRecord u : used) {
                insert.setString(1, orderId);
                insert.setString(2, u.subject());
                insert.setString(3, u.scope());
                insert.setString(4, u.key());
                insert.setBigDecimal(5, u.amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** One counter an order moved, and by how much money. */
    record UsageRecord(String subject, String scope, String key, BigDecimal amount) {
    }

    static List<UsageRecord> usageOf(Connection c, String orderId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT subject, scope, key, amount FROM order_usage WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                List<UsageRecord> used = new java.util.ArrayList<>();
                while (row.next()) used.add(new UsageRecord(row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4)));
                return used;
            }
        }
    }

    /** The orders that used a stored code, found through the use each recorded (one row per order and code). */
    static List<OrderService.CodeOrder> ordersUsing(Connection c, String code) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("""
                SELECT o.order_id, o.status, o.placed_at FROM orders o
                 WHERE o.order_id IN (SELECT order_id FROM order_usage WHERE subject = ? AND scope = ?)
                 ORDER BY o.placed_at, o.order_id LIMIT 1000""")) {
            query.setString(1, UsageKey.codeSubject(code));
            query.setString(2, UsageKey.Scope.TOTAL.name());
            try (ResultSet row = query.executeQuery()) {
                List<OrderService.CodeOrder> orders = new ArrayList<>();
                while (row.next()) {
                    orders.add(new OrderService.CodeOrder(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()));
                }
                return orders;
            }
        }
    }

    static Optional<StoredOrder> find(Connection c, String orderId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT order_id, request_hash, status, response FROM orders WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StoredOrder(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** Marks a placed order cancelled; false when it was not placed (unknown, or cancelled already). */
    static boolean markCancelled(Connection c, String orderId, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE orders SET status = 'CANCELLED', cancelled_at = ? WHERE order_id = ? AND status = 'PLACED'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, orderId);
            return update.executeUpdate() == 1;
        }
    }
}
