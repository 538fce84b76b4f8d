package kupon.codes;

import kupon.promotions.PromotionStatus;

import java.time.Instant;
import java.util.Optional;

/** The checks a stored code must pass on its own, before its promotion's conditions are looked at. */
public final class CodeCheck {

    private CodeCheck() {
    }

    /** Why {@code code} cannot be used by this customer now, if it cannot. */
    public static Optional<RejectedCode> check(PromoCode code, String customerId, String normalizedEmail, Instant now) {
        String c = code.code();
        if (code.status() != CodeStatus.ACTIVE || code.promotionStatus() != PromotionStatus.ACTIVE) {
            return Optional.of(Rejections.inactive(c));
        }
        if (code.startsAt() != null && now.isBefore(code.startsAt())) {
            return Optional.of(Rejections.notYetValid(c, code.startsAt()));
        }
        if (code.expiresAt() != null && !now.isBefore(code.expiresAt())) {
            return Optional.of(Rejections.expired(c, code.expiresAt()));
        }
        if (code.isPersonal() && !belongsTo(code, customerId, normalizedEmail)) {
            return Optional.of(Rejections.anotherCustomers(c));
        }
        if (code.maxUses() != null && code.uses() >= code.maxUses()) {
            return Optional.of(Rejections.limitReached(c, RejectionReason.USAGE_LIMIT_REACHED));
        }
        return Optional.empty();
    }

    private static boolean belongsTo(PromoCode code, String customerId, String normalizedEmail) {
        if (code.customerId() != null && code.customerId().equals(customerId)) return true;
        return code.email() != null && code.email().equals(normalizedEmail);
    }
}
