package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a calculator would take off before floors and caps: per-unit discounts (by unit index), a shipping
 * discount, the units a floor-blocked amount may be re-split over ({@code resplitPool}; empty for per-unit
 * rewards), the units a buy-x-get-y consumed, and, for tiered rewards, how far the next tier is.
 */
record RefProposal(Map<Integer, BigDecimal> unitDiscounts, BigDecimal shippingDiscount, List<Integer> resplitPool,
                Set<Integer> consumed, Shortfall shortfall) {

    /** How much of the tier basis is missing to reach {@code tier}. */
    record Shortfall(PricingResult.HintKind kind, BigDecimal missing, Reward.Tier tier) {
    }

    RefProposal {
        unitDiscounts = unmodifiableSorted(unitDiscounts);
        resplitPool = ascendingDistinct(resplitPool);
        consumed = Set.copyOf(consumed);
    }

    static RefProposal none(RefPricingState state) {
        return new RefProposal(Map.of(), state.zero(), List.of(), Set.of(), null);
    }

    /** Amounts fixed per unit: what a floor blocks is not moved elsewhere. */
    static RefProposal perUnit(Map<Integer, BigDecimal> discounts, RefPricingState state) {
        return new RefProposal(discounts, state.zero(), List.of(), Set.of(), null);
    }

    /** An amount spread over {@code pool}: what a floor blocks may move to other units of the pool. */
    static RefProposal spread(Map<Integer, BigDecimal> discounts, Iterable<RefUnit> pool, RefPricingState state) {
        List<Integer> indices = new ArrayList<>();
        pool.forEach(unit -> indices.add(unit.index()));
        return new RefProposal(discounts, state.zero(), indices, Set.of(), null);
    }

    static RefProposal shipping(BigDecimal discount) {
        return new RefProposal(Map.of(), discount, List.of(), Set.of(), null);
    }

    RefProposal withUnitDiscounts(Map<Integer, BigDecimal> discounts, BigDecimal shipping) {
        return new RefProposal(discounts, shipping, resplitPool, consumed, shortfall);
    }

    RefProposal withConsumed(Set<Integer> units) {
        return new RefProposal(unitDiscounts, shippingDiscount, resplitPool, units, shortfall);
    }

    RefProposal withShortfall(Shortfall next) {
        return new RefProposal(unitDiscounts, shippingDiscount, resplitPool, consumed, next);
    }

    BigDecimal itemsTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : unitDiscounts.values()) {
            total = total.add(amount);
        }
        return total.setScale(shippingDiscount.scale());
    }

    BigDecimal total() {
        return itemsTotal().add(shippingDiscount);
    }

    /** RefUnit indices in pricing order, each once; pools usually arrive that way already, so that is checked first. */
    private static List<Integer> ascendingDistinct(List<Integer> indices) {
        for (int i = 1; i < indices.size(); i++) {
            if (indices.get(i - 1) >= indices.get(i)) {
                return List.copyOf(new TreeSet<>(indices));
            }
        }
        return List.copyOf(indices);
    }

    private static Map<Integer, BigDecimal> unmodifiableSorted(Map<Integer, BigDecimal> discounts) {
        if (discounts.isEmpty()) {
            return Map.of();
        }
        boolean zeros = false;
        for (BigDecimal amount : discounts.values()) {
            zeros |= amount.signum() == 0;
        }
        if (!zeros && discounts instanceof SortedMap<Integer, BigDecimal> sortedAlready && sortedAlready.comparator() == null) {
            // Copying a sorted map is linear; the copy keeps later changes of the caller's map out.
            return Collections.unmodifiableSortedMap(new TreeMap<>(sortedAlready));
        }
        Map<Integer, BigDecimal> sorted = new TreeMap<>();
        discounts.forEach((index, amount) -> {
            if (amount.signum() != 0) {
                sorted.put(index, amount);
            }
        });
        return Collections.unmodifiableMap(sorted);
    }
}
