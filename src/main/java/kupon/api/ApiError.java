package kupon.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The JSON body of every error response: a stable code, a message for people, and located details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<FieldError> details) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }
}
