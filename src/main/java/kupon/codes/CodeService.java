package kupon.codes;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.customers.EmailNormalizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates codes for promotions, shows them, and switches them off. */
@ApplicationScoped
public class CodeService {

    /** What a marketer sends to create one code. */
    public record NewCode(String code, Integer maxUses, Integer perCustomer, String customerId, String email,
                          Instant startsAt, Instant expiresAt) {
    }

    private final CodeLookup lookup;
    private final AgroalDataSource dataSource;

    public CodeService(CodeLookup lookup, AgroalDataSource dataSource) {
        this.lookup = lookup;
        this.dataSource = dataSource;
    }

    /** Stores the code; false when it is taken (by any promotion). The database decides, so two concurrent creates cannot both win. */
    public boolean create(String promotionId, NewCode code) {
        String sql = """
                INSERT INTO promotion_code (code, promotion_id, status, max_uses, per_customer, customer_id, email, starts_at, expires_at)
                VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO NOTHING""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, PromoCode.normalize(code.code()));
            insert.setString(2, promotionId);
            setInteger(insert, 3, code.maxUses());
            setInteger(insert, 4, code.perCustomer());
            insert.setString(5, code.customerId());
            insert.setString(6, EmailNormalizer.normalize(code.email()));
            insert.setTimestamp(7, code.startsAt() == null ? null : Timestamp.from(code.startsAt()));
            insert.setTimestamp(8, code.expiresAt() == null ? null : Timestamp.from(code.expiresAt()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing code " + code.code() + " failed: " + e.getMessage(), e);
        }
    }

    public Optional<PromoCode> find(String code) {
        String normalized = PromoCode.normalize(code);
        return Optional.ofNullable(lookup.findFresh(List.of(normalized)).get(normalized));
    }

    public boolean deactivate(String code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE promotion_code SET status = 'INACTIVE' WHERE code = ?")) {
            String normalized = PromoCode.normalize(code);
            update.setString(1, normalized);
            boolean changed = update.executeUpdate() == 1;
            lookup.forget(normalized);
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Deactivating code " + code + " failed: " + e.getMessage(), e);
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) statement.setNull(index, Types.INTEGER);
        else statement.setInt(index, value);
    }
}
