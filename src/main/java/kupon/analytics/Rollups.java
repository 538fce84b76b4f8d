package kupon.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.customers.CustomerHistory;
import kupon.database.BackgroundThread;
import kupon.database.Sql;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owner of the rollups ({@code analytics_rollup} and {@code analytics_rollup_day}, {@code analytics_customer}, {@code analytics_value};
 * the daily shopper sets through {@link ShopperSets}): takes in the
 * orders {@link OrderFeed} noted, in batches, every second and before each analytics read; rebuilds them from the
 * ledger on demand. One node at a time rolls up (an advisory lock), so sums never contend with each other.
 */
@ApplicationScoped
public class Rollups {

    private static final Logger LOG = Logger.getLogger(Rollups.class);
    private static final long LOCK = 7140001;
    private static final int BATCH = 5000;

    private final Sql sql;
    private final ObjectMapper json;
    private final AnalyticsConfig config;
    private final ScheduledExecutorService roller = BackgroundThread.named("analytics-rollup");

    public Rollups(Sql sql, ObjectMapper json, AnalyticsConfig config) {
        this.sql = sql;
        this.json = json;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        roller.execute(this::computeMissingShopperSets);
        long every = config.rollupInterval().toMillis();
        roller.scheduleWithFixedDelay(() -> {
            try {
                catchUp(false);
            } catch (RuntimeException e) {
                if (!kupon.database.JvmShutdown.inProgress()) LOG.warnf("Analytics rollup failed, trying again: %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Rollups kept before the daily shopper sets existed get them once, at the first start after the upgrade. */
    private void computeMissingShopperSets() {
        try {
            sql.newTransaction("Computing the daily shopper sets of earlier rollups", java.time.Duration.ofHours(1), c -> {
                boolean missing = Sql.one(c, """
                        SELECT EXISTS (SELECT 1 FROM analytics_customer) AND NOT EXISTS (SELECT 1 FROM analytics_customer_day)""",
                        row -> row.getBoolean(1)).orElse(false);
                if (missing && tryLock(c)) {
                    LOG.info("Computing the daily shopper sets of the rollups kept so far (once, after an upgrade)");
                    ShopperSets.rebuild(c);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!kupon.database.JvmShutdown.inProgress()) LOG.warnf("Could not compute the daily shopper sets: %s; POST /api/v1/analytics/rebuild does", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(roller);
    }

    /**
     * Takes in every order change committed so far; returns how many. A read waits a few seconds for a pass another
     * node (or the rebuild) is making; the background pass does not wait, the other one does its work.
     */
    public int catchUp(boolean wait) {
        int total = 0;
        while (true) {
            int taken = sql.newTransaction("Rolling up orders for analytics", c -> {
                boolean locked = tryLock(c);
                // Another pass holds the lock: a read waits a little for it; a rebuild may hold it for minutes, and then
                // the read answers from the rollups as they stand.
                for (long until = System.nanoTime() + 3_000_000_000L; wait && !locked && System.nanoTime() < until; ) {
                    sleep(50);
                    locked = tryLock(c);
                }
                if (!locked) return -1;
                List<OrderFeed.Pending> pending = OrderFeed.take(c, BATCH);
                if (pending.isEmpty()) return 0;
                Map<String, RollupBatch.OrderFacts> orders = facts(c, pending.stream().map(OrderFeed.Pending::orderId).distinct().toList());
                RollupBatch batch = new RollupBatch();
                for (OrderFeed.Pending p : pending) {
                    RollupBatch.OrderFacts order = orders.get(p.orderId());
                    if (order == null) continue;
                    if (p.change() == OrderFeed.Change.PLACED) batch.placed(order);
                    else batch.cancelled(order);
                }
                write(c, batch, true);
                return pending.size();
            });
            if (taken < 0) return total;
            total += taken;
            if (taken < BATCH) return total;
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        return Sql.one(c, "SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), LOCK).orElse(false);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws the rollups away and computes them again from the order ledger, in one consistent snapshot. */
    public long rebuild() {
        long rebuilt = sql.newTransaction("Rebuilding the analytics rollups", java.time.Duration.ofHours(1), c -> {
            Sql.update(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            Sql.one(c, "SELECT pg_advisory_xact_lock(?)", row -> true, LOCK);
            // The ledger as of this snapshot holds every change still pending: they are in what follows.
            while (!OrderFeed.take(c, 100_000).isEmpty()) {
                LOG.debug("Dropped pending changes the rebuild covers");
            }
            Sql.update(c, "DELETE FROM analytics_rollup WHERE dimension IS NOT NULL");
            Sql.update(c, "DELETE FROM analytics_customer WHERE dimension IS NOT NULL");
            Sql.update(c, "DELETE FROM analytics_rollup_day WHERE dimension IS NOT NULL");
            long count = 0;
            String after = "";
            while (true) {
                List<String> ids = Sql.list(c, "SELECT order_id FROM orders WHERE order_id > ? ORDER BY order_id LIMIT ?",
                        row -> row.getString(1), after, BATCH);
                if (ids.isEmpty()) break;
                RollupBatch batch = new RollupBatch();
                List<String> cancelled = Sql.list(c, "SELECT order_id FROM orders WHERE order_id = ANY (?) AND status = 'CANCELLED'",
                        row -> row.getString(1), ids);
                Map<String, RollupBatch.OrderFacts> orders = facts(c, ids);
                orders.values().forEach(batch::placed);
                cancelled.forEach(id -> batch.cancelled(orders.get(id)));
                write(c, batch, false);
                count += ids.size();
                after = ids.get(ids.size() - 1);
            }
            // Orders come in id order, which spreads each batch over every day: the days are summed once, at the end.
            Sql.update(c, """
                    INSERT INTO analytics_rollup_day (dimension, value, currency, bucket, orders, cancelled_orders, new_customers,
                                                      costed_orders, revenue, discount_total, discount_cancelled, gross_margin, redemptions)
                    SELECT dimension, value, currency, date_trunc('day', bucket AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
                           sum(orders), sum(cancelled_orders), sum(new_customers), sum(costed_orders), sum(revenue),
                           sum(discount_total), sum(discount_cancelled), sum(gross_margin), sum(redemptions)
                      FROM analytics_rollup GROUP BY 1, 2, 3, 4""");
            ShopperSets.rebuild(c);
            return count;
        });
        // Every row is new: without fresh statistics the planner may scan where an index would do.
        sql.update("Analysing the rebuilt rollups",
                "ANALYZE analytics_rollup, analytics_rollup_day, analytics_customer, analytics_customer_day, analytics_shopper");
        return rebuilt;
    }

    /**
     * The orders as the rollups need them. A first order is one with no earlier order (any status) of the same customer
     * key; the margin is over lines that carry a unit cost, null when none does.
     */
    private Map<String, RollupBatch.OrderFacts> facts(Connection c, List<String> orderIds) throws SQLException {
        Map<String, RollupBatch.OrderFacts> facts = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT o.order_id, o.placed_at, o.currency, o.total, o.discount_total + o.shipping_discount AS discount,
                       o.customer_id, o.email, o.channel, o.source, o.campaign, o.response,
                       CASE WHEN o.customer_id IS NOT NULL THEN NOT EXISTS (
                                SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id
                                   AND (p.placed_at, p.order_id) < (o.placed_at, o.order_id))
                            WHEN o.email IS NOT NULL THEN NOT EXISTS (
                                SELECT 1 FROM orders p WHERE p.email = o.email AND p.customer_id IS NULL
                                   AND (p.placed_at, p.order_id) < (o.placed_at, o.order_id))
                            ELSE false END AS first_order,
                       (SELECT sum(l.total - l.unit_cost * l.quantity) FROM order_line l
                         WHERE l.order_id = o.order_id AND l.unit_cost IS NOT NULL) AS margin
                  FROM orders o WHERE o.order_id = ANY (?)""")) {
            Sql.bind(query, orderIds);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String id = row.getString("order_id");
                    facts.put(id, new RollupBatch.OrderFacts(id, Sql.instant(row, "placed_at"), row.getString("currency"),
                            row.getBigDecimal("total"), row.getBigDecimal("discount"),
                            CustomerHistory.customerKey(row.getString("customer_id"), row.getString("email")),
                            row.getString("channel"), row.getString("source"), row.getString("campaign"),
                            row.getBoolean("first_order"), row.getBigDecimal("margin"), applied(id, row.getString("response"))));
                }
            }
        }
        return facts;
    }

    /** What each promotion took off, from the order's stored answer (the ledger's copy of what the shopper was shown). */
    private List<RollupBatch.Applied> applied(String orderId, String response) {
        try {
            List<RollupBatch.Applied> applied = new ArrayList<>();
            for (JsonNode a : json.readTree(response).path("applied")) {
                applied.add(new RollupBatch.Applied(a.path("promotionId").asText(),
                        a.path("code").isNull() || a.path("code").isMissingNode() ? null : a.path("code").asText(),
                        new BigDecimal(a.path("amount").asText())));
            }
            return applied;
        } catch (IOException e) {
            throw new IllegalStateException("Order " + orderId + " has a stored answer that is not JSON", e);
        }
    }

    /** Adds a batch to the quarter-hour rollups and, unless a rebuild sums them at its end, to the daily ones. */
    private static void write(Connection c, RollupBatch batch, boolean days) throws SQLException {
        if (batch.sums.isEmpty()) return;
        upsert(c, "analytics_rollup", batch.sums);
        if (days) upsert(c, "analytics_rollup_day", batch.byDay());
        List<String> dimensions = new ArrayList<>(), values = new ArrayList<>();
        batch.sums.keySet().forEach(key -> {
            dimensions.add(key.dimension().name());
            values.add(key.value());
        });
        Sql.update(c, """
                INSERT INTO analytics_value (dimension, value)
                SELECT DISTINCT d, v FROM unnest(?::text[], ?::text[]) AS x (d, v) WHERE d <> 'ALL'
                ON CONFLICT DO NOTHING""", dimensions, values);
        if (batch.customers.isEmpty()) return;
        Map<String, Integer> numbers = ShopperSets.numbers(c, batch.customers);
        List<String> cd = new ArrayList<>(), cv = new ArrayList<>(), cc = new ArrayList<>(), ck = new ArrayList<>();
        List<Object> cb = new ArrayList<>(), cn = new ArrayList<>();
        for (RollupBatch.Customer customer : batch.customers) {
            cd.add(customer.key().dimension().name());
            cv.add(customer.key().value());
            cc.add(customer.key().currency());
            cb.add(java.sql.Timestamp.from(customer.key().bucket()));
            ck.add(customer.customerKey());
            cn.add(numbers.get(customer.customerKey()));
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO analytics_customer (dimension, value, currency, bucket, customer_key, shopper)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::int[]) ON CONFLICT DO NOTHING""")) {
            Sql.bind(insert, cd, cv, cc);
            insert.setArray(4, c.createArrayOf("timestamptz", cb.toArray()));
            insert.setArray(5, c.createArrayOf("text", ck.toArray()));
            insert.setArray(6, c.createArrayOf("int4", cn.toArray()));
            insert.executeUpdate();
        }
        if (days) ShopperSets.add(c, batch.customers, numbers);
    }

    private static void upsert(Connection c, String table, Map<RollupBatch.Key, RollupBatch.Sums> sums) throws SQLException {
        int n = sums.size();
        List<String> dimensions = new ArrayList<>(n), values = new ArrayList<>(n), currencies = new ArrayList<>(n);
        Object[] buckets = new Object[n], orders = new Object[n], cancelled = new Object[n], newCustomers = new Object[n],
                costed = new Object[n], redemptions = new Object[n], revenue = new Object[n], discount = new Object[n], discountCancelled = new Object[n],
                margin = new Object[n];
        int k = 0;
        for (var entry : sums.entrySet()) {
            RollupBatch.Key key = entry.getKey();
            RollupBatch.Sums s = entry.getValue();
            dimensions.add(key.dimension().name());
            values.add(key.value());
            currencies.add(key.currency());
            buckets[k] = java.sql.Timestamp.from(key.bucket());
            orders[k] = s.orders;
            cancelled[k] = s.cancelledOrders;
            newCustomers[k] = s.newCustomers;
            costed[k] = s.costedOrders;
            redemptions[k] = s.redemptions;
            revenue[k] = s.revenue;
            discount[k] = s.discountTotal;
            discountCancelled[k] = s.discountCancelled;
            margin[k] = s.grossMargin;
            k++;
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO TABLE AS r (dimension, value, currency, bucket, orders, cancelled_orders, new_customers,
                                                   costed_orders, revenue, discount_total, discount_cancelled, gross_margin,
                                                   redemptions)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[],
                                     ?::bigint[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::bigint[])
                ON CONFLICT (dimension, value, currency, bucket) DO UPDATE SET
                    orders = r.orders + excluded.orders, cancelled_orders = r.cancelled_orders + excluded.cancelled_orders,
                    new_customers = r.new_customers + excluded.new_customers, costed_orders = r.costed_orders + excluded.costed_orders,
                    revenue = r.revenue + excluded.revenue, discount_total = r.discount_total + excluded.discount_total,
                    discount_cancelled = r.discount_cancelled + excluded.discount_cancelled,
                    gross_margin = r.gross_margin + excluded.gross_margin, redemptions = r.redemptions + excluded.redemptions"""
                .replace("TABLE", table))) {
            Sql.bind(upsert, dimensions, values, currencies);
            upsert.setArray(4, c.createArrayOf("timestamptz", buckets));
            upsert.setArray(5, c.createArrayOf("int8", orders));
            upsert.setArray(6, c.createArrayOf("int8", cancelled));
            upsert.setArray(7, c.createArrayOf("int8", newCustomers));
            upsert.setArray(8, c.createArrayOf("int8", costed));
            upsert.setArray(9, c.createArrayOf("numeric", revenue));
            upsert.setArray(10, c.createArrayOf("numeric", discount));
            upsert.setArray(11, c.createArrayOf("numeric", discountCancelled));
            upsert.setArray(12, c.createArrayOf("numeric", margin));
            upsert.setArray(13, c.createArrayOf("int8", redemptions));
            upsert.executeUpdate();
        }
    }
}
