package kupon.fraud;

import java.time.Instant;

/** Something fraud prevention did or saw, as {@code GET /api/v1/fraud/events} lists it. */
public record FraudEvent(long id, Instant at, Type type, SubjectType subjectType, String value, String detail) {

    /** What happened. */
    public enum Type {
        /** A requester passed the unknown-code threshold; its requests with codes are answered 429 for a while. */
        THROTTLED,
        /** A block was added by an admin. */
        BLOCKED,
        /** A block was added by the auto-block policy for an abuse pattern. */
        AUTO_BLOCKED,
        /** A block was removed before it ran out. */
        UNBLOCKED
    }
}
