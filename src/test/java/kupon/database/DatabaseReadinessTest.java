package kupon.database;

import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** /q/health/ready is anonymous: with the database down it says so, and nothing about where the database is. */
class DatabaseReadinessTest {

    @Test
    void anUnreachableDatabaseIsDownWithoutConnectionDetails() {
        AgroalDataSource unreachable = (AgroalDataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("Connection to db.internal:5432 refused. Check that the hostname and port are correct");
                });

        HealthCheckResponse response = new DatabaseReadiness(unreachable).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("Database connections health check");
        assertThat(response.getData()).isEmpty();
    }
}
