package kupon.orders;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.customers.CustomerHistory;
import kupon.customers.Spending;
import kupon.database.Sql;

/** A customer's history read from the order ledger: placed orders by customer id, else by normalized email. */
@ApplicationScoped
public class OrderHistory implements CustomerHistory {

    private final Sql sql;

    public OrderHistory(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Spending spending(String customerId, String normalizedEmail, String currency) {
        if (customerId == null && normalizedEmail == null) return Spending.NONE;
        String query = """
                SELECT count(*), coalesce(sum(total) FILTER (WHERE currency = ?), 0), max(placed_at) FROM orders
                 WHERE %s = ? AND status = 'PLACED'""".formatted(customerId != null ? "customer_id" : "email");
        return sql.one("Reading the order history", query,
                row -> new Spending(row.getInt(1), row.getBigDecimal(2), Sql.instant(row, "max")),
                currency, customerId != null ? customerId : normalizedEmail).orElse(Spending.NONE);
    }
}
