package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of what is left to pay, per group of alike units and for shipping, between two offers.
 * Calculators read it; only the engine moves to the next snapshot with {@link #apply}. A snapshot may be the view of
 * one offer ({@link #visibleTo}): the units and shipping discounted by earlier offers it does not combine with are
 * then hidden from whatever reads groups or shipping through it.
 */
final class PricingState {

    /** Largest remaining amount first, ties in pricing order. */
    static final Comparator<Group> LARGEST_FIRST = Comparator.comparing(Group::remaining).reversed()
            .thenComparingInt(Group::first);

    private final PricingCart cart;
    private final Rounding rounding;
    /** The cart's lines by id, and each line's groups in pricing order. */
    private final List<PricingLine> lines;
    private final List<List<Group>> groups;
    private final BigDecimal shippingRemaining;
    /** The {@link StackingMarks} of the offers that discounted shipping, and of all that discounted anything. */
    private final int shippingDiscountedBy;
    private final int discountedBy;
    /** Kinds of offers whose discounts this view hides; {@link StackingMarks#NONE} in the engine's own snapshots. */
    private final int hidden;
    private final int scale;
    private final BigDecimal zero;
    private final BigDecimal minorUnit;
    /**
     * Which lines each selector matches. That depends on the lines alone, not on what is left to pay, so all
     * snapshots of one pricing run share it; offers ask for the same selector several times (conditions, target).
     */
    private final Map<LineSelector, boolean[]> matches;

    private PricingState(PricingState base, List<List<Group>> groups, BigDecimal shippingRemaining,
                         int shippingDiscountedBy, int discountedBy, int hidden) {
        this(base.cart, base.rounding, base.lines, groups, shippingRemaining, shippingDiscountedBy, discountedBy,
                hidden, base.matches);
    }

    private PricingState(PricingCart cart, Rounding rounding, List<PricingLine> lines, List<List<Group>> groups,
                         BigDecimal shippingRemaining, int shippingDiscountedBy, int discountedBy, int hidden,
                         Map<LineSelector, boolean[]> matches) {
        this.cart = cart;
        this.rounding = rounding;
        this.lines = lines;
        this.groups = groups;
        this.matches = matches;
        this.shippingRemaining = shippingRemaining;
        this.shippingDiscountedBy = shippingDiscountedBy;
        this.discountedBy = discountedBy;
        this.hidden = hidden;
        this.scale = Money.scaleOf(cart.currency());
        this.zero = Rounding.exact(BigDecimal.ZERO, scale);
        this.minorUnit = BigDecimal.ONE.movePointLeft(scale);
    }

    /**
     * The undiscounted cart. A line's subtotal is rounded once and then split over its units, so units of
     * a line priced below the minor unit (3 × 3.333) still add up to the line subtotal exactly: the first units
     * of the line take the minor units left over.
     */
    static PricingState initial(PricingCart cart, Rounding rounding) {
        List<PricingLine> lines = new ArrayList<>(cart.lines());
        lines.sort(Comparator.comparing(PricingLine::id));
        List<List<Group>> groups = new ArrayList<>(lines.size());
        int scale = Money.scaleOf(cart.currency());
        int first = 0;
        for (PricingLine line : lines) {
            BigDecimal lineSubtotal = rounding.round(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())),
                    cart.currency());
            BigDecimal floor = line.floorPrice() == null
                    ? Rounding.exact(BigDecimal.ZERO, scale)
                    // A floor between two minor units must not be undercut, so it rounds up.
                    : Rounding.atLeast(line.floorPrice(), scale);
            Allocator.Part part = Allocator.split(lineSubtotal, List.of(BigDecimal.ONE),
                    new int[] {line.quantity()}, scale).get(0);
            List<Group> lineGroups = new ArrayList<>(2);
            Group all = new Group(line, first, line.quantity(), part.each(), false, floor, StackingMarks.NONE);
            if (part.extra() > 0) {
                lineGroups.add(new Group(line, first, part.extra(), part.each().add(BigDecimal.ONE.movePointLeft(scale)),
                        false, floor, StackingMarks.NONE));
            }
            if (part.extra() < line.quantity()) {
                lineGroups.add(all.tail(part.extra()));
            }
            groups.add(List.copyOf(lineGroups));
            first += line.quantity();
        }
        BigDecimal shipping = cart.shipping() == null
                ? Rounding.exact(BigDecimal.ZERO, scale)
                : rounding.round(cart.shipping().price(), cart.currency());
        return new PricingState(cart, rounding, List.copyOf(lines), List.copyOf(groups), shipping, StackingMarks.NONE,
                StackingMarks.NONE, StackingMarks.NONE, new IdentityHashMap<>());
    }

    /**
     * The next snapshot: the shares taken off, the given units consumed, groups cut where that treats their units
     * differently and joined again where neighbours end up alike; what was discounted carries {@code mark}, the
     * offer's {@link StackingMarks} bit. Shares and consumed units come in pricing order. Nothing is hidden in it.
     */
    PricingState apply(List<Share> shares, BigDecimal shippingDiscount, List<Group> consumedUnits, int mark) {
        List<List<Group>> next = new ArrayList<>(groups.size());
        Regrouping regrouping = new Regrouping(shares, consumedUnits, mark);
        for (List<Group> lineGroups : groups) {
            next.add(regrouping.line(lineGroups));
        }
        boolean shippingDiscounted = shippingDiscount.signum() > 0;
        int nextShipping = shippingDiscounted ? shippingDiscountedBy | mark : shippingDiscountedBy;
        int nextAll = shippingDiscounted || !shares.isEmpty() ? discountedBy | mark : discountedBy;
        return new PricingState(this, List.copyOf(next), shippingRemaining.subtract(shippingDiscount), nextShipping,
                nextAll, StackingMarks.NONE);
    }

    /**
     * What {@code offer} may discount and compute on: this snapshot without the units and shipping that earlier
     * offers it does not combine with have discounted (docs/api.md point 2). This very snapshot when that hides
     * nothing, so the engine can tell by identity whether combinesWith took anything away.
     */
    PricingState visibleTo(Offer offer) {
        int blocking = StackingMarks.notCombiningWith(offer);
        return (discountedBy & blocking) == 0 ? this
                : new PricingState(this, groups, shippingRemaining, shippingDiscountedBy, discountedBy, blocking);
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

    /** One of the currency's minor units (0.01 for USD, 1 for JPY). */
    BigDecimal minorUnit() {
        return minorUnit;
    }

    BigDecimal round(BigDecimal amount) {
        return rounding.round(amount, cart.currency());
    }

    /** {@code percent} % of {@code base}, rounded to the minor unit. */
    BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return round(base.multiply(percent).movePointLeft(2));
    }

    /** Every group, line by line, in pricing order. */
    List<List<Group>> groupsByLine() {
        return groups;
    }

    List<PricingLine> lines() {
        return lines;
    }

    /** How much more each unit of this group may be discounted before it reaches its floor. */
    BigDecimal room(Group group) {
        return group.remaining().subtract(group.floor()).max(zero);
    }

    /** What is left of shipping; zero in a view that hides it. */
    BigDecimal shippingRemaining() {
        return (shippingDiscountedBy & hidden) != 0 ? zero : shippingRemaining;
    }

    /**
     * The items subtotal as discounted so far (shipping excluded), what minimums are checked against. Read from the
     * engine's snapshots only: conditions look at the whole cart, whatever combinesWith hides from the reward.
     */
    BigDecimal itemsRemaining() {
        BigDecimal total = zero;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).inStock()) total = total.add(sum(groups.get(i)));
        }
        return total;
    }

    /** Units in the cart that conditions count: out-of-stock lines count toward none. */
    int totalQuantity() {
        int total = 0;
        for (PricingLine line : lines) {
            if (line.inStock()) total += line.quantity();
        }
        return total;
    }

    /**
     * The units of these groups a reward may give away: of each line short of stock, only its first
     * {@link PricingLine#givable()} units (unit numbers run through the cart in pricing order, so a line's own
     * numbers start where the lines before it end).
     */
    List<Group> givable(List<Group> groups) {
        if (groups.stream().allMatch(g -> g.line().givable() == g.line().quantity())) return groups;
        Map<String, Integer> start = new HashMap<>();
        int first = 0;
        for (PricingLine line : lines) {
            start.put(line.id(), first);
            first += line.quantity();
        }
        List<Group> result = new ArrayList<>(groups.size());
        for (Group group : groups) {
            int limit = start.get(group.lineId()) + group.line().givable();
            if (group.end() <= limit) result.add(group);
            else if (group.first() < limit) result.add(group.head(limit - group.first()));
        }
        return result;
    }

    /** All groups of lines the selector matches that this snapshot does not hide, in pricing order. */
    List<Group> matching(LineSelector selector) {
        boolean[] matched = matches.computeIfAbsent(selector, this::match);
        List<Group> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!matched[i]) {
                continue;
            }
            if (hidden == StackingMarks.NONE) {
                result.addAll(groups.get(i));
                continue;
            }
            for (Group group : groups.get(i)) {
                if ((group.discountedBy() & hidden) == 0) {
                    result.add(group);
                }
            }
        }
        return result;
    }

    private boolean[] match(LineSelector selector) {
        boolean[] matched = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            matched[i] = selector.matches(lines.get(i));
        }
        return matched;
    }

    /** Groups of matching lines that still have something left to discount. */
    List<Group> targeted(LineSelector selector) {
        List<Group> open = new ArrayList<>();
        for (Group group : matching(selector)) {
            if (group.remaining().signum() > 0) {
                open.add(group);
            }
        }
        return open;
    }

    BigDecimal sum(List<Group> someGroups) {
        BigDecimal total = zero;
        for (Group group : someGroups) {
            total = total.add(group.total());
        }
        return total;
    }

    /** How many units the groups hold. */
    static int quantity(List<Group> someGroups) {
        int total = 0;
        for (Group group : someGroups) {
            total += group.count();
        }
        return total;
    }

    /** Groups (given in pricing order) by line, keeping line-id order. */
    static List<List<Group>> byLine(List<Group> someGroups) {
        List<List<Group>> byLine = new ArrayList<>();
        List<Group> current = null;
        for (Group group : someGroups) {
            if (current == null || current.get(0).line() != group.line()) {
                current = new ArrayList<>();
                byLine.add(current);
            }
            current.add(group);
        }
        return byLine;
    }

    /**
     * Largest remaining amount first, ties in pricing order; at most {@code limit} units (null = all), so the
     * last group taken may be only its first units.
     */
    static List<Group> largestFirst(List<Group> someGroups, Integer limit) {
        List<Group> sorted = new ArrayList<>(someGroups);
        sorted.sort(LARGEST_FIRST);
        if (limit == null) {
            return sorted;
        }
        List<Group> taken = new ArrayList<>();
        int left = limit;
        for (int i = 0; i < sorted.size() && left > 0; i++) {
            Group group = sorted.get(i);
            taken.add(group.count() <= left ? group : group.head(left));
            left -= Math.min(left, group.count());
        }
        return taken;
    }
}
