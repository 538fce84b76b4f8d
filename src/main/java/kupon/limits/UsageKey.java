package kupon.limits;

/**
 * One usage counter: what is counted (a promotion, or a code), in which scope, and for whom (the customer key, the
 * calendar day, the IP, or empty for the total).
 */
public record UsageKey(Subject subject, Scope scope, String key) implements Comparable<UsageKey> {

    public enum Scope { TOTAL, CUSTOMER, DAY, IP, DEVICE, ADDRESS }

    /** What a counter counts uses of. */
    public record Subject(Kind kind, String id) implements Comparable<Subject> {

        public enum Kind { PROMOTION, CODE }

        private static final String CODE_PREFIX = "code:";

        public static Subject promotion(String promotionId) {
            return new Subject(Kind.PROMOTION, promotionId);
        }

        public static Subject code(String code) {
            return new Subject(Kind.CODE, code);
        }

        /** As the ledger's {@code subject} columns keep it: the promotion id, or {@code code:<CODE>}. */
        public String stored() {
            return kind == Kind.CODE ? CODE_PREFIX + id : id;
        }

        public static Subject ofStored(String stored) {
            return stored.startsWith(CODE_PREFIX) ? code(stored.substring(CODE_PREFIX.length())) : promotion(stored);
        }

        @Override
        public int compareTo(Subject other) {
            return stored().compareTo(other.stored());
        }
    }

    /** A counter of a promotion's uses. */
    public UsageKey(String promotionId, Scope scope, String key) {
        this(Subject.promotion(promotionId), scope, key);
    }

    public static UsageKey total(String promotionId) {
        return new UsageKey(promotionId, Scope.TOTAL, "");
    }

    /** Counters are always changed in this order, so two orders never wait on each other in a cycle. */
    @Override
    public int compareTo(UsageKey other) {
        int bySubject = subject.compareTo(other.subject);
        if (bySubject != 0) return bySubject;
        int byScope = scope.compareTo(other.scope);
        return byScope != 0 ? byScope : key.compareTo(other.key);
    }
}
