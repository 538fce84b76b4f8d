package kupon.rules;

/** What a rule source is written in. */
public enum RuleSourceKind {
    DRL;

    public static RuleSourceKind ofFileName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".drl")) return DRL;
        return null;
    }
}
