package kupon.orders;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.customers.CustomerHistory;
import kupon.database.Sql;

/** A customer's history read from the order ledger: placed orders by customer id, else by normalized email. */
@ApplicationScoped
public class OrderHistory implements CustomerHistory {

    private final Sql sql;

    public OrderHistory(Sql sql) {
        this.sql = sql;
    }

    @Override
    public int orderCount(String customerId, String normalizedEmail) {
        if (customerId == null && normalizedEmail == null) {
            return 0;
        }
        String query = customerId != null
                ? "SELECT count(*) FROM orders WHERE customer_id = ? AND status = 'PLACED'"
                : "SELECT count(*) FROM orders WHERE email = ? AND status = 'PLACED'";
        return sql.one("Reading the order history", query, row -> row.getInt(1),
                customerId != null ? customerId : normalizedEmail).orElse(0);
    }
}
