package kupon.pricing;

import java.math.BigDecimal;

/**
 * {@code count} adjacent units of one line, from unit {@code first} on in the pricing order (line id, then unit
 * number), that are alike: the same amount left each, the same buy-x-get-y history and the same kinds of offers
 * that discounted them ({@code discountedBy}, a {@link StackingMarks} mask). Pricing works on groups so that its
 * cost follows the lines, not the quantities; a group is cut only where a reward treats its units differently, and
 * the lowest unit numbers come first wherever units tie. {@code floor} is at the currency scale.
 */
record Group(PricingLine line, int first, int count, BigDecimal remaining, boolean consumed, BigDecimal floor,
             int discountedBy) {

    Group {
        if (count < 1) {
            throw new IllegalArgumentException("a group holds at least one unit, was " + count);
        }
    }

    int end() {
        return first + count;
    }

    String lineId() {
        return line.id();
    }

    /** What all its units have left together. */
    BigDecimal total() {
        return remaining.multiply(BigDecimal.valueOf(count));
    }

    /** The first {@code n} units. */
    Group head(int n) {
        return new Group(line, first, n, remaining, consumed, floor, discountedBy);
    }

    /** The units after the first {@code n}. */
    Group tail(int n) {
        return new Group(line, first + n, count - n, remaining, consumed, floor, discountedBy);
    }

    /** The units from index {@code from} (inclusive) to {@code to} (exclusive), both within the group. */
    Group slice(int from, int to) {
        return new Group(line, from, to - from, remaining, consumed, floor, discountedBy);
    }

    /** Whether {@code next} continues this group: the same line, right after it, in the same state. */
    boolean joins(Group next) {
        return next.line == line && next.first == end() && next.consumed == consumed
                && next.discountedBy == discountedBy && next.remaining.compareTo(remaining) == 0;
    }

    Group joined(Group next) {
        return new Group(line, first, count + next.count, remaining, consumed, floor, discountedBy);
    }
}
