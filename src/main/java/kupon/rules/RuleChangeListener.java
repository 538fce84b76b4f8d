package kupon.rules;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Listens for rule set changes committed by any node ({@code NOTIFY kupon_rules}) on a dedicated
 * connection, so a change reaches every node in milliseconds. The connection is re-opened whenever it
 * drops; notifications sent meanwhile are lost, which is why {@link ActiveRuleSet} also polls.
 */
@ApplicationScoped
public class RuleChangeListener {

    public static final String CHANNEL = "kupon_rules";
    private static final Logger LOG = Logger.getLogger(RuleChangeListener.class);

    private final ActiveRuleSet ruleSets;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running = true;
    private Thread thread;

    public RuleChangeListener(ActiveRuleSet ruleSets,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.ruleSets = ruleSets;
        this.url = url;
        this.user = user.orElse(null);
        this.password = password.orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "rule-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) thread.interrupt();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Anything committed while we were not listening is caught up on now.
                ruleSets.requestRebuild();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null && notifications.length > 0) {
                        ruleSets.requestRebuild();
                    }
                }
            } catch (SQLException e) {
                if (!running || kupon.database.JvmShutdown.inProgress()) return;
                LOG.warnf("Rule change listener lost its connection (%s); reconnecting in 1 s, polling covers the gap", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
