package kupon.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an amount in proportion to weights by largest remainder, so the parts always add up to the amount
 * exactly: each part is first rounded down to the minor unit, then the minor units left over go one each to
 * the largest remainders, ties to the earliest position (callers list lines by id).
 */
final class Allocator {

    private Allocator() {
    }

    /**
     * {@code amount} (at {@code scale}) split over {@code weights} (non-negative). With all weights zero the
     * amount is split equally, so it is never lost.
     */
    static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights, int scale) {
        int n = weights.size();
        if (n == 0) {
            if (amount.signum() != 0) {
                throw new IllegalArgumentException("cannot split " + amount.toPlainString() + " over nothing");
            }
            return List.of();
        }
        BigInteger total = amount.setScale(scale).unscaledValue();
        int weightScale = weights.stream().mapToInt(BigDecimal::scale).max().orElse(0);
        List<BigInteger> w = new ArrayList<>(n);
        BigInteger sum = BigInteger.ZERO;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + weight.toPlainString());
            }
            BigInteger scaled = weight.setScale(weightScale).unscaledValue();
            w.add(scaled);
            sum = sum.add(scaled);
        }
        if (sum.signum() == 0) {
            w = new ArrayList<>(Collections.nCopies(n, BigInteger.ONE));
            sum = BigInteger.valueOf(n);
        }
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = total.multiply(w.get(i)).divideAndRemainder(sum);
            parts[i] = qr[0];
            remainders[i] = qr[1];
            given = given.add(qr[0]);
        }
        int leftover = total.subtract(given).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            int i = order.get(k);
            parts[i] = parts[i].add(BigInteger.ONE);
        }
        List<BigDecimal> result = new ArrayList<>(n);
        for (BigInteger part : parts) {
            result.add(new BigDecimal(part, scale));
        }
        return result;
    }

    /** Splits over units by their remaining amounts; units in pricing order. */
    static Map<Integer, BigDecimal> overUnits(BigDecimal amount, List<Unit> units, PricingState state) {
        List<BigDecimal> parts = split(amount, units.stream().map(state::remaining).toList(), state.scale());
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (int i = 0; i < units.size(); i++) {
            if (parts.get(i).signum() > 0) {
                result.put(units.get(i).index(), parts.get(i));
            }
        }
        return result;
    }

    /** API.md point 4: first over lines by each line's remaining amount, then within each line over its units. */
    static Map<Integer, BigDecimal> overLinesThenUnits(BigDecimal amount, List<Unit> units, PricingState state) {
        List<List<Unit>> lines = PricingState.byLine(units);
        List<BigDecimal> lineParts = split(amount, lines.stream().map(state::sum).toList(), state.scale());
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            result.putAll(overUnits(lineParts.get(i), lines.get(i), state));
        }
        return result;
    }
}
