package kupon.api;

import java.util.List;

/**
 * A request that parsed but breaks the contract: 422 with the offending fields (400 for path and query parameters).
 * At most {@link #MAX_DETAILS} are listed, so a body with a million bad values cannot make a million-line answer.
 */
public class InvalidRequestException extends RuntimeException {

    static final int MAX_DETAILS = 50;

    private final List<FieldError> errors;
    private final int status;

    public InvalidRequestException(List<FieldError> errors) {
        this(422, errors);
    }

    public InvalidRequestException(int status, List<FieldError> errors) {
        super(summary(errors), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_DETAILS)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError only = errors.get(0);
            return (only.path().isEmpty() ? "" : only.path() + ": ") + only.message();
        }
        return errors.size() + " fields are invalid; see details" + (errors.size() > MAX_DETAILS ? " (the first " + MAX_DETAILS + ")" : "");
    }
}
