package kupon.rules.model;

import java.util.List;
import java.util.function.IntSupplier;

/** The shopper, when known. A guest checkout inserts a customer with no id (and maybe an email). */
public final class Customer {

    private final String id;
    private final String email;
    private final List<String> segments;
    private final String country;
    private final IntSupplier orderCount;
    private int knownOrderCount = -1;

    public Customer(String id, String email, List<String> segments, String country, int orderCount) {
        this(id, email, segments, country, () -> orderCount);
    }

    /**
     * With the order count looked up only if a rule or promotion asks for it: most evaluations never do,
     * and each lookup is a database query.
     */
    public Customer(String id, String email, List<String> segments, String country, IntSupplier orderCount) {
        this.id = id;
        this.email = email;
        this.segments = List.copyOf(segments);
        this.country = country;
        this.orderCount = orderCount;
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

    public boolean isFirstOrder() { return getOrderCount() == 0; }
    public boolean isGuest() { return id == null; }
    public boolean inSegment(String segment) { return segments.contains(segment); }

    @Override
    public String toString() {
        return "Customer[" + (id == null ? "guest" : id) + ", segments=" + segments + "]";
    }
}
