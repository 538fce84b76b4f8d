package kupon.fraud;

import kupon.customers.EmailNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Who sends a checkout request, as fraud prevention sees it: each identity the request gives (the email normalized,
 * the address already hashed). Any one of them being throttled or blocked is enough.
 */
public record Requester(String ip, String customerId, String email, String deviceId, String addressHash) {

    /** From what a request carries; blank values count as absent, the email is normalized. */
    public static Requester of(String ip, String customerId, String email, String deviceId, String addressHash) {
        return new Requester(blankless(ip), blankless(customerId), email == null || email.isBlank() ? null : EmailNormalizer.normalize(email),
                blankless(deviceId), blankless(addressHash));
    }

    /** Its identities in a fixed order (so that concurrent requests lock counters in the same order). */
    public List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>(5);
        if (ip != null) subjects.add(new Subject(SubjectType.IP, ip));
        if (email != null) subjects.add(new Subject(SubjectType.EMAIL, email));
        if (customerId != null) subjects.add(new Subject(SubjectType.CUSTOMER, customerId));
        if (deviceId != null) subjects.add(new Subject(SubjectType.DEVICE, deviceId));
        if (addressHash != null) subjects.add(new Subject(SubjectType.ADDRESS, addressHash));
        subjects.sort(null);
        return subjects;
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
