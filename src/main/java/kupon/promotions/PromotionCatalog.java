package kupon.promotions;

import kupon.promotions.Promotion.Selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active JSON promotions of one rule set version, indexed so an evaluation looks only at the
 * promotions that could concern its cart. Most promotions target a few SKUs, products, categories,
 * brands or tags: each is filed under the values of the most specific field it requires, and a cart
 * gathers the promotions filed under its lines' values plus those that concern every cart.
 */
public final class PromotionCatalog {

    public static final PromotionCatalog EMPTY = new PromotionCatalog(List.of());

    private final Map<String, Promotion> byId = new HashMap<>();
    private final Map<String, List<Promotion>> byKey = new HashMap<>();
    private final List<Promotion> everyCart = new ArrayList<>();

    public PromotionCatalog(Collection<Promotion> promotions) {
        List<Promotion> sorted = promotions.stream().sorted(Comparator.comparing(Promotion::id)).toList();
        for (Promotion promotion : sorted) {
            byId.put(promotion.id(), promotion);
            if (promotion.trigger() != Promotion.Trigger.AUTOMATIC) {
                continue; // code promotions are found through their codes
            }
            List<String> keys = indexKeys(promotion);
            if (keys.isEmpty()) {
                everyCart.add(promotion);
            } else {
                keys.forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(promotion));
            }
        }
    }

    public int size() {
        return byId.size();
    }

    /** Every promotion in the catalog, code promotions included. */
    public java.util.Collection<Promotion> all() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    public Optional<Promotion> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Automatic promotions that could apply to a cart whose lines have these attributes. */
    public List<Promotion> automaticCandidates(Collection<LineKeys> lines) {
        // Keyed by id: hashing whole promotion records on every evaluation is measurable.
        Map<String, Promotion> candidates = new LinkedHashMap<>();
        everyCart.forEach(p -> candidates.put(p.id(), p));
        for (LineKeys line : lines) {
            for (String key : line.keys()) {
                List<Promotion> filed = byKey.get(key);
                if (filed != null) filed.forEach(p -> candidates.putIfAbsent(p.id(), p));
            }
        }
        return List.copyOf(candidates.values());
    }

    /** The attributes of one cart line that promotions are filed under. */
    public record LineKeys(String sku, String productId, List<String> categories, String brand, List<String> tags) {
        List<String> keys() {
            List<String> keys = new ArrayList<>(4 + categories.size() + tags.size());
            keys.add("sku:" + sku);
            if (productId != null) keys.add("product:" + productId);
            categories.forEach(c -> keys.add("category:" + c));
            if (brand != null) keys.add("brand:" + brand);
            tags.forEach(t -> keys.add("tag:" + t));
            return keys;
        }
    }

    /**
     * The values a cart must contain for the promotion to possibly apply: those of the most specific
     * field its targeted (or required) items name. Empty when any cart may qualify.
     */
    static List<String> indexKeys(Promotion promotion) {
        Promotion.RewardDefinition reward = promotion.reward();
        Selector selector = switch (reward.type()) {
            case BUY_X_GET_Y -> reward.buy() == null ? null : reward.buy().selector();
            case FREE_SHIPPING, FREE_GIFT -> null;
            default -> reward.target() == null || reward.target() == kupon.pricing.Target.ITEMS ? reward.items() : null;
        };
        List<String> keys = keysOf(selector);
        if (keys.isEmpty() && promotion.conditions().requiresItems() != null) {
            keys = keysOf(promotion.conditions().requiresItems().selector());
        }
        return keys;
    }

    private static List<String> keysOf(Selector s) {
        if (s == null) return List.of();
        if (nonEmpty(s.skus())) return prefixed("sku:", s.skus());
        if (nonEmpty(s.productIds())) return prefixed("product:", s.productIds());
        if (nonEmpty(s.categories())) return prefixed("category:", s.categories());
        if (nonEmpty(s.brands())) return prefixed("brand:", s.brands());
        if (nonEmpty(s.tags())) return prefixed("tag:", s.tags());
        return List.of();
    }

    private static boolean nonEmpty(List<String> values) {
        return values != null && !values.isEmpty();
    }

    private static List<String> prefixed(String prefix, List<String> values) {
        return values.stream().map(v -> prefix + v).toList();
    }
}
