package kupon.pricing;

import java.util.Map;
import java.util.TreeMap;

/** Unit indices already bought or got while one buy-x-get-y offer is proposed, kept as ranges. */
final class TakenUnits {

    /** Range starts to (exclusive) ends; ranges never overlap or touch. */
    private final TreeMap<Integer, Integer> ranges = new TreeMap<>();

    void add(int from, int to) {
        Map.Entry<Integer, Integer> before = ranges.floorEntry(from);
        if (before != null && before.getValue() == from) {
            from = before.getKey();
        }
        Integer after = ranges.get(to);
        if (after != null) {
            ranges.remove(to);
            to = after;
        }
        ranges.put(from, to);
    }

    /** Where the taken range holding {@code unit} ends, or {@code unit} itself if it is not taken. */
    int takenUntil(int unit) {
        Map.Entry<Integer, Integer> range = ranges.floorEntry(unit);
        return range != null && range.getValue() > unit ? range.getValue() : unit;
    }

    /** The first taken unit at or after {@code unit}, or {@code limit} if none comes before it. */
    int nextTaken(int unit, int limit) {
        Integer start = ranges.ceilingKey(unit);
        return start == null ? limit : Math.min(start, limit);
    }
}
