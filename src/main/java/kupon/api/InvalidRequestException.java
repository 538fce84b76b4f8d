package kupon.api;

import java.util.List;

/** A request that parsed but breaks the contract; answered with 422 and every offending field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() == 1 ? (errors.get(0).path().isEmpty() ? "" : errors.get(0).path() + ": ") + errors.get(0).message()
                : errors.size() + " fields are invalid; see details");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
