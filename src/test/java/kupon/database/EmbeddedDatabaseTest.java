package kupon.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL that `make run` uses keeps its data in its folder across restarts. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws SQLException {
        Path data = folder.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0);
             Connection connection = DriverManager.getConnection(first.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note TEXT)");
            statement.execute("INSERT INTO kept VALUES ('written before the restart')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, 0);
             Connection connection = DriverManager.getConnection(second.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the restart");
        }
    }
}
