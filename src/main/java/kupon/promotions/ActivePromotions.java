package kupon.promotions;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;
import kupon.rules.source.RuleSource;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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

    private final Sql sql;
    private Map<String, Stamped> known = new HashMap<>();

    public ActivePromotions(Sql sql) {
        this.sql = sql;
    }

    public synchronized Snapshot read() {
        return sql.connected("Reading active promotions", c -> {
            Map<String, Timestamp> stamps = new HashMap<>();
            Sql.list(c, "SELECT id, updated_at FROM promotion WHERE status = 'ACTIVE'",
                    row -> stamps.put(row.getString(1), row.getTimestamp(2)));
            List<String> changed = stamps.entrySet().stream()
                    .filter(e -> !known.containsKey(e.getKey()) || !known.get(e.getKey()).updatedAt().equals(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            Map<String, Stamped> next = new HashMap<>();
            Set<String> changedIds = new HashSet<>(changed);
            stamps.keySet().stream().filter(known::containsKey).filter(id -> !changedIds.contains(id))
                    .forEach(id -> next.put(id, known.get(id)));
            if (!changed.isEmpty()) {
                Sql.list(c, "SELECT id, updated_at, definition FROM promotion WHERE status = 'ACTIVE' AND id = ANY (?)",
                        row -> next.put(row.getString(1), new Stamped(row.getTimestamp(2), PromotionJson.read(row.getString(3)))),
                        changed);
            }
            known = next;
            List<Stamped> sorted = new ArrayList<>(next.values());
            sorted.sort(Comparator.comparing(s -> s.promotion().id()));
            StringBuilder fingerprint = new StringBuilder();
            sorted.forEach(s -> fingerprint.append(s.promotion().id()).append('@').append(s.updatedAt().toInstant()).append('\n'));
            return new Snapshot(sorted.stream().map(Stamped::promotion).toList(),
                    RuleSource.sha256(fingerprint.toString().getBytes(StandardCharsets.UTF_8)));
        });
    }
}
