package kupon.api;

/** One thing wrong with a request: where ({@code cart.lines[0].quantity}) and what to do about it. */
public record FieldError(String path, String message) {
}
