package kupon.customers;

/**
 * A customer's order history as this server recorded it, for rules and limits that ask: how many orders they placed
 * (cancelled ones do not count), what they spent and when they last ordered, found by customer id, else by
 * normalized email. The order ledger, which owns the
 * orders, answers it (kupon.orders.OrderHistory).
 */
public interface CustomerHistory {

    /** Placed orders, their total in {@code currency} and the last one's time; {@link Spending#NONE} for a guest. */
    Spending spending(String customerId, String normalizedEmail, String currency);

    /** The key per-customer limits count by: the customer id, else the normalized email, else null. */
    static String customerKey(String customerId, String normalizedEmail) {
        if (customerId != null && !customerId.isBlank()) return "id:" + customerId;
        if (normalizedEmail != null) return "email:" + normalizedEmail;
        return null;
    }
}
