package kupon.auth;

/** What an API key may do. {@code ADMIN} may do everything. */
public enum Role {
    CHECKOUT, MARKETER, ADMIN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
