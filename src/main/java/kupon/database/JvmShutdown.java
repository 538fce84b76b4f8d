package kupon.database;

/**
 * Whether the JVM is shutting down: then a lost database (an external one stopped with the host, or the embedded one
 * closing after the service) is expected, and nothing should warn about it or start it again.
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
