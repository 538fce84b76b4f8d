package kupon.fraud;

import java.time.Instant;

/** A requester identity whose codes are refused as BLOCKED until {@code until} (null: until it is removed). */
public record Block(String id, SubjectType type, String value, Instant until, String reason, String createdBy, Instant createdAt) {

    boolean inForceAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
