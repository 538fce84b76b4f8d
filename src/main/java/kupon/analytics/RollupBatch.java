package kupon.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a batch of order changes adds to the rollups, worked out in memory: one sum per (dimension, value, currency,
 * quarter hour), whatever the number of orders in it. A placed order adds itself; a cancel takes its revenue, margin
 * and cost back and counts as cancelled, in the quarter hour the order was placed in.
 */
final class RollupBatch {

    static final long QUARTER_HOUR_SECONDS = 900;

    /** An order as the rollups see it: when, how much, whose, where from, and what each promotion and code took off. */
    record OrderFacts(String orderId, Instant placedAt, String currency, BigDecimal total, BigDecimal discount,
                      String customerKey, String channel, String source, String campaign, boolean firstOrder,
                      BigDecimal margin, List<Applied> applied) {
    }

    /** One promotion on an order, through a code maybe, and what it took off (shipping included). */
    record Applied(String promotionId, String code, BigDecimal amount) {
    }

    record Key(Dimension dimension, String value, String currency, Instant bucket) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = dimension.compareTo(o.dimension);
            if (c == 0) c = value.compareTo(o.value);
            if (c == 0) c = currency.compareTo(o.currency);
            return c != 0 ? c : bucket.compareTo(o.bucket);
        }
    }

    record Customer(Key key, String customerKey) {
    }

    /** The running sums of one key; cancels make them go down. */
    static final class Sums {
        long orders, cancelledOrders, newCustomers, costedOrders, redemptions;
        BigDecimal revenue = BigDecimal.ZERO, discountTotal = BigDecimal.ZERO, discountCancelled = BigDecimal.ZERO,
                grossMargin = BigDecimal.ZERO;

        void add(Sums o) {
            orders += o.orders;
            cancelledOrders += o.cancelledOrders;
            newCustomers += o.newCustomers;
            costedOrders += o.costedOrders;
            redemptions += o.redemptions;
            revenue = revenue.add(o.revenue);
            discountTotal = discountTotal.add(o.discountTotal);
            discountCancelled = discountCancelled.add(o.discountCancelled);
            grossMargin = grossMargin.add(o.grossMargin);
        }
    }

    final Map<Key, Sums> sums = new TreeMap<>();
    final Set<Customer> customers = new LinkedHashSet<>();

    /** The same sums per UTC day, for the daily rollups. */
    Map<Key, Sums> byDay() {
        Map<Key, Sums> days = new TreeMap<>();
        sums.forEach((key, s) -> days.computeIfAbsent(new Key(key.dimension(), key.value(), key.currency(),
                key.bucket().truncatedTo(java.time.temporal.ChronoUnit.DAYS)), k -> new Sums()).add(s));
        return days;
    }

    static Instant bucket(Instant at) {
        long seconds = at.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, QUARTER_HOUR_SECONDS));
    }

    void placed(OrderFacts order) {
        add(order, true);
    }

    void cancelled(OrderFacts order) {
        add(order, false);
    }

    private void add(OrderFacts order, boolean placed) {
        Instant bucket = bucket(order.placedAt());
        touch(order, placed, new Key(Dimension.ALL, "", order.currency(), bucket), order.discount());
        if (order.channel() != null) touch(order, placed, new Key(Dimension.CHANNEL, order.channel(), order.currency(), bucket), order.discount());
        if (order.source() != null) touch(order, placed, new Key(Dimension.SOURCE, order.source(), order.currency(), bucket), order.discount());
        if (order.campaign() != null) touch(order, placed, new Key(Dimension.CAMPAIGN, order.campaign(), order.currency(), bucket), order.discount());
        Map<String, BigDecimal> byPromotion = new TreeMap<>(), byCode = new TreeMap<>();
        Set<String> throughCode = new java.util.HashSet<>();
        for (Applied applied : order.applied()) {
            byPromotion.merge(applied.promotionId(), applied.amount(), BigDecimal::add);
            if (applied.code() != null) {
                byCode.merge(applied.code(), applied.amount(), BigDecimal::add);
                throughCode.add(applied.promotionId());
            }
        }
        byPromotion.forEach((id, amount) -> {
            Key key = new Key(Dimension.PROMOTION, id, order.currency(), bucket);
            touch(order, placed, key, amount);
            if (throughCode.contains(id)) sums.get(key).redemptions += placed ? 1 : -1;
        });
        byCode.forEach((code, amount) -> touch(order, placed, new Key(Dimension.CODE, code, order.currency(), bucket), amount));
    }

    private void touch(OrderFacts order, boolean placed, Key key, BigDecimal discount) {
        Sums s = sums.computeIfAbsent(key, k -> new Sums());
        int sign = placed ? 1 : -1;
        if (placed) {
            s.orders++;
            if (order.firstOrder()) s.newCustomers++;
            s.discountTotal = s.discountTotal.add(discount);
            if (order.customerKey() != null && key.dimension() != Dimension.ALL) customers.add(new Customer(key, order.customerKey()));
        } else {
            s.cancelledOrders++;
            s.discountCancelled = s.discountCancelled.add(discount);
        }
        s.revenue = placed ? s.revenue.add(order.total()) : s.revenue.subtract(order.total());
        if (order.margin() != null) {
            s.costedOrders += sign;
            s.grossMargin = placed ? s.grossMargin.add(order.margin()) : s.grossMargin.subtract(order.margin());
        }
    }
}
