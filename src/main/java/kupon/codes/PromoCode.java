package kupon.codes;

import kupon.promotions.PromotionStatus;

import java.time.Instant;

/** A promo code as stored, with the status of its promotion: everything evaluate needs to accept or reject it. */
public record PromoCode(String code, String promotionId, CodeStatus status, Integer maxUses, Integer perCustomer,
                        String customerId, String email, Instant startsAt, Instant expiresAt, int uses,
                        PromotionStatus promotionStatus) {

    /** Codes are matched case-insensitively after trimming, and literally. */
    public static String normalize(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isPersonal() {
        return customerId != null || email != null;
    }
}
