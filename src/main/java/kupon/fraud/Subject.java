package kupon.fraud;

/** One identity of a requester: an IP, a normalized email, a customer id, a device id or a household's address hash. */
public record Subject(SubjectType type, String value) implements Comparable<Subject> {

    @Override
    public int compareTo(Subject other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : value.compareTo(other.value);
    }
}
