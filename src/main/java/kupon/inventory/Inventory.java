package kupon.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owner of {@code inventory_item}: how many units of a SKU the shop can give away, as its inventory system reports
 * them in bulk. Evaluation reads it only for a free gift whose SKU the cart does not hold.
 */
@ApplicationScoped
public class Inventory {

    /** A SKU's stock as last reported. */
    public record Item(String sku, int available, Instant updatedAt) {
    }

    private final Sql sql;

    public Inventory(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records the stock of every item in one statement (a SKU given twice keeps its last value), so that a feed of
     * 10,000 SKUs is one round trip and either all of it is stored or none.
     */
    public void put(List<Item> items) {
        if (items.isEmpty()) return;
        Map<String, Integer> last = new java.util.LinkedHashMap<>();
        items.forEach(item -> last.put(item.sku(), item.available()));
        List<String> skus = new ArrayList<>(last.keySet());
        List<Integer> available = new ArrayList<>(last.values());
        sql.update("Recording the stock of " + skus.size() + " SKU(s)", """
                INSERT INTO inventory_item (sku, available, updated_at)
                SELECT sku, available, now() FROM unnest(?::text[], ?::int[]) AS i (sku, available)
                ON CONFLICT (sku) DO UPDATE SET available = excluded.available, updated_at = excluded.updated_at""",
                skus, available);
    }

    /** The recorded stock of these SKUs; a SKU never reported is missing from the answer. */
    public Map<String, Integer> available(Collection<String> skus) {
        Map<String, Integer> found = new HashMap<>();
        if (skus.isEmpty()) return found;
        sql.list("Reading the stock of gift SKUs", "SELECT sku, available FROM inventory_item WHERE sku = ANY (?)",
                row -> found.put(row.getString(1), row.getInt(2)), List.copyOf(skus));
        return found;
    }

    /** One SKU's stock, if it was ever reported. */
    public Optional<Item> find(String sku) {
        return sql.one("Reading the stock of " + sku, "SELECT sku, available, updated_at FROM inventory_item WHERE sku = ?",
                row -> new Item(row.getString(1), row.getInt(2), Sql.instant(row, "updated_at")), sku);
    }
}
