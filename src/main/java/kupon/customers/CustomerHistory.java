package kupon.customers;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A customer's order history as this server recorded it: how many orders they placed (cancelled
 * ones do not count), found by customer id, else by normalized email.
 */
@ApplicationScoped
public class CustomerHistory {

    private final AgroalDataSource dataSource;

    public CustomerHistory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int orderCount(String customerId, String normalizedEmail) {
        if (customerId == null && normalizedEmail == null) {
            return 0;
        }
        String sql = customerId != null
                ? "SELECT count(*) FROM orders WHERE customer_id = ? AND status = 'PLACED'"
                : "SELECT count(*) FROM orders WHERE email = ? AND status = 'PLACED'";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, customerId != null ? customerId : normalizedEmail);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the order history failed: " + e.getMessage(), e);
        }
    }

    /** The key per-customer limits count by: the customer id, else the normalized email, else null. */
    public static String customerKey(String customerId, String normalizedEmail) {
        if (customerId != null && !customerId.isBlank()) return "id:" + customerId;
        if (normalizedEmail != null) return "email:" + normalizedEmail;
        return null;
    }
}
