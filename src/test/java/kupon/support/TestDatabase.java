package kupon.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kupon.database.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PostgreSQL the tests run against: the one named by QUARKUS_DATASOURCE_JDBC_URL if set, else a
 * fresh embedded PostgreSQL in target/.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-postgres-");
            Files.delete(dir); // the embedded server initialises a directory that does not exist yet
            database = EmbeddedDatabase.start(dir, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
