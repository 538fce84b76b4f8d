package kupon.promotions;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.rules.source.RuleSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the active promotions for a rule set build. Only ids and change times are read each time; the
 * definitions of promotions that changed since the last read are fetched and parsed, the rest are
 * reused, so one change among 10,000 promotions costs one row, not 10,000.
 */
@ApplicationScoped
public class ActivePromotions {

    /** The active promotions (sorted by id) and a hash that changes whenever any of them does. */
    public record Snapshot(List<Promotion> promotions, String hash) {
    }

    private record Stamped(Timestamp updatedAt, Promotion promotion) {
    }

    private final AgroalDataSource dataSource;
    private Map<String, Stamped> known = new HashMap<>();

    public ActivePromotions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public synchronized Snapshot read() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Timestamp> stamps = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT id, updated_at FROM promotion WHERE status = 'ACTIVE'");
                 ResultSet row = query.executeQuery()) {
                while (row.next()) stamps.put(row.getString(1), row.getTimestamp(2));
            }
            List<String> changed = stamps.entrySet().stream()
                    .filter(e -> !known.containsKey(e.getKey()) || !known.get(e.getKey()).updatedAt().equals(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            Map<String, Stamped> next = new HashMap<>();
            stamps.keySet().stream().filter(known::containsKey).filter(id -> !changed.contains(id))
                    .forEach(id -> next.put(id, known.get(id)));
            if (!changed.isEmpty()) {
                try (PreparedStatement query = c.prepareStatement(
                        "SELECT id, updated_at, definition FROM promotion WHERE status = 'ACTIVE' AND id = ANY (?)")) {
                    query.setArray(1, c.createArrayOf("text", changed.toArray()));
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) next.put(row.getString(1), new Stamped(row.getTimestamp(2), PromotionJson.read(row.getString(3))));
                    }
                }
            }
            known = next;
            List<Stamped> sorted = new ArrayList<>(next.values());
            sorted.sort(Comparator.comparing(s -> s.promotion().id()));
            StringBuilder fingerprint = new StringBuilder();
            sorted.forEach(s -> fingerprint.append(s.promotion().id()).append('@').append(s.updatedAt().toInstant()).append('\n'));
            return new Snapshot(sorted.stream().map(Stamped::promotion).toList(),
                    RuleSource.sha256(fingerprint.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading active promotions failed: " + e.getMessage(), e);
        }
    }
}
