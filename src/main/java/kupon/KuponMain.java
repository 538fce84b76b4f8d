package kupon;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import kupon.database.EmbeddedDatabase;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;

/** Starts Kupon; without an external database configured it first starts the embedded PostgreSQL. */
@QuarkusMain
public class KuponMain {

    private static final Logger LOG = Logger.getLogger(KuponMain.class);

    public static void main(String... args) {
        if (externalDatabaseConfigured()) {
            LOG.info("Using the external PostgreSQL named by QUARKUS_DATASOURCE_JDBC_URL");
        } else if (!embeddedDatabaseIncluded()) {
            refuseToStart("This build of Kupon has no embedded PostgreSQL (the container image leaves it out): set "
                    + EmbeddedDatabase.EXTERNAL_SETTINGS + " to your PostgreSQL");
        } else {
            Path dir = Path.of(setting("KUPON_EMBEDDED_DB_DIR", "kupon.embedded-db.dir", "data/postgres")).toAbsolutePath();
            int port = Integer.parseInt(setting("KUPON_EMBEDDED_DB_PORT", "kupon.embedded-db.port", "0"));
            EmbeddedDatabase db = startEmbedded(dir, port);
            db.supervise(Duration.ofSeconds(1));
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", "");
            LOG.infof("Embedded PostgreSQL listening on port %d, data in %s", db.port(), dir);
        }
        // Invalid URIs are answered by kupon.api.HttpLayerErrors with the contract's JSON instead of Quarkus' empty 400.
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }

    private static EmbeddedDatabase startEmbedded(Path dir, int port) {
        try {
            return EmbeddedDatabase.start(dir, port);
        } catch (EmbeddedDatabase.NoBinaries e) {
            refuseToStart(e.getMessage());
            throw e;
        }
    }

    /** Logging is not set up before Quarkus starts: the reason goes straight to the console. */
    private static void refuseToStart(String reason) {
        System.err.println(reason);
        System.exit(2);
    }

    private static boolean embeddedDatabaseIncluded() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, KuponMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean externalDatabaseConfigured() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null;
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }
}
