package kupon.rules.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The shopper, when known. A guest checkout inserts a customer with no id (and maybe an email). */
public final class Customer {

    private final String id;
    private final String email;
    private final List<String> segments;
    private final String country;
    private final IntSupplier orderCount;
    private int knownOrderCount = -1;
    private final MonthDay birthday;
    private final Map<String, String> attributes;
    private final History history;
    private final LocalDate today;
    private BigDecimal knownLifetimeSpend;
    private Instant knownLastOrderAt;
    private boolean historyRead;

    /** What the order ledger recorded of this shopper, read only if a rule or promotion asks (a database query). */
    public interface History {
        BigDecimal lifetimeSpend();

        Instant lastOrderAt();
    }

    private static final History NO_HISTORY = new History() {
        @Override
        public BigDecimal lifetimeSpend() {
            return BigDecimal.ZERO;
        }

        @Override
        public Instant lastOrderAt() {
            return null;
        }
    };

    public Customer(String id, String email, List<String> segments, String country, int orderCount) {
        this(id, email, segments, country, () -> orderCount);
    }

    /**
     * With the order count looked up only if a rule or promotion asks for it: most evaluations never do,
     * and each lookup is a database query.
     */
    public Customer(String id, String email, List<String> segments, String country, IntSupplier orderCount) {
        this(id, email, segments, country, orderCount, null, Map.of(), NO_HISTORY, null);
    }

    /**
     * @param birthday month and day, or null when checkout did not send one
     * @param today the day of the evaluation (UTC), what {@link #isBirthdayWithinDays} and {@link #isInactiveForDays} count from
     */
    public Customer(String id, String email, List<String> segments, String country, IntSupplier orderCount,
                    MonthDay birthday, Map<String, String> attributes, History history, LocalDate today) {
        this.id = id;
        this.email = email;
        this.segments = List.copyOf(segments);
        this.country = country;
        this.orderCount = orderCount;
        this.birthday = birthday;
        this.attributes = Map.copyOf(attributes);
        this.history = history;
        this.today = today;
    }

    public String getId() { return id; }
    /** The email as normalized for limits (lower-case; Gmail-like dots and +tags removed). */
    public String getEmail() { return email; }
    public List<String> getSegments() { return segments; }
    public String getCountry() { return country; }
    /** Orders placed before this one. */
    public int getOrderCount() {
        if (knownOrderCount < 0) knownOrderCount = orderCount.getAsInt();
        return knownOrderCount;
    }

    /** Month and day of the birthday checkout sent, or null. */
    public MonthDay getBirthday() { return birthday; }

    /** Whether the next birthday is within {@code days} days, today included (0: today only). False without a birthday. */
    public boolean isBirthdayWithinDays(int days) {
        if (birthday == null || today == null) return false;
        LocalDate next = birthday.atYear(today.getYear());
        if (next.isBefore(today)) next = birthday.atYear(today.getYear() + 1);
        return ChronoUnit.DAYS.between(today, next) <= days;
    }

    /** The labels checkout sent (a tier, a store, a membership), by name. */
    public Map<String, String> getAttributes() { return attributes; }

    /** One label, or null. */
    public String attribute(String name) { return attributes.get(name); }

    /** What the placed orders of this shopper came to, in the cart's currency; zero for a guest or a first order. */
    public BigDecimal getLifetimeSpend() {
        readHistory();
        return knownLifetimeSpend;
    }

    /** When this shopper's last placed order was placed, or null if there is none. */
    public Instant getLastOrderAt() {
        readHistory();
        return knownLastOrderAt;
    }

    /** Whether the shopper has ordered before, but not in the last {@code days} days: who a win-back offer is for. */
    public boolean isInactiveForDays(int days) {
        Instant last = getLastOrderAt();
        return last != null && today != null && last.isBefore(today.atStartOfDay(ZoneOffset.UTC).minusDays(days).toInstant());
    }

    private void readHistory() {
        if (historyRead) return;
        knownLifetimeSpend = history.lifetimeSpend();
        knownLastOrderAt = history.lastOrderAt();
        historyRead = true;
    }

    public boolean isFirstOrder() { return getOrderCount() == 0; }
    public boolean isGuest() { return id == null; }
    public boolean inSegment(String segment) { return segments.contains(segment); }

    @Override
    public String toString() {
        return "Customer[" + (id == null ? "guest" : id) + ", segments=" + segments + "]";
    }
}
