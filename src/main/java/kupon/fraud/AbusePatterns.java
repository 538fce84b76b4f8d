package kupon.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;
import kupon.pricing.Rounding;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds abuse patterns in the order ledger: accounts (a customer id, else the normalized email) that share an identity
 * and redeemed JSON promotions limited per customer or to first orders, in placed orders of a period. How many accounts
 * make a group suspicious depends on the identity, because innocent sharing differs: a family shares an address and an
 * IP, an office shares an IP, while distinct accounts behind one device or one normalized email are rarely innocent.
 * For a device and an IP the accounts must come within a few hours ({@link Thresholds#window}): a family's tablet or
 * an office's IP sees its members redeem a welcome offer over weeks, a ring of new accounts within hours.
 */
@ApplicationScoped
public class AbusePatterns {

    /** Redemptions listed per group; the counts and totals cover all of them. */
    public static final int LISTED = 100;

    /**
     * How many distinct accounts sharing each kind of identity make a pattern: on one device or one IP within
     * {@code window}, on one address or one normalized email in the whole period.
     */
    public record Thresholds(int device, int address, int email, int ip, Duration window) {
        public static final Thresholds DEFAULT = new Thresholds(3, 5, 2, 5, Duration.ofHours(6));
    }

    private record Row(String orderId, String account, String promotionId, String currency, BigDecimal amount, Instant placedAt,
                       Map<SubjectType, String> shared) {
    }

    private final Sql sql;

    public AbusePatterns(Sql sql) {
        this.sql = sql;
    }

    /** The patterns among orders placed in {@code [from, to)}, largest groups first. */
    public List<AbusePattern> find(Instant from, Instant to, Thresholds thresholds) {
        // The limited promotions first, on their own: with their ids as an array the planner walks their redemptions by
        // index instead of joining every order of the period (a guess it makes from a JSON condition it cannot estimate).
        List<String> limited = sql.list("Reading the promotions limited per customer or to first orders", """
                SELECT id FROM promotion
                 WHERE definition -> 'limits' ->> 'perCustomer' IS NOT NULL OR definition -> 'conditions' ->> 'firstOrderOnly' = 'true'""",
                row -> row.getString(1));
        if (limited.isEmpty()) return List.of();
        List<Row> rows = sql.list("Reading redemptions of limited promotions", """
                SELECT o.order_id, coalesce(o.customer_id, o.email), op.promotion_id, op.amount, o.placed_at, o.ip, o.email,
                       o.device_id, o.address_hash, o.customer_id, o.currency
                  FROM order_promotion op
                  JOIN orders o ON o.order_id = op.order_id
                 WHERE op.promotion_id = ANY (?)
                   AND o.status = 'PLACED' AND o.placed_at >= ? AND o.placed_at < ?
                   AND coalesce(o.customer_id, o.email) IS NOT NULL
                 ORDER BY o.placed_at, o.order_id""",
                row -> {
                    Map<SubjectType, String> shared = new HashMap<>();
                    if (row.getString(6) != null) shared.put(SubjectType.IP, row.getString(6));
                    // Sharing an email only says something across customer ids: one account is one email.
                    if (row.getString(7) != null && row.getString(10) != null) shared.put(SubjectType.EMAIL, row.getString(7));
                    if (row.getString(8) != null) shared.put(SubjectType.DEVICE, row.getString(8));
                    if (row.getString(9) != null) shared.put(SubjectType.ADDRESS, row.getString(9));
                    String currency = row.getString(11);
                    return new Row(row.getString(1), row.getString(2), row.getString(3), currency, atScale(row.getBigDecimal(4), currency),
                            Sql.instant(row, "placed_at"), shared);
                }, limited, from, to);
        Map<Subject, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            row.shared().forEach((type, value) -> groups.computeIfAbsent(new Subject(type, value), s -> new ArrayList<>()).add(row));
        }
        List<AbusePattern> patterns = new ArrayList<>();
        groups.forEach((subject, redemptions) -> {
            int accounts = (int) redemptions.stream().map(Row::account).distinct().count();
            boolean suspicious = switch (subject.type()) {
                case DEVICE -> mostAccountsWithin(redemptions, thresholds.window()) >= thresholds.device();
                case ADDRESS -> accounts >= thresholds.address();
                case EMAIL -> accounts >= thresholds.email();
                case IP -> mostAccountsWithin(redemptions, thresholds.window()) >= thresholds.ip();
                case CUSTOMER -> false;
            };
            if (suspicious) patterns.add(pattern(subject, accounts, redemptions));
        });
        patterns.sort(Comparator.comparingInt(AbusePattern::accounts).reversed().thenComparing(AbusePattern::value));
        return patterns;
    }

    /** The ledger keeps four decimals; answers carry the currency's own (the amounts were priced at it, so nothing rounds). */
    private static BigDecimal atScale(BigDecimal amount, String currency) {
        return Rounding.exact(amount, Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    private static int mostAccountsWithin(List<Row> redemptions, Duration window) {
        int most = 0;
        int start = 0;
        Map<String, Integer> inWindow = new HashMap<>();
        for (Row row : redemptions) {
            inWindow.merge(row.account(), 1, Integer::sum);
            while (Duration.between(redemptions.get(start).placedAt(), row.placedAt()).compareTo(window) > 0) {
                inWindow.computeIfPresent(redemptions.get(start).account(), (k, n) -> n == 1 ? null : n - 1);
                start++;
            }
            most = Math.max(most, inWindow.size());
        }
        return most;
    }

    private static AbusePattern pattern(Subject subject, int accounts, List<Row> redemptions) {
        Set<String> orders = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        BigDecimal discount = BigDecimal.ZERO;
        for (Row row : redemptions) {
            orders.add(row.orderId());
            currencies.add(row.currency());
            discount = discount.add(row.amount());
        }
        List<AbusePattern.Redemption> listed = redemptions.stream().limit(LISTED).map(r -> new AbusePattern.Redemption(
                r.orderId(), r.account(), r.promotionId(), r.currency(), r.amount(), r.placedAt())).toList();
        boolean oneCurrency = currencies.size() == 1;
        return new AbusePattern(subject.type(), subject.value(), accounts, orders.size(),
                oneCurrency ? currencies.iterator().next() : null, oneCurrency ? discount : null,
                redemptions.get(0).placedAt(), redemptions.get(redemptions.size() - 1).placedAt(), listed);
    }
}
