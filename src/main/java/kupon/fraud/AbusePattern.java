package kupon.fraud;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A group of distinct customer accounts that share one identity (a device, an IP, a normalized email or a household
 * address) and redeemed promotions meant once per customer or for first orders only: the "new account per order" abuse.
 */
public record AbusePattern(SubjectType sharedBy, String value, int accounts, int orders, String currency, BigDecimal discount,
                           Instant firstAt, Instant lastAt, List<Redemption> redemptions) {

    /**
     * One redemption of a limited promotion in the group (at most {@link AbusePatterns#LISTED} are listed). The group's
     * {@code discount} is their sum when they share one currency, else null (and {@code currency} too).
     */
    public record Redemption(String orderId, String account, String promotionId, String currency, BigDecimal amount, Instant placedAt) {
    }
}
