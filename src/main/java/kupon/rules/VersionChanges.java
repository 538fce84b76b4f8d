package kupon.rules;

import kupon.promotions.Promotion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule set version changed against the one before it: rule files added, changed and removed (by name), and
 * JSON promotions added, changed and removed. Promotion ids are listed up to {@link #LISTED} per kind, with the full
 * counts, so that a bulk import of 10,000 promotions stays a short row.
 */
public record VersionChanges(List<String> filesAdded, List<String> filesChanged, List<String> filesRemoved,
                             Counted promotionsAdded, Counted promotionsChanged, Counted promotionsRemoved) {

    static final int LISTED = 50;

    /** How many promotions, and the first {@link #LISTED} of their ids in id order. */
    public record Counted(int count, List<String> ids) {
        static Counted of(List<String> ids) {
            List<String> sorted = ids.stream().sorted().toList();
            return new Counted(sorted.size(), sorted.subList(0, Math.min(LISTED, sorted.size())));
        }
    }

    /**
     * The changes from {@code before} to {@code after}. Promotions are compared only when both catalogs are known
     * ({@code promotionsBefore} is null on a node that has served nothing yet: then only the files are compared).
     */
    static VersionChanges between(List<RuleSet.SourceInfo> before, List<RuleSet.SourceInfo> after,
                                  Collection<Promotion> promotionsBefore, Collection<Promotion> promotionsAfter) {
        Map<String, String> old = new HashMap<>();
        before.forEach(s -> old.put(s.name(), s.sha256()));
        List<String> added = new ArrayList<>(), changed = new ArrayList<>(), removed = new ArrayList<>();
        for (RuleSet.SourceInfo source : after) {
            String was = old.remove(source.name());
            if (was == null) added.add(source.name());
            else if (!was.equals(source.sha256())) changed.add(source.name());
        }
        removed.addAll(old.keySet());
        removed.sort(String::compareTo);
        if (promotionsBefore == null) {
            return new VersionChanges(added, changed, removed, null, null, null);
        }
        Map<String, Promotion> oldPromotions = new HashMap<>();
        promotionsBefore.forEach(p -> oldPromotions.put(p.id(), p));
        List<String> pAdded = new ArrayList<>(), pChanged = new ArrayList<>();
        for (Promotion promotion : promotionsAfter) {
            Promotion was = oldPromotions.remove(promotion.id());
            if (was == null) pAdded.add(promotion.id());
            else if (!was.equals(promotion)) pChanged.add(promotion.id());
        }
        return new VersionChanges(added, changed, removed, Counted.of(pAdded), Counted.of(pChanged),
                Counted.of(new ArrayList<>(oldPromotions.keySet())));
    }

    /** True when nothing is listed: the version differs only in something not compared (e.g. promotions at start). */
    boolean isEmpty() {
        return filesAdded.isEmpty() && filesChanged.isEmpty() && filesRemoved.isEmpty()
                && (promotionsAdded == null || promotionsAdded.count() + promotionsChanged.count() + promotionsRemoved.count() == 0);
    }
}
