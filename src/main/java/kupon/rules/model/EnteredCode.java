package kupon.rules.model;

/** A promo code the shopper entered, trimmed and upper-cased, so rules compare with {@code code == "SAVE10"}. */
public final class EnteredCode {

    private final String code;

    public EnteredCode(String code) {
        this.code = code;
    }

    public String getCode() { return code; }

    @Override
    public String toString() {
        return "EnteredCode[" + code + "]";
    }
}
