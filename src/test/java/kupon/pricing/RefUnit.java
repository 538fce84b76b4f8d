package kupon.pricing;

import java.math.BigDecimal;

/**
 * One unit of a line (a line of quantity 3 has units 0, 1, 2). {@code index} is its place in the pricing order
 * (line id, then unit number), which is also the tie-break order. {@code floor} is at the currency scale.
 */
record RefUnit(int index, PricingLine line, int number, BigDecimal floor) {

    // A unit is its place in one pricing run; hashing the whole line (prices, categories, tags) for every
    // set lookup would cost more than the lookup.
    @Override
    public boolean equals(Object other) {
        return other instanceof RefUnit unit && unit.index == index && unit.line == line;
    }

    @Override
    public int hashCode() {
        return index;
    }

    String lineId() {
        return line.id();
    }
}
