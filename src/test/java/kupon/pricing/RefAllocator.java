package kupon.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an amount in proportion to weights by largest remainder, so the parts always add up to the amount
 * exactly: each part is first rounded down to the minor unit, then the minor units left over go one each to
 * the largest remainders, ties to the earliest position (callers list lines by id).
 */
final class RefAllocator {

    private RefAllocator() {
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
        int weightScale = 0;
        for (BigDecimal weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + weight.toPlainString());
            }
            weightScale = Math.max(weightScale, weight.scale());
        }
        BigInteger[] w = new BigInteger[n];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            w[i] = weights.get(i).setScale(weightScale).unscaledValue();
            sum = sum.add(w[i]);
        }
        if (sum.signum() == 0) {
            Arrays.fill(w, BigInteger.ONE);
            sum = BigInteger.valueOf(n);
        }
        // Cart amounts in minor units are far below 2^31, so products fit a long; BigInteger stays for the rest.
        return total.bitLength() + sum.bitLength() < 63
                ? splitExact(total.longValueExact(), w, sum.longValueExact(), scale)
                : splitLarge(total, w, sum, scale);
    }

    private static List<BigDecimal> splitExact(long total, BigInteger[] weights, long sum, int scale) {
        int n = weights.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long product = total * weights[i].longValue();
            parts[i] = Math.floorDiv(product, sum);
            remainders[i] = Math.floorMod(product, sum);
            given += parts[i];
        }
        int leftover = Math.toIntExact(total - given);
        for (int i : largestRemainders(leftover, n, (a, b) -> Long.compare(remainders[a], remainders[b]))) {
            parts[i]++;
        }
        List<BigDecimal> result = new ArrayList<>(n);
        for (long part : parts) {
            result.add(BigDecimal.valueOf(part, scale));
        }
        return result;
    }

    private static List<BigDecimal> splitLarge(BigInteger total, BigInteger[] weights, BigInteger sum, int scale) {
        int n = weights.length;
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = total.multiply(weights[i]).divideAndRemainder(sum);
            parts[i] = qr[0];
            remainders[i] = qr[1];
            given = given.add(qr[0]);
        }
        int leftover = total.subtract(given).intValueExact();
        for (int i : largestRemainders(leftover, n, (a, b) -> remainders[a].compareTo(remainders[b]))) {
            parts[i] = parts[i].add(BigInteger.ONE);
        }
        List<BigDecimal> result = new ArrayList<>(n);
        for (BigInteger part : parts) {
            result.add(new BigDecimal(part, scale));
        }
        return result;
    }

    /** The {@code count} positions with the largest remainders, ties to the earliest position. */
    private static List<Integer> largestRemainders(int count, int n, Comparator<Integer> byRemainder) {
        if (count == 0) {
            return List.of();
        }
        if (count <= 8) {
            // A few leftover minor units (the usual case): pick them one by one instead of sorting every position.
            List<Integer> picked = new ArrayList<>(count);
            boolean[] taken = new boolean[n];
            for (int k = 0; k < count; k++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (!taken[i] && (best < 0 || byRemainder.compare(i, best) > 0)) {
                        best = i;
                    }
                }
                taken[best] = true;
                picked.add(best);
            }
            return picked;
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(byRemainder.reversed().thenComparing(Comparator.naturalOrder()));
        return order.subList(0, count);
    }

    /** Splits over units by their remaining amounts; units in pricing order. */
    static Map<Integer, BigDecimal> overUnits(BigDecimal amount, List<RefUnit> units, RefPricingState state) {
        Map<Integer, BigDecimal> result = new TreeMap<>();
        addOverUnits(result, amount, units, state);
        return result;
    }

    private static void addOverUnits(Map<Integer, BigDecimal> result, BigDecimal amount, List<RefUnit> units, RefPricingState state) {
        List<BigDecimal> weights = new ArrayList<>(units.size());
        for (RefUnit unit : units) {
            weights.add(state.remaining(unit));
        }
        List<BigDecimal> parts = split(amount, weights, state.scale());
        for (int i = 0; i < units.size(); i++) {
            if (parts.get(i).signum() > 0) {
                result.put(units.get(i).index(), parts.get(i));
            }
        }
    }

    /** docs/api.md point 4: first over lines by each line's remaining amount, then within each line over its units. */
    static Map<Integer, BigDecimal> overLinesThenUnits(BigDecimal amount, List<RefUnit> units, RefPricingState state) {
        List<List<RefUnit>> lines = RefPricingState.byLine(units);
        List<BigDecimal> lineWeights = new ArrayList<>(lines.size());
        for (List<RefUnit> line : lines) {
            lineWeights.add(state.sum(line));
        }
        List<BigDecimal> lineParts = split(amount, lineWeights, state.scale());
        Map<Integer, BigDecimal> result = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            addOverUnits(result, lineParts.get(i), lines.get(i), state);
        }
        return result;
    }
}
