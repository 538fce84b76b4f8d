package kupon.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount in proportion to weights by largest remainder, so the parts always add up to the amount
 * exactly: each part is first rounded down to the minor unit, then the minor units left over go one each to
 * the largest remainders, ties to the earliest position (callers list lines by id and units in pricing order).
 * Positions come in groups of equal weight: equal weights have equal remainders, so a group's leftover minor
 * units go to its first positions, and the work grows with the groups, not the positions.
 */
final class Allocator {

    /** What each position of a group gets: {@code each}, and one minor unit more for the first {@code extra}. */
    record Part(BigDecimal each, int extra) {
    }

    private Allocator() {
    }

    /**
     * {@code amount} (at {@code scale}) split over single positions of the given {@code weights} (non-negative).
     * With all weights zero the amount is split equally, so it is never lost.
     */
    static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights, int scale) {
        int[] ones = new int[weights.size()];
        Arrays.fill(ones, 1);
        BigDecimal minor = BigDecimal.ONE.movePointLeft(scale);
        return split(amount, weights, ones, scale).stream()
                .map(p -> p.extra() == 0 ? p.each() : p.each().add(minor))
                .toList();
    }

    /** {@code amount} split over groups of {@code counts[i]} positions of weight {@code weights[i]} each. */
    static List<Part> split(BigDecimal amount, List<BigDecimal> weights, int[] counts, int scale) {
        int n = weights.size();
        if (n == 0) {
            if (amount.signum() != 0) {
                throw new IllegalArgumentException("cannot split " + amount.toPlainString() + " over nothing");
            }
            return List.of();
        }
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
            w[i] = Rounding.exact(weights.get(i), weightScale).unscaledValue();
            sum = sum.add(w[i].multiply(BigInteger.valueOf(counts[i])));
        }
        if (sum.signum() == 0) {
            Arrays.fill(w, BigInteger.ONE);
            sum = BigInteger.valueOf(Arrays.stream(counts).asLongStream().sum());
        }
        BigInteger total = Rounding.exact(amount, scale).unscaledValue();
        BigInteger[] parts = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = quotientAndRemainder(total, w[i], sum);
            parts[i] = qr[0];
            remainders[i] = qr[1];
            given = given.add(qr[0].multiply(BigInteger.valueOf(counts[i])));
        }
        long leftover = total.subtract(given).longValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (leftover > 0) {
            Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed()
                    .thenComparing(Comparator.naturalOrder()));
        }
        int[] extra = new int[n];
        for (int k = 0; k < n && leftover > 0; k++) {
            int i = order[k];
            extra[i] = (int) Math.min(counts[i], leftover);
            leftover -= extra[i];
        }
        List<Part> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new Part(new BigDecimal(parts[i], scale), extra[i]));
        }
        return result;
    }

    /** total × weight ÷ sum; cart amounts in minor units are small enough for long arithmetic nearly always. */
    private static BigInteger[] quotientAndRemainder(BigInteger total, BigInteger weight, BigInteger sum) {
        if (total.bitLength() < 63 && weight.bitLength() < 63 && sum.bitLength() < 63) {
            long t = total.longValue();
            long wi = weight.longValue();
            long product = t * wi;
            if (Math.multiplyHigh(t, wi) == 0 && product >= 0) {
                long s = sum.longValue();
                return new BigInteger[] {BigInteger.valueOf(product / s), BigInteger.valueOf(product % s)};
            }
        }
        return total.multiply(weight).divideAndRemainder(sum);
    }

    /** Splits over groups of units by their remaining amounts; groups in pricing order. */
    static List<Share> overUnits(BigDecimal amount, List<Group> groups, PricingState state) {
        List<Share> result = new ArrayList<>();
        addOverUnits(result, amount, groups, state);
        return result;
    }

    private static void addOverUnits(List<Share> result, BigDecimal amount, List<Group> groups, PricingState state) {
        List<BigDecimal> weights = new ArrayList<>(groups.size());
        int[] counts = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            weights.add(groups.get(i).remaining());
            counts[i] = groups.get(i).count();
        }
        List<Part> parts = split(amount, weights, counts, state.scale());
        for (int i = 0; i < groups.size(); i++) {
            Share.addSplit(result, groups.get(i), parts.get(i), state.minorUnit());
        }
    }

    /** docs/api.md point 4: first over lines by each line's remaining amount, then within each line over its units. */
    static List<Share> overLinesThenUnits(BigDecimal amount, List<Group> groups, PricingState state) {
        List<List<Group>> lines = PricingState.byLine(groups);
        List<BigDecimal> lineWeights = new ArrayList<>(lines.size());
        for (List<Group> line : lines) {
            lineWeights.add(state.sum(line));
        }
        List<BigDecimal> lineParts = split(amount, lineWeights, state.scale());
        List<Share> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            addOverUnits(result, lineParts.get(i), lines.get(i), state);
        }
        return result;
    }
}
