package kupon.rules;

/** Why a rule set was rebuilt, and by whom: what a new version records as its origin. */
public record VersionCause(Kind kind, String by, Long restores) {

    /** What made the rule set change. */
    public enum Kind {
        /** The service started and found rule files or promotions unlike the latest version's. */
        STARTUP,
        /** A file in the rules folder was added, changed or removed. */
        RULES_FOLDER,
        /** A rule file was uploaded through the API. */
        UPLOAD,
        /** An uploaded rule file was removed through the API. */
        REMOVAL,
        /** A JSON promotion was created, changed, activated, deactivated or deleted. */
        PROMOTIONS,
        /** An older version's rule files were activated again ({@link #restores} says which). */
        ROLLBACK,
        /** An admin asked for a reload, which also ends a rollback. */
        RELOAD,
        /** Another node committed the change; it recorded the version first, so this one rarely shows. */
        OTHER_NODE
    }

    public static final VersionCause STARTED = new VersionCause(Kind.STARTUP, "kupon", null);
    public static final VersionCause FOLDER = new VersionCause(Kind.RULES_FOLDER, "rules folder", null);
    public static final VersionCause ELSEWHERE = new VersionCause(Kind.OTHER_NODE, "another node", null);

    public static VersionCause of(Kind kind, String by) {
        return new VersionCause(kind, by, null);
    }

    public static VersionCause rollback(String by, long restores) {
        return new VersionCause(Kind.ROLLBACK, by, restores);
    }
}
