package kupon.nodes;

import kupon.database.EmbeddedDatabase;
import kupon.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What checkout counted in memory for analytics reaches the database when a node stops gracefully (SIGTERM), even if
 * its next flush was an hour away; and the node answers evaluations without writing any of it meanwhile.
 */
class AnalyticsShutdownIT {

    @Test
    void aGracefulStopWritesWhatWasCountedInMemory() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-postgres-");
        Files.delete(dir);
        String promotion = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        String code = "STOP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0)) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
            env.put("KUPON_CHECKOUT_KEYS", "it-checkout");
            env.put("KUPON_MARKETER_KEYS", "it-marketer");
            env.put("KUPON_ADMIN_KEYS", "it-admin");
            env.put("KUPON_ANALYTICS_FLUSH_INTERVAL", "1h");
            ServiceProcess node = ServiceProcess.start("node-analytics-stop", env);
            try {
                node.expectOk("POST", "/api/v1/promotions", "it-marketer", """
                        {"id": "%s", "name": "Stop", "trigger": "CODE", "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(promotion));
                node.expectOk("POST", "/api/v1/promotions/" + promotion + "/codes", "it-marketer", "{\"code\": \"" + code + "\"}");
                for (int i = 0; i < 7; i++) {
                    node.expectOk("POST", "/api/v1/evaluate", "it-checkout", """
                            {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "A", "quantity": 1, "unitPrice": "10.00"}]},
                             "codes": ["%s"]}""".formatted(code));
                }
                assertThat(entered(database, promotion)).as("nothing written while the node runs").isZero();
            } finally {
                node.close();
            }
            assertThat(entered(database, promotion)).as("written when the node stopped").isEqualTo(7);
        }
    }

    private static long entered(EmbeddedDatabase database, String promotion) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(sum(count), 0) FROM analytics_code_counter WHERE promotion_id = '"
                     + promotion + "' AND outcome = 'ENTERED'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
