package kupon.analytics;

import kupon.database.Sql;
import org.roaringbitmap.RoaringBitmap;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owner of {@code analytics_shopper} and {@code analytics_customer_day}: the identified shoppers of each dimension
 * value per UTC day as a compressed set of shopper numbers, so that the distinct shoppers of a long period are the size
 * of a union of a few sets (plus the quarter-hour rows at its edges) rather than a distinct count over every row.
 */
final class ShopperSets {

    private static final int WRITE_BATCH = 1000;

    private ShopperSets() {
    }

    /** The day (UTC) a quarter-hour key falls in. */
    private static RollupBatch.Key day(RollupBatch.Key key) {
        return new RollupBatch.Key(key.dimension(), key.value(), key.currency(), key.bucket().truncatedTo(ChronoUnit.DAYS));
    }

    /** The numbers of these shoppers, numbering those seen for the first time; in the rollup pass's transaction. */
    static Map<String, Integer> numbers(Connection c, Collection<RollupBatch.Customer> customers) throws SQLException {
        List<String> keys = customers.stream().map(RollupBatch.Customer::customerKey).distinct().toList();
        // Only one pass runs at a time (Rollups' lock); inserting only the missing keys keeps the numbers dense.
        Sql.update(c, """
                INSERT INTO analytics_shopper (customer_key)
                SELECT k FROM unnest(?::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM analytics_shopper s WHERE s.customer_key = k)
                ON CONFLICT DO NOTHING""", keys);
        Map<String, Integer> numbers = new HashMap<>();
        Sql.list(c, "SELECT customer_key, number FROM analytics_shopper WHERE customer_key = ANY (?)",
                row -> numbers.put(row.getString(1), row.getInt(2)), keys);
        return numbers;
    }

    /** Adds the shoppers of a rollup pass to their days' sets, in the pass's transaction. */
    static void add(Connection c, Collection<RollupBatch.Customer> customers, Map<String, Integer> numbers) throws SQLException {
        if (customers.isEmpty()) return;
        Map<RollupBatch.Key, RoaringBitmap> days = new LinkedHashMap<>();
        for (RollupBatch.Customer customer : customers) {
            days.computeIfAbsent(day(customer.key()), k -> new RoaringBitmap()).add(numbers.get(customer.customerKey()));
        }
        List<String> d = new ArrayList<>(), v = new ArrayList<>(), cur = new ArrayList<>();
        List<Instant> b = new ArrayList<>();
        days.keySet().forEach(k -> {
            d.add(k.dimension().name());
            v.add(k.value());
            cur.add(k.currency());
            b.add(k.bucket());
        });
        try (PreparedStatement stored = c.prepareStatement("""
                SELECT s.dimension, s.value, s.currency, s.bucket, s.shoppers FROM analytics_customer_day s
                  JOIN unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) AS k (d, v, c, b)
                    ON s.dimension = k.d AND s.value = k.v AND s.currency = k.c AND s.bucket = k.b""")) {
            Sql.bind(stored, d, v, cur);
            stored.setArray(4, c.createArrayOf("timestamptz", b.stream().map(java.sql.Timestamp::from).toArray()));
            try (ResultSet row = stored.executeQuery()) {
                while (row.next()) {
                    RollupBatch.Key key = new RollupBatch.Key(Dimension.valueOf(row.getString(1)), row.getString(2),
                            row.getString(3), Sql.instant(row, "bucket"));
                    days.get(key).or(read(row.getBytes(5)));
                }
            }
        }
        write(c, days);
    }

