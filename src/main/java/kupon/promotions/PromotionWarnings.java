package kupon.promotions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is accepted in a saved promotion but almost certainly not meant: an active promotion whose schedule has already
 * ended never applies, and its codes are then refused as expired. The create, update and activate answers carry these.
 */
public final class PromotionWarnings {

    /** A warning about one field, saying what to change. */
    public record Warning(String field, String message) {
    }

    private PromotionWarnings() {
    }

    public static List<Warning> of(Promotion promotion, Instant now) {
        List<Warning> warnings = new ArrayList<>();
        Promotion.Schedule schedule = promotion.schedule();
        if (promotion.status() != PromotionStatus.ACTIVE || schedule == null) return warnings;
        if (schedule.endsAt() != null && !schedule.endsAt().toInstant().isAfter(now)) {
            warnings.add(new Warning("schedule.endsAt", "The schedule ended at " + schedule.endsAt()
                    + ": the promotion is saved as ACTIVE but will never apply, and its codes are refused as EXPIRED."
                    + " Set a later endsAt, or remove it."));
        }
        return warnings;
    }
}
