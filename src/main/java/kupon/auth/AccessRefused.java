package kupon.auth;

/** A request without a known key (401) or with a key whose role the endpoint does not allow (403). */
public final class AccessRefused extends RuntimeException {

    private final int status;
    private final String error;

    AccessRefused(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The stable code of the error body: UNAUTHORIZED or FORBIDDEN. */
    public String error() {
        return error;
    }
}
