package kupon.database;

/**
 * Whether the JVM is shutting down. A Ctrl-C reaches the embedded PostgreSQL (it runs in Kupon's process group) as
 * soon as Kupon, so during a shutdown a lost database is expected and nothing should warn about it or restart it.
 */
public final class JvmShutdown {

    private JvmShutdown() {
    }

    public static boolean inProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}
