package kupon.limits;

/**
 * One usage counter: what is counted (a promotion id, or {@code code:<CODE>}), in which scope, and
 * for whom (the customer key, the calendar day, the IP, or empty for the total).
 */
public record UsageKey(String subject, Scope scope, String key) implements Comparable<UsageKey> {

    public enum Scope { TOTAL, CUSTOMER, DAY, IP }

    public static UsageKey total(String promotionId) {
        return new UsageKey(promotionId, Scope.TOTAL, "");
    }

    private static final String CODE_PREFIX = "code:";

    public static String codeSubject(String code) {
        return CODE_PREFIX + code;
    }

    /** The code a {@link #codeSubject} names, or null when {@code subject} is a promotion id. */
    public static String codeOf(String subject) {
        return subject.startsWith(CODE_PREFIX) ? subject.substring(CODE_PREFIX.length()) : null;
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
