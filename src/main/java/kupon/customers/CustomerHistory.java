package kupon.customers;

/**
 * A customer's order history as this server recorded it, for rules and limits that ask: how many orders they placed
 * (cancelled ones do not count), found by customer id, else by normalized email. The order ledger, which owns the
 * orders, answers it (kupon.orders.OrderHistory).
 */
public interface CustomerHistory {

    int orderCount(String customerId, String normalizedEmail);

    /** The key per-customer limits count by: the customer id, else the normalized email, else null. */
    static String customerKey(String customerId, String normalizedEmail) {
        if (customerId != null && !customerId.isBlank()) return "id:" + customerId;
        if (normalizedEmail != null) return "email:" + normalizedEmail;
        return null;
    }
}
