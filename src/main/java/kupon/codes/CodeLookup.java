package kupon.codes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kupon.promotions.PromotionService;
import kupon.promotions.PromotionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

    private final AgroalDataSource dataSource;
    /** Null when the TTL is zero. */
    private final Cache<String, PromoCode> recent;

    public CodeLookup(AgroalDataSource dataSource, CodesConfig config) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setArray(1, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    PromoCode code = new PromoCode(row.getString(1), row.getString(2), CodeStatus.valueOf(row.getString(3)),
                            (Integer) row.getObject(4), (Integer) row.getObject(5), row.getString(6), row.getString(7),
                            instant(row.getTimestamp(8)), instant(row.getTimestamp(9)), row.getInt(10),
                            PromotionStatus.valueOf(row.getString(11)));
                    found.put(code.code(), code);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up promo codes failed: " + e.getMessage(), e);
        }
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