    /** Computes every day's set again from the quarter-hour rows, in the rebuild's (or an upgrade's) transaction. */
    static void rebuild(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM analytics_customer_day WHERE dimension IS NOT NULL");
        Map<RollupBatch.Key, RoaringBitmap> days = new LinkedHashMap<>();
        try (PreparedStatement all = c.prepareStatement("""
                SELECT dimension, value, currency, bucket, shopper FROM analytics_customer
                 ORDER BY dimension, value, currency, bucket""")) {
            all.setFetchSize(20_000);
            try (ResultSet row = all.executeQuery()) {
                RollupBatch.Key current = null;
                while (row.next()) {
                    RollupBatch.Key key = new RollupBatch.Key(Dimension.valueOf(row.getString(1)), row.getString(2),
                            row.getString(3), Sql.instant(row, "bucket").truncatedTo(ChronoUnit.DAYS));
                    // Rows come in key order, so a key seen before the current one is complete.
                    if (!key.equals(current) && days.size() >= WRITE_BATCH) {
                        write(c, days);
                        days.clear();
                    }
                    current = key;
                    days.computeIfAbsent(key, k -> new RoaringBitmap()).add(row.getInt(5));
                }
            }
        }
        write(c, days);
    }

    private static void write(Connection c, Map<RollupBatch.Key, RoaringBitmap> days) throws SQLException {
        if (days.isEmpty()) return;
        List<String> d = new ArrayList<>(), v = new ArrayList<>(), cur = new ArrayList<>();
        List<Object> b = new ArrayList<>(), sets = new ArrayList<>();
        days.forEach((k, set) -> {
            d.add(k.dimension().name());
            v.add(k.value());
            cur.add(k.currency());
            b.add(java.sql.Timestamp.from(k.bucket()));
            set.runOptimize();
            ByteBuffer bytes = ByteBuffer.allocate(set.serializedSizeInBytes());
            set.serialize(bytes);
            sets.add(bytes.array());
        });
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO analytics_customer_day (dimension, value, currency, bucket, shoppers)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bytea[])
                ON CONFLICT (dimension, value, currency, bucket) DO UPDATE SET shoppers = excluded.shoppers""")) {
            Sql.bind(upsert, d, v, cur);
            upsert.setArray(4, c.createArrayOf("timestamptz", b.toArray()));
            upsert.setArray(5, c.createArrayOf("bytea", sets.toArray(new byte[0][])));
            upsert.executeUpdate();
        }
    }

    private static RoaringBitmap read(byte[] stored) {
        RoaringBitmap set = new RoaringBitmap();
        try {
            set.deserialize(ByteBuffer.wrap(stored));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("A stored set of shoppers could not be read; POST /api/v1/analytics/rebuild recomputes them", e);
        }
        return set;
    }

    /** How many distinct shoppers each value had in the period: its whole UTC days' sets and its edges' quarter hours. */
    static Map<String, Long> count(Connection c, Dimension dimension, List<String> values, String currency, Period period)
            throws SQLException {
        Map<String, RoaringBitmap> sets = new HashMap<>();
        if (period.daysFrom().isBefore(period.daysTo())) {
            Sql.list(c, """
                    SELECT value, shoppers FROM analytics_customer_day
                     WHERE dimension = ? AND value = ANY (?) AND currency = ? AND bucket >= ? AND bucket < ?""",
                    row -> union(sets, row.getString(1), read(row.getBytes(2))),
                    dimension, values, currency, period.daysFrom(), period.daysTo());
        }
        Sql.list(c, """
                SELECT value, shopper FROM analytics_customer
                 WHERE dimension = ? AND value = ANY (?) AND currency = ?
                   AND (bucket >= ? AND bucket < ? OR bucket >= ? AND bucket < ?)""",
                row -> {
                    sets.computeIfAbsent(row.getString(1), k -> new RoaringBitmap()).add(row.getInt(2));
                    return null;
                },
                dimension, values, currency, period.from(), period.daysFrom(), period.daysTo(), period.to());
        Map<String, Long> counts = new HashMap<>();
        sets.forEach((value, set) -> counts.put(value, set.getLongCardinality()));
        return counts;
    }

    private static Object union(Map<String, RoaringBitmap> sets, String value, RoaringBitmap day) {
        sets.merge(value, day, (a, b) -> {
            a.or(b);
            return a;
        });
        return null;
    }
}
