package kupon.codes;

/** An entered code that gives nothing, why, and a sentence the shopper can act on. */
public record RejectedCode(String code, RejectionReason reason, String message) {
}
