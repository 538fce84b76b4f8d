package kupon.customers;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a customer has bought from this shop, as the order ledger recorded it: placed orders (cancelled ones do not
 * count), what they came to in one currency, and when the last one was placed (null before the first).
 */
public record Spending(int orders, BigDecimal lifetimeSpend, Instant lastOrderAt) {

    public static final Spending NONE = new Spending(0, BigDecimal.ZERO, null);
}
