package kupon.limits;

import kupon.codes.PromoCode;
import kupon.codes.RejectionReason;
import kupon.promotions.Promotion;
import kupon.promotions.ScheduleState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Which counters an order using a promotion (through a code, maybe) must stay within. */
public final class Limits {

    private Limits() {
    }

    /** The limits of a JSON promotion, its days counted in its schedule's time zone; see {@link #of(String, Promotion.Limits, ZoneId, PromoCode, String, String, Instant)}. */
    public static List<UsageLimit> of(Promotion promotion, PromoCode code, String customerKey, String ip, Instant now) {
        return of(promotion.id(), promotion.limits(), ScheduleState.zone(promotion.schedule()), code, customerKey, ip, now);
    }

    /**
     * The limits of promotion {@code promotionId}, whether a JSON promotion or a rule file states them, and of
     * {@code code} (a stored code, or null) for this shopper. Counters are keyed by promotion id alone, so two
     * promotions with one id count against the same counters. {@code customerKey} is the customer id, else the
     * normalized email, else null (a guest with no email cannot use promotions limited per customer); {@code zone}
     * is where {@code perDay}'s calendar day is read.
     */
    public static List<UsageLimit> of(String promotionId, Promotion.Limits limits, ZoneId zone, PromoCode code,
                                      String customerKey, String ip, Instant now) {
        List<UsageLimit> result = new ArrayList<>();
        if (limits != null) {
            if (limits.totalUses() != null || limits.budget() != null) {
                result.add(new UsageLimit(UsageKey.total(promotionId), limits.totalUses(), limits.budget(),
                        RejectionReason.USAGE_LIMIT_REACHED));
            }
            if (limits.perCustomer() != null) {
                result.add(new UsageLimit(new UsageKey(promotionId, UsageKey.Scope.CUSTOMER, customerKey == null ? "" : customerKey),
                        limits.perCustomer(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
            }
            if (limits.perDay() != null) {
                String day = now.atZone(zone).toLocalDate().toString();
                result.add(new UsageLimit(new UsageKey(promotionId, UsageKey.Scope.DAY, day), limits.perDay(), null,
                        RejectionReason.DAILY_LIMIT_REACHED));
            }
            if (limits.perIp() != null) {
                result.add(new UsageLimit(new UsageKey(promotionId, UsageKey.Scope.IP, ip == null ? "" : ip), limits.perIp(), null,
                        RejectionReason.IP_LIMIT_REACHED));
            }
        }
        if (code != null && code.perCustomer() != null) {
            result.add(new UsageLimit(new UsageKey(UsageKey.Subject.code(code.code()), UsageKey.Scope.CUSTOMER,
                    customerKey == null ? "" : customerKey), code.perCustomer(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
        }
        return result;
    }

    /** True when a limit counts per customer but the shopper cannot be told apart from others. */
    public static boolean needsKnownCustomer(List<UsageLimit> limits) {
        return limits.stream().anyMatch(l -> l.key().scope() == UsageKey.Scope.CUSTOMER && l.key().key().isEmpty());
    }
}
