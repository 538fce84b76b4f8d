package kupon.promotions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which group of a promotion's experiment a shopper is in: a stable hash of (promotion id, customer key) into 10,000
 * slots, the first {@code percent × 100} of which are held out. The same shopper lands in the same group on every node
 * and every visit; another promotion splits the shoppers independently.
 */
public final class HoldoutGroup {

    private static final int SLOTS = 10_000;

    private HoldoutGroup() {
    }

    /** Whether the shopper is held out of this promotion; guests (no customer key) never are. */
    public static boolean heldOut(String promotionId, String customerKey, Promotion.Holdout holdout) {
        if (holdout == null || holdout.percent() == null || customerKey == null) return false;
        return slot(promotionId, customerKey) < holdout.percent().movePointRight(2).intValue();
    }

    /** The shopper's slot, 0 to 9,999. */
    public static int slot(String promotionId, String customerKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((promotionId + "\u0000" + customerKey).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | (digest[i] & 0xff);
            return (int) Long.remainderUnsigned(value, SLOTS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
