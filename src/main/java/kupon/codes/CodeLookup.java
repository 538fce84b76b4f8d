package kupon.codes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kupon.database.Sql;
import kupon.promotions.PromotionService;
import kupon.promotions.PromotionStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds entered codes. Evaluations may answer from a row this node read less than {@code kupon.codes.cache-ttl}
 * ago: a popular code entered thousands of times a second then costs no database query. That is safe because
 * an order checks the code's uses again in its own conditional update, and every change this node makes (an
 * order's use, a cancel, a deactivation) drops the row at once; other nodes' changes are seen within the TTL.
 * Unknown codes are never cached, so a code created anywhere works on its first try.
 */
@ApplicationScoped
public class CodeLookup {

    private static final String QUERY = """
            SELECT c.code, c.promotion_id, c.status, c.max_uses, c.per_customer, c.customer_id, c.email,
                   c.starts_at, c.expires_at, c.uses, p.status AS promotion_status
              FROM promotion_code c JOIN promotion p ON p.id = c.promotion_id
             WHERE c.code = ANY (?)""";
    private static final int CACHED_CODES = 100_000;

    private final Sql sql;
    /** Null when the TTL is zero. */
    private final Cache<String, PromoCode> recent;

    public CodeLookup(Sql sql, CodesConfig config) {
        this.sql = sql;
        this.recent = config.cacheTtl().isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(CACHED_CODES).build();
    }

    /** The stored codes among {@code codes} (already normalized), by code, for an evaluation. */
    public Map<String, PromoCode> find(Collection<String> codes) {
        if (recent == null || codes.isEmpty()) {
            return findFresh(codes);
        }
        Map<String, PromoCode> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            PromoCode cached = recent.getIfPresent(code);
            if (cached != null) found.put(code, cached);
            else missing.add(code);
        }
        if (!missing.isEmpty()) {
            Map<String, PromoCode> read = findFresh(missing);
            recent.putAll(read);
            found.putAll(read);
        }
        return found;
    }

    /** The stored codes among {@code codes} as the database has them now. */
    public Map<String, PromoCode> findFresh(Collection<String> codes) {
        Map<String, PromoCode> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        sql.list("Looking up promo codes", QUERY, row -> found.put(row.getString(1), new PromoCode(row.getString(1),
                row.getString(2), CodeStatus.valueOf(row.getString(3)), Sql.integer(row, "max_uses"),
                Sql.integer(row, "per_customer"), row.getString(6), row.getString(7), Sql.instant(row, "starts_at"),
                Sql.instant(row, "expires_at"), row.getInt(10), PromotionStatus.valueOf(row.getString(11)))), codes);
        return found;
    }

    /** Drops what this node remembers of a code it just changed (or found changed), so the next read is fresh. */
    public void forget(String code) {
        if (recent != null) recent.invalidate(code);
    }

    /** A promotion's status is part of each of its codes' rows: a promotion write on this node drops them all. */
    void onPromotionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionService.Changed change) {
        if (recent != null) recent.invalidateAll();
    }
}
