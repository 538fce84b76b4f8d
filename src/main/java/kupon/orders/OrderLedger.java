package kupon.orders;

import kupon.database.Sql;
import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.Evaluation;
import kupon.limits.UsageKey;
import kupon.pricing.PricingResult;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Owner of the order ledger, the tables {@code orders}, {@code order_line}, {@code order_promotion}, {@code order_usage}
 * and {@code order_experiment}: orders, their lines, what each promotion took off (in all and per line), what they
 * consumed, and the experiment groups their shopper was in.
 */
final class OrderLedger {

    /** An order as stored: enough to answer a replay or a cancel. */
    record StoredOrder(String orderId, String requestHash, String status, String response, Instant placedAt, Instant cancelledAt) {
    }

    private OrderLedger() {
    }

    /**
     * Inserts the order row, its lines and what it consumes ({@code used}, what a cancel gives back) in one statement
     * (one round trip); false, and nothing written, when an order with this id exists (checked by the primary key, so
     * concurrent copies cannot both insert). The usage rows go in before the counters move: should a counter refuse,
     * the transaction rolls back and they go with it.
     */
    static boolean insertOrder(Connection c, String orderId, String requestHash, CheckoutRequest request,
                               Evaluation evaluation, String response, List<UsageRecord> used) throws SQLException {
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
                                        subtotal, discount_total, shipping, shipping_discount, tax, total, rule_set_version, response, placed_at,
                                        device_id, address_hash)
                    VALUES (?, ?, 'PLACED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id) DO NOTHING
                    RETURNING order_id),
                lines AS (
                    INSERT INTO order_line (order_id, line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total)
                    SELECT placed.order_id, l.*
                      FROM placed, unnest(?::text[], ?::text[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
                           AS l (line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total)),
                usage AS (
                    INSERT INTO order_usage (order_id, subject, scope, key, amount)
                    SELECT placed.order_id, u.* FROM placed, unnest(?::text[], ?::text[], ?::text[], ?::numeric[]) AS u (subject, scope, key, amount))
                SELECT count(*) FROM placed""")) {
            Sql.bind(insert, orderId, requestHash, who.customerId(), who.email(), who.ip(), who.channel(), who.source(),
                    who.campaign(), p.currency().getCurrencyCode(), p.subtotal().amount(), p.discountTotal().amount(),
                    p.shipping().amount(), p.shippingDiscount().amount(), p.tax().amount(), p.total().amount(),
                    evaluation.ruleSetVersion(), response, evaluation.evaluatedAt(), who.deviceId(), who.addressHash(),
                    c.createArrayOf("text", ids), c.createArrayOf("text", skus), c.createArrayOf("int4", quantities),
                    c.createArrayOf("numeric", unitPrices), c.createArrayOf("numeric", unitCosts),
                    c.createArrayOf("numeric", subtotals), c.createArrayOf("numeric", discounts), c.createArrayOf("numeric", totals),
                    c.createArrayOf("text", used.stream().map(u -> u.subject().stored()).toArray()),
                    c.createArrayOf("text", used.stream().map(u -> u.scope().name()).toArray()),
                    c.createArrayOf("text", used.stream().map(UsageRecord::key).toArray()),
                    c.createArrayOf("numeric", used.stream().map(UsageRecord::amount).toArray()));
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
                Sql.bind(promotions, orderId, applied.promotionId(), applied.code(), applied.target(), applied.amount().amount(),
                        c.createArrayOf("text", split.lineIds.toArray()), c.createArrayOf("numeric", split.amounts.toArray()));
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

    /** The experiments the order took part in, with the shopper's group in each. */
    static void insertExperiments(Connection c, String orderId, Evaluation evaluation) throws SQLException {
        if (evaluation.exposures().isEmpty()) return;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO order_experiment (order_id, promotion_id, customer_key, held_out) VALUES (?, ?, ?, ?)")) {
            for (Evaluation.Exposure exposure : evaluation.exposures()) {
                Sql.bind(insert, orderId, exposure.promotionId(), exposure.customerKey(), exposure.heldOut());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** One counter an order moved, and by how much money. */
    record UsageRecord(UsageKey.Subject subject, UsageKey.Scope scope, String key, BigDecimal amount) {
    }

    static List<UsageRecord> usageOf(Connection c, String orderId) throws SQLException {
        return Sql.list(c, "SELECT subject, scope, key, amount FROM order_usage WHERE order_id = ?",
                row -> new UsageRecord(UsageKey.Subject.ofStored(row.getString(1)), UsageKey.Scope.valueOf(row.getString(2)), row.getString(3),
                        row.getBigDecimal(4)), orderId);
    }

    /** The orders that used a stored code, found through the use each recorded (one row per order and code). */
    static List<OrderService.CodeOrder> ordersUsing(Connection c, String code) throws SQLException {
        return Sql.list(c, """
                SELECT o.order_id, o.status, o.placed_at FROM orders o
                 WHERE o.order_id IN (SELECT order_id FROM order_usage WHERE subject = ? AND scope = ?)
                 ORDER BY o.placed_at, o.order_id LIMIT 1000""",
                row -> new OrderService.CodeOrder(row.getString(1), row.getString(2), Sql.instant(row, "placed_at")),
                UsageKey.Subject.code(code).stored(), UsageKey.Scope.TOTAL);
    }

    static Optional<StoredOrder> find(Connection c, String orderId) throws SQLException {
        return Sql.one(c, "SELECT order_id, request_hash, status, response, placed_at, cancelled_at FROM orders WHERE order_id = ?",
                row -> new StoredOrder(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        Sql.instant(row, "placed_at"), Sql.instant(row, "cancelled_at")), orderId);
    }

    /** Marks a placed order cancelled; false when it was not placed (unknown, or cancelled already). */
    static boolean markCancelled(Connection c, String orderId, Instant at) throws SQLException {
        return Sql.update(c, "UPDATE orders SET status = 'CANCELLED', cancelled_at = ? WHERE order_id = ? AND status = 'PLACED'",
                at, orderId) == 1;
    }
}
