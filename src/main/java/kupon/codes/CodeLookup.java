package kupon.codes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.promotions.PromotionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds entered codes in one indexed query. Plain JDBC because it is on every evaluation that carries
 * a code and needs no entity state; reading the row fresh means a code used up or deactivated a moment
 * ago is reported as such.
 */
@ApplicationScoped
public class CodeLookup {

    private static final String QUERY = """
            SELECT c.code, c.promotion_id, c.status, c.max_uses, c.per_customer, c.customer_id, c.email,
                   c.starts_at, c.expires_at, c.uses, p.status AS promotion_status
              FROM promotion_code c JOIN promotion p ON p.id = c.promotion_id
             WHERE c.code = ANY (?)""";

    private final AgroalDataSource dataSource;

    public CodeLookup(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored codes among {@code codes} (already normalized), by code. */
    public Map<String, PromoCode> find(Collection<String> codes) {
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
