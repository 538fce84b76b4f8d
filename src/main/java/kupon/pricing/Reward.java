package kupon.pricing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an offer gives. Null selectors mean {@link LineSelector#ALL}, a null target means ITEMS and a null
 * allocation means ACROSS; amounts are in the cart's currency and rounded to its minor unit when applied.
 */
public sealed interface Reward {

    /** The class used for {@code combinesWith} and reported as the applied target. */
    Target target();

    /** How an amount meets several units: spread once over all of them, or given to each. */
    enum Allocation { ACROSS, EACH }

    /** Which eligible units a buy-x-get-y discounts. */
    enum Selection { CHEAPEST, MOST_EXPENSIVE }

    /** What a tier's {@code min} is compared with. */
    enum TierBasis { SUBTOTAL, QUANTITY, LINE_QUANTITY }

    /** Whether a tier's value is a percentage or an amount of money. */
    enum ValueType { PERCENT, AMOUNT }

    /** {@code percent} off the target. With EACH, at most {@code maxQuantity} units per line (null = all). */
    record PercentOff(BigDecimal percent, Target target, LineSelector items, Allocation allocation, Integer maxQuantity)
            implements Reward {
        public PercentOff {
            requirePercent(percent);
            target = target == null ? Target.ITEMS : target;
            items = items == null ? LineSelector.ALL : items;
            allocation = allocation == null ? Allocation.ACROSS : allocation;
            requirePositive(maxQuantity, "maxQuantity");
        }
    }

    /** {@code amount} off the target, once (ACROSS) or off each unit (EACH, at most {@code maxQuantity} per line). */
    record AmountOff(BigDecimal amount, Target target, LineSelector items, Allocation allocation, Integer maxQuantity)
            implements Reward {
        public AmountOff {
            requireAmount(amount, "amount");
            target = target == null ? Target.ITEMS : target;
            items = items == null ? LineSelector.ALL : items;
            allocation = allocation == null ? Allocation.ACROSS : allocation;
            requirePositive(maxQuantity, "maxQuantity");
        }
    }

    /**
     * Selected units cost {@code price} each, or every {@code bundleQuantity} of them cost {@code price} together.
     * Bundles take the most expensive remaining units first (best for the shopper); left-over units keep their price.
     */
    record FixedPrice(BigDecimal price, LineSelector items, Integer bundleQuantity) implements Reward {
        public FixedPrice {
            requireAmount(price, "price");
            items = items == null ? LineSelector.ALL : items;
            requirePositive(bundleQuantity, "bundleQuantity");
        }

        @Override
        public Target target() {
            return Target.ITEMS;
        }
    }

    /** {@code percent} of the remaining shipping off (null = all of it). */
    record FreeShipping(BigDecimal percent) implements Reward {
        public FreeShipping {
            if (percent != null) {
                requirePercent(percent);
            }
        }

        @Override
        public Target target() {
            return Target.SHIPPING;
        }
    }

    /**
     * Buy {@code buyQuantity} units, get {@code getQuantity} units discounted, repeatedly. Got units take
     * {@code percentOff} if set, else {@code amountOff} each if set, else 100% off.
     */
    record BuyXGetY(LineSelector buy, int buyQuantity, LineSelector get, int getQuantity, BigDecimal percentOff,
                    BigDecimal amountOff, Selection selection, Integer maxApplications) implements Reward {
        public BuyXGetY {
            buy = buy == null ? LineSelector.ALL : buy;
            get = get == null ? buy : get;
            if (buyQuantity < 1 || getQuantity < 1) {
                throw new IllegalArgumentException("buyQuantity and getQuantity must be at least 1");
            }
            if (percentOff != null) {
                requirePercent(percentOff);
            }
            if (amountOff != null) {
                requireAmount(amountOff, "amountOff");
            }
            selection = selection == null ? Selection.CHEAPEST : selection;
            requirePositive(maxApplications, "maxApplications");
        }

        @Override
        public Target target() {
            return Target.ITEMS;
        }
    }

    /** The highest tier whose {@code min} the basis reaches gives its value (tiers are sorted by min). */
    record Tiered(TierBasis basis, List<Tier> tiers, ValueType valueType, Target target, LineSelector items)
            implements Reward {
        public Tiered {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(valueType, "valueType");
            if (tiers == null || tiers.isEmpty()) {
                throw new IllegalArgumentException("a tiered reward needs at least one tier");
            }
            tiers = tiers.stream().sorted(Comparator.comparing(Tier::min)).toList();
            target = target == null ? Target.ITEMS : target;
            items = items == null ? LineSelector.ALL : items;
            if (basis == TierBasis.LINE_QUANTITY && target == Target.SHIPPING) {
                throw new IllegalArgumentException("LINE_QUANTITY tiers discount lines, not shipping");
            }
            for (Tier tier : tiers) {
                if (valueType == ValueType.PERCENT) {
                    requirePercent(tier.value());
                }
            }
        }
    }

    /** One step of a tiered reward: from {@code min} (inclusive) on, {@code value} applies. */
    record Tier(BigDecimal min, BigDecimal value) {
        public Tier {
            requireAmount(min, "tier min");
            requireAmount(value, "tier value");
        }
    }

    /** {@code quantity} units of {@code sku} for free: reported as a gift, and discounted to 0 if already in the cart. */
    record FreeGift(String sku, int quantity) implements Reward {
        public FreeGift {
            Objects.requireNonNull(sku, "sku");
            if (quantity < 1) {
                throw new IllegalArgumentException("gift quantity must be at least 1");
            }
        }

        @Override
        public Target target() {
            return Target.ITEMS;
        }
    }

    private static void requirePercent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent.toPlainString());
        }
    }

    private static void requireAmount(BigDecimal amount, String name) {
        Objects.requireNonNull(amount, name);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + amount.toPlainString());
        }
    }

    private static void requirePositive(Integer value, String name) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
