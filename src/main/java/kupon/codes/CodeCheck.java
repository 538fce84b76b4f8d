package kupon.codes;

import kupon.promotions.PromotionStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The checks a stored code must pass on its own, before its promotion's conditions are looked at. */
public final class CodeCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CodeCheck() {
    }

    /** Why {@code code} cannot be used by this customer now, if it cannot. */
    public static Optional<RejectedCode> check(PromoCode code, String customerId, String normalizedEmail, Instant now) {
        String c = code.code();
        if (code.status() != CodeStatus.ACTIVE || code.promotionStatus() != PromotionStatus.ACTIVE) {
            return reject(c, RejectionReason.INACTIVE, "The code " + c + " is no longer valid.");
        }
        if (code.startsAt() != null && now.isBefore(code.startsAt())) {
            return reject(c, RejectionReason.NOT_YET_ACTIVE, "The code " + c + " can be used from " + DAY.format(code.startsAt()) + ".");
        }
        if (code.expiresAt() != null && !now.isBefore(code.expiresAt())) {
            return reject(c, RejectionReason.EXPIRED, "This code expired on " + DAY.format(code.expiresAt()) + ".");
        }
        if (code.isPersonal() && !belongsTo(code, customerId, normalizedEmail)) {
            return reject(c, RejectionReason.ASSIGNED_TO_ANOTHER_CUSTOMER, "The code " + c + " belongs to another customer.");
        }
        if (code.maxUses() != null && code.uses() >= code.maxUses()) {
            return reject(c, RejectionReason.USAGE_LIMIT_REACHED, "The code " + c + " has been used up.");
        }
        return Optional.empty();
    }

    private static boolean belongsTo(PromoCode code, String customerId, String normalizedEmail) {
        if (code.customerId() != null && code.customerId().equals(customerId)) return true;
        return code.email() != null && code.email().equals(normalizedEmail);
    }

    private static Optional<RejectedCode> reject(String code, RejectionReason reason, String message) {
        return Optional.of(new RejectedCode(code, reason, message));
    }
}
