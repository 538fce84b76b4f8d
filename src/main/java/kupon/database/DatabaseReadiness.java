package kupon.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready only while PostgreSQL answers. /q/health is anonymous, so it says up or down and nothing else: the built-in
 * check (switched off in application.properties) put the driver's message, with host and port, in its answer.
 * Why it is down is in the server log.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database connections health check";
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int TIMEOUT_SECONDS = 3;

    private final AgroalDataSource dataSource;

    public DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(TIMEOUT_SECONDS)) return HealthCheckResponse.up(NAME);
            LOG.warn("Readiness: the database connection did not answer in " + TIMEOUT_SECONDS + " s");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Readiness: the database is unreachable: %s", e.getMessage());
        }
        return HealthCheckResponse.down(NAME);
    }
}
