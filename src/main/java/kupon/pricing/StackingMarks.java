package kupon.pricing;

/**
 * Which kinds of offers discounted a unit or the shipping, as a bit mask (docs/api.md point 2, combinesWith per unit).
 *
 * <p>Whether an earlier offer combines with a later one depends only on the earlier offer's class and its
 * {@code combinesWith}, so offers of the same class and {@code combinesWith} are alike for every later offer: there
 * are 3 × 8 such kinds, one bit each. A mark is therefore as exact as remembering every offer that discounted the
 * unit, costs one int per group of units, and two groups that differ only in which of those alike offers discounted
 * them stay alike and may be joined.
 */
final class StackingMarks {

    /** No offer discounted it. */
    static final int NONE = 0;

    private static final int COMBINATIONS = 8;
    private static final int KINDS = Target.values().length * COMBINATIONS;
    /** By kind of the later offer: the kinds of earlier offers it does not combine with. */
    private static final int[] NOT_COMBINING = notCombining();

    private StackingMarks() {
    }

    /** The bit of the offer's kind, added to the mark of everything it discounts. */
    static int of(Offer offer) {
        return 1 << kind(offer);
    }

    /** The kinds of earlier offers that {@code offer} does not combine with: what they discounted, it skips. */
    static int notCombiningWith(Offer offer) {
        return NOT_COMBINING[kind(offer)];
    }

    private static int[] notCombining() {
        int[] table = new int[KINDS];
        for (int later = 0; later < KINDS; later++) {
            for (int earlier = 0; earlier < KINDS; earlier++) {
                if (!Offer.combine(rewardClass(earlier), combination(earlier), rewardClass(later), combination(later))) {
                    table[later] |= 1 << earlier;
                }
            }
        }
        return table;
    }

    private static int kind(Offer offer) {
        Offer.Combination c = offer.combinesWith();
        int bits = (c.items() ? 1 : 0) | (c.order() ? 2 : 0) | (c.shipping() ? 4 : 0);
        return offer.rewardClass().ordinal() * COMBINATIONS + bits;
    }

    private static Target rewardClass(int kind) {
        return Target.values()[kind / COMBINATIONS];
    }

    private static Offer.Combination combination(int kind) {
        int bits = kind % COMBINATIONS;
        return new Offer.Combination((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }
}
