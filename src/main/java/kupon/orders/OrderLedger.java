package kupon.orders;

import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.Evaluation;
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

    /** Inserts the order row; false when an order with this id exists (checked by the primary key, so concurrent copies cannot both insert). */
    static boolean insertOrder(Connection c, String orderId, String requestHash, Evaluation evaluation, String response) throws SQLException {
        PricingResult p = evaluation.pricing();
        Evaluation.Shopper who = evaluation.shopper();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO orders (order_id, request_hash, status, customer_id, email, ip, channel, source, campaign, currency,
                                    subtotal, discount_total, shipping, shipping_discount, tax, total, rule_set_version, response, placed_at)
                VALUES (?, ?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""")) {
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
            insert.setTimestamp(i, Timestamp.from(evaluation.evaluatedAt()));
            return insert.executeUpdate() == 1;
        }
    }

    static void insertLinesAndDiscounts(Connection c, String orderId, CheckoutRequest request, Evaluation evaluation) throws SQLException {
        Map<String, CheckoutRequest.LineInput> inputs = request.cart().lines().stream()
                .collect(Collectors.toMap(CheckoutRequest.LineInput::id, Function.identity()));
        try (PreparedStatement lines = c.prepareStatement("""
                INSERT INTO order_line (order_id, line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement promotions = c.prepareStatement("""
                INSERT INTO order_promotion (order_id, promotion_id, code, target, amount, line_ids, line_amounts)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            Map<PromotionKey, LineSplit> splits = new LinkedHashMap<>();
            for (PricingResult.LineResult line : evaluation.pricing().lines()) {
                CheckoutRequest.LineInput input = inputs.get(line.id());
                lines.setString(1, orderId);
                lines.setString(2, line.id());
                lines.setString(3, input.sku());
                lines.setInt(4, input.quantity());
                lines.setBigDecimal(5, input.unitPrice());
                lines.setBigDecimal(6, input.unitCost());
                lines.setBigDecimal(7, line.subtotal().amount());
                lines.setBigDecimal(8, line.discount().amount());
                lines.setBigDecimal(9, line.total().amount());
                lines.addBatch();
                for (PricingResult.Adjustment adjustment : line.adjustments()) {
                    splits.computeIfAbsent(new PromotionKey(adjustment.promotionId(), adjustment.code()), k -> new LineSplit())
                            .add(line.id(), adjustment.amount().amount());
                }
            }
            for (PricingResult.Applied applied : evaluation.pricing().applied()) {
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
            lines.executeBatch();
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
