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
        return of(promotion, code, new Who(customerKey, ip, null, null), now);
    }

    /**
     * Who an order counts against: {@code customerKey} (customer id, else normalized email), the IP, the device id and
     * the household hash of the shipping address; null when the request did not say.
     */
    public record Who(String customerKey, String ip, String deviceId, String addressHash) {
    }

    public static List<UsageLimit> of(Promotion promotion, PromoCode code, Who who, Instant now) {
        return of(promotion.id(), promotion.limits(), ScheduleState.zone(promotion.schedule()), code, who, now);
    }

    public static List<UsageLimit> of(String promotionId, Promotion.Limits limits, ZoneId zone, PromoCode code,
                                      String customerKey, String ip, Instant now) {
        return of(promotionId, limits, zone, code, new Who(customerKey, ip, null, null), now);
    }

    /**
     * The limits of promotion {@code promotionId}, whether a JSON promotion or a rule file states them, and of
     * {@code code} (a stored code, or null) for this shopper. Counters are keyed by promotion id alone, so two
     * promotions with one id count against the same counters. {@code customerKey} is the customer id, else the
     * normalized email, else null (a guest with no email cannot use promotions limited per customer); {@code zone}
     * is where {@code perDay}'s calendar day is read.
     */
    public static List<UsageLimit> of(String promotionId, Promotion.Limits limits, ZoneId zone, PromoCode code, Who who,
                                      Instant now) {
        String customerKey = who.customerKey();
        String ip = who.ip();
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
            // A device or a household is a shopper of its own: its limit reached reads like the customer's.
            if (limits.perDevice() != null) {
                result.add(new UsageLimit(new UsageKey(promotionId, UsageKey.Scope.DEVICE, who.deviceId() == null ? "" : who.deviceId()),
                        limits.perDevice(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
            }
            if (limits.perAddress() != null) {
                result.add(new UsageLimit(new UsageKey(promotionId, UsageKey.Scope.ADDRESS, who.addressHash() == null ? "" : who.addressHash()),
                        limits.perAddress(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
            }
        }
        if (code != null && code.perCustomer() != null) {
            result.add(new UsageLimit(new UsageKey(UsageKey.Subject.code(code.code()), UsageKey.Scope.CUSTOMER,
                    customerKey == null ? "" : customerKey), code.perCustomer(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
        }
        return result;
    }

    /**
     * True when a limit counts per customer, device or household but the request does not say which: such a shopper
     * cannot be told apart from others, so the promotion does not apply to them.
     */
    public static boolean needsKnownCustomer(List<UsageLimit> limits) {
        return limits.stream().anyMatch(l -> PER_SHOPPER.contains(l.key().scope()) && l.key().key().isEmpty());
    }

    private static final java.util.Set<UsageKey.Scope> PER_SHOPPER = java.util.EnumSet.of(UsageKey.Scope.CUSTOMER,
            UsageKey.Scope.DEVICE, UsageKey.Scope.ADDRESS);
}
