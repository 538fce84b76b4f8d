package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of what is left to pay, per unit and for shipping, between two offers. Calculators read
 * it; only the engine moves to the next snapshot with {@link #apply}. Each unit, and the shipping, remembers the
 * offers that discounted it; the view of one offer ({@link #visibleTo}) hides the units and shipping that an
 * earlier offer it does not combine with discounted.
 */
final class RefPricingState {

    private final PricingCart cart;
    private final Rounding rounding;
    private final List<RefUnit> units;
    private final BigDecimal[] remaining;
    private final boolean[] consumed;
    private final List<List<Offer>> discountedBy;
    private final List<Offer> shippingDiscountedBy;
    /** Null when this snapshot hides nothing. */
    private final boolean[] hidden;
    private final boolean shippingHidden;
    private final BigDecimal shippingRemaining;
    private final int scale;
    private final BigDecimal zero;
    /**
     * Which units each selector matches. That depends on the lines alone, not on what is left to pay, so all
     * snapshots of one pricing run share it; offers ask for the same selector several times (conditions, target).
     */
    private final Map<LineSelector, List<RefUnit>> matches;

    private RefPricingState(PricingCart cart, Rounding rounding, List<RefUnit> units, BigDecimal[] remaining,
                         boolean[] consumed, List<List<Offer>> discountedBy, List<Offer> shippingDiscountedBy,
                         boolean[] hidden, boolean shippingHidden, BigDecimal shippingRemaining,
                         Map<LineSelector, List<RefUnit>> matches) {
        this.cart = cart;
        this.rounding = rounding;
        this.units = units;
        this.matches = matches;
        this.remaining = remaining;
        this.consumed = consumed;
        this.discountedBy = discountedBy;
        this.shippingDiscountedBy = shippingDiscountedBy;
        this.hidden = hidden;
        this.shippingHidden = shippingHidden;
        this.shippingRemaining = shippingRemaining;
        this.scale = Money.scaleOf(cart.currency());
        this.zero = BigDecimal.ZERO.setScale(scale);
    }

    /**
     * The undiscounted cart. A line's subtotal is rounded once and then split over its units, so units of
     * a line priced below the minor unit (3 × 3.333) still add up to the line subtotal exactly.
     */
    static RefPricingState initial(PricingCart cart, Rounding rounding) {
        List<PricingLine> lines = new ArrayList<>(cart.lines());
        lines.sort(Comparator.comparing(PricingLine::id));
        List<RefUnit> units = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        int scale = Money.scaleOf(cart.currency());
        for (PricingLine line : lines) {
            BigDecimal lineSubtotal = rounding.round(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())),
                    cart.currency());
            BigDecimal floor = line.floorPrice() == null
                    ? BigDecimal.ZERO.setScale(scale)
                    // A floor between two minor units must not be undercut, so it rounds up.
                    : line.floorPrice().setScale(scale, java.math.RoundingMode.CEILING);
            List<BigDecimal> equal = new ArrayList<>();
            for (int n = 0; n < line.quantity(); n++) {
                equal.add(BigDecimal.ONE);
            }
            List<BigDecimal> perUnit = RefAllocator.split(lineSubtotal, equal, scale);
            for (int n = 0; n < line.quantity(); n++) {
                units.add(new RefUnit(units.size(), line, n, floor));
                amounts.add(perUnit.get(n));
            }
        }
        BigDecimal shipping = cart.shipping() == null
                ? BigDecimal.ZERO.setScale(scale)
                : rounding.round(cart.shipping().price(), cart.currency());
        return new RefPricingState(cart, rounding, List.copyOf(units), amounts.toArray(BigDecimal[]::new),
                new boolean[units.size()], Collections.nCopies(units.size(), List.of()), List.of(), null, false,
                shipping, new IdentityHashMap<>());
    }

    /**
     * The next snapshot: the given unit and shipping discounts (none of them zero) taken off and remembered as
     * {@code offer}'s, the given units consumed. Nothing is hidden in it.
     */
    RefPricingState apply(Map<Integer, BigDecimal> unitDiscounts, BigDecimal shippingDiscount, Set<Integer> consumedUnits,
                          Offer offer) {
        BigDecimal[] next = remaining.clone();
        List<List<Offer>> nextDiscountedBy = new ArrayList<>(discountedBy);
        unitDiscounts.forEach((index, discount) -> {
            next[index] = next[index].subtract(discount);
            nextDiscountedBy.set(index, plus(discountedBy.get(index), offer));
        });
        boolean[] nextConsumed = consumed.clone();
        consumedUnits.forEach(index -> nextConsumed[index] = true);
        List<Offer> nextShipping = shippingDiscount.signum() > 0 ? plus(shippingDiscountedBy, offer) : shippingDiscountedBy;
        return new RefPricingState(cart, rounding, units, next, nextConsumed, List.copyOf(nextDiscountedBy), nextShipping,
                null, false, shippingRemaining.subtract(shippingDiscount), matches);
    }

    /**
     * What {@code offer} may discount and compute on: the units and shipping that no earlier offer it does not
     * combine with has discounted. This very snapshot when that is everything.
     */
    RefPricingState visibleTo(Offer offer) {
        boolean[] hide = new boolean[units.size()];
        boolean any = false;
        for (int i = 0; i < units.size(); i++) {
            hide[i] = refuses(discountedBy.get(i), offer);
            any |= hide[i];
        }
        boolean hideShipping = refuses(shippingDiscountedBy, offer);
        if (!any && !hideShipping) {
            return this;
        }
        return new RefPricingState(cart, rounding, units, remaining, consumed, discountedBy, shippingDiscountedBy,
                hide, hideShipping, shippingRemaining, matches);
    }

    private static boolean refuses(List<Offer> earlier, Offer offer) {
        return earlier.stream().anyMatch(e -> !e.canCombineWith(offer));
    }

    private static List<Offer> plus(List<Offer> offers, Offer offer) {
        List<Offer> more = new ArrayList<>(offers);
        more.add(offer);
        return List.copyOf(more);
    }

    PricingCart cart() {
        return cart;
    }

    Rounding rounding() {
        return rounding;
    }

    int scale() {
        return scale;
    }

    BigDecimal zero() {
        return zero;
    }

    BigDecimal round(BigDecimal amount) {
        return rounding.round(amount, cart.currency());
    }

    /** {@code percent} % of {@code base}, rounded to the minor unit. */
    BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return round(base.multiply(percent).movePointLeft(2));
    }

    List<RefUnit> units() {
        return units;
    }

    BigDecimal remaining(RefUnit unit) {
        return remaining[unit.index()];
    }

    /** How much more this unit may be discounted before it reaches its floor. */
    BigDecimal room(RefUnit unit) {
        return remaining(unit).subtract(unit.floor()).max(zero());
    }

    boolean consumed(RefUnit unit) {
        return consumed[unit.index()];
    }

    /** What is left of shipping; zero in a view that hides it. */
    BigDecimal shippingRemaining() {
        return shippingHidden ? zero : shippingRemaining;
    }

    /** The items subtotal as discounted so far (shipping excluded), what minimums are checked against. */
    BigDecimal itemsRemaining() {
        BigDecimal total = zero;
        for (BigDecimal amount : remaining) {
            total = total.add(amount);
        }
        return total;
    }

    int totalQuantity() {
        return units.size();
    }

    /** All units of lines the selector matches that this snapshot does not hide, in pricing order. */
    List<RefUnit> matching(LineSelector selector) {
        List<RefUnit> all = matches.computeIfAbsent(selector, this::match);
        return hidden == null ? all : all.stream().filter(unit -> !hidden[unit.index()]).toList();
    }

    private List<RefUnit> match(LineSelector selector) {
        List<RefUnit> matched = new ArrayList<>();
        PricingLine line = null;
        boolean matches = false;
        for (RefUnit unit : units) {
            if (unit.line() != line) {
                // Units of a line are adjacent, so the selector is asked once per line, not once per unit.
                line = unit.line();
                matches = selector.matches(line);
            }
            if (matches) {
                matched.add(unit);
            }
        }
        return List.copyOf(matched);
    }

    /** Units of matching lines that still have something left to discount. */
    List<RefUnit> targeted(LineSelector selector) {
        List<RefUnit> open = new ArrayList<>();
        for (RefUnit unit : matching(selector)) {
            if (remaining(unit).signum() > 0) {
                open.add(unit);
            }
        }
        return open;
    }

    BigDecimal sum(List<RefUnit> someUnits) {
        BigDecimal total = zero;
        for (RefUnit unit : someUnits) {
            total = total.add(remaining(unit));
        }
        return total;
    }

    /** Groups units (given in pricing order) by line, keeping line-id order. */
    static List<List<RefUnit>> byLine(List<RefUnit> someUnits) {
        List<List<RefUnit>> lines = new ArrayList<>();
        List<RefUnit> current = null;
        for (RefUnit unit : someUnits) {
            if (current == null || !current.get(0).lineId().equals(unit.lineId())) {
                current = new ArrayList<>();
                lines.add(current);
            }
            current.add(unit);
        }
        return lines;
    }

    /** Largest remaining amount first, ties in pricing order; at most {@code limit} units (null = all). */
    List<RefUnit> largestFirst(List<RefUnit> someUnits, Integer limit) {
        return someUnits.stream()
                .sorted(Comparator.comparing(this::remaining).reversed().thenComparing(RefUnit::index))
                .limit(limit == null ? Long.MAX_VALUE : limit)
                .toList();
    }

    /** Smallest remaining amount first, ties in pricing order. */
    List<RefUnit> smallestFirst(List<RefUnit> someUnits) {
        return someUnits.stream()
                .sorted(Comparator.comparing(this::remaining).thenComparing(RefUnit::index))
                .toList();
    }
}
