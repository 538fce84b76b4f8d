package kupon.limits;

import kupon.codes.PromoCode;
import kupon.codes.RejectionReason;
import kupon.promotions.Promotion;
import kupon.promotions.ScheduleState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which counters an order using a promotion (through a code, maybe) must stay within. */
public final class Limits {

    private Limits() {
    }

    /**
     * The limits of {@code promotion} and of {@code code} (null for automatic promotions) for this
     * shopper. {@code customerKey} is the customer id, else the normalized email, else null (a guest
     * with no email cannot use promotions limited per customer).
     */
    public static List<UsageLimit> of(Promotion promotion, PromoCode code, String customerKey, String ip, Instant now) {
        List<UsageLimit> limits = new ArrayList<>();
        Promotion.Limits l = promotion.limits();
        String id = promotion.id();
        if (l != null) {
            if (l.totalUses() != null || l.budget() != null) {
                limits.add(new UsageLimit(UsageKey.total(id), l.totalUses(), l.budget(), RejectionReason.USAGE_LIMIT_REACHED));
            }
            if (l.perCustomer() != null) {
                limits.add(new UsageLimit(new UsageKey(id, UsageKey.Scope.CUSTOMER, customerKey == null ? "" : customerKey),
                        l.perCustomer(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
            }
            if (l.perDay() != null) {
                String day = now.atZone(ScheduleState.zone(promotion.schedule())).toLocalDate().toString();
                limits.add(new UsageLimit(new UsageKey(id, UsageKey.Scope.DAY, day), l.perDay(), null, RejectionReason.DAILY_LIMIT_REACHED));
            }
            if (l.perIp() != null) {
                limits.add(new UsageLimit(new UsageKey(id, UsageKey.Scope.IP, ip == null ? "" : ip), l.perIp(), null,
                        RejectionReason.IP_LIMIT_REACHED));
            }
        }
        if (code != null && code.perCustomer() != null) {
            limits.add(new UsageLimit(new UsageKey(UsageKey.codeSubject(code.code()), UsageKey.Scope.CUSTOMER,
                    customerKey == null ? "" : customerKey), code.perCustomer(), null, RejectionReason.CUSTOMER_LIMIT_REACHED));
        }
        return limits;
    }

    /** True when a limit counts per customer but the shopper cannot be told apart from others. */
    public static boolean needsKnownCustomer(List<UsageLimit> limits) {
        return limits.stream().anyMatch(l -> l.key().scope() == UsageKey.Scope.CUSTOMER && l.key().key().isEmpty());
    }
}
