package kupon.rules.api;

import kupon.pricing.LineSelector;
import kupon.pricing.Reward;
import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import kupon.pricing.Target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A tiered reward ("spend more, save more"), given to a promotion with {@code .tiered(..)}:
 * <pre>
 * Tiers.bySubtotal().percent().tier("100.00", 10).tier("200.00", 15)       // 10% from 100.00, 15% from 200.00
 * Tiers.byQuantity().amount().tier(3, "5.00").tier(5, "10.00").onOrder()   // 5.00 off the order from 3 units
 * Tiers.byLineQuantity().percent().tier(2, 5).tier(4, 10)                  // per line, by that line's quantity
 * </pre>
 * The highest tier whose minimum (inclusive) is reached gives its value; below the lowest tier nothing is given.
 * The basis is measured on the promotion's items ({@code .onItems(..)} / {@code .onLine(..)}; every discountable
 * line if none are given) as discounted by the promotions applied before it. A percent is taken off each line
 * and rounded per line, an amount is given once and spread over the lines, like {@code percentOffItems} and
 * {@code amountOffItems}; {@link #onOrder()} and {@link #onShipping()} change what is discounted.
 *
 * <p>Immutable: every method returns new tiers and leaves the ones it was called on unchanged.
 */
public final class Tiers {

    private final TierBasis basis;
    private final ValueType valueType;
    private final List<Reward.Tier> tiers;
    private final Target target;

    private Tiers(TierBasis basis, ValueType valueType, List<Reward.Tier> tiers, Target target) {
        this.basis = basis;
        this.valueType = valueType;
        this.tiers = tiers;
        this.target = target;
    }

    /** Tiers by the items' subtotal; minimums are amounts like {@code "100.00"}. Choose {@code percent()} or {@code amount()} next. */
    public static Basis bySubtotal() {
        return new Basis(TierBasis.SUBTOTAL);
    }

    /** Tiers by the number of units of the items; minimums are whole numbers. Choose {@code percent()} or {@code amount()} next. */
    public static Basis byQuantity() {
        return new Basis(TierBasis.QUANTITY);
    }

    /**
     * Tiers per line, by that line's quantity: each line reaching a tier gets that tier's value on itself
     * ("2 of the same: 5% off, 4 or more: 10% off"). Minimums are whole numbers. Choose {@code percent()} or
     * {@code amount()} next.
     */
    public static Basis byLineQuantity() {
        return new Basis(TierBasis.LINE_QUANTITY);
    }

    /** What the tiers are measured by; says next whether their values are percentages or amounts. */
    public static final class Basis {

        private final TierBasis basis;

        private Basis(TierBasis basis) {
            this.basis = basis;
        }

        /** Each tier's value is a percentage (0 to 100). */
        public Tiers percent() {
            return new Tiers(basis, ValueType.PERCENT, List.of(), Target.ITEMS);
        }

        /** Each tier's value is an amount of money, like {@code "5.00"}. */
        public Tiers amount() {
            return new Tiers(basis, ValueType.AMOUNT, List.of(), Target.ITEMS);
        }

        @Override
        public String toString() {
            return "tiers by " + basis.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * From {@code min} on (inclusive), {@code value} applies: {@code tier("100.00", 10)} by subtotal, {@code tier(3, "5.00")}
     * by quantity. Tiers may be given in any order; two tiers with the same minimum are a mistake.
     */
    public Tiers tier(Object min, Object value) {
        BigDecimal m = Amounts.of(min);
        BigDecimal v = Amounts.of(value);
        if (m.signum() < 0) {
            throw new IllegalArgumentException("A tier's min must not be negative, was " + m.toPlainString());
        }
        if (basis != TierBasis.SUBTOTAL && m.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("Tiers by quantity count whole units; min " + m.toPlainString() + " is not a whole number");
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException("A tier's value must not be negative, was " + v.toPlainString());
        }
        if (valueType == ValueType.PERCENT && v.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A percent tier's value must be at most 100, was " + v.toPlainString());
        }
        for (Reward.Tier existing : tiers) {
            if (existing.min().compareTo(m) == 0) {
                throw new IllegalArgumentException("Two tiers start at " + m.toPlainString() + "; give each minimum once");
            }
        }
        List<Reward.Tier> more = new ArrayList<>(tiers);
        more.add(new Reward.Tier(m, v));
        more.sort((a, b) -> a.min().compareTo(b.min()));
        return new Tiers(basis, valueType, List.copyOf(more), target);
    }

    /** The tier's value comes off the promotion's items (the default). */
    public Tiers onItems() {
        return new Tiers(basis, valueType, tiers, Target.ITEMS);
    }

    /**
     * The tier's value comes off the order's items as a whole: a percent is rounded once on their total, and the
     * discount counts as an order discount for {@code combinesWith}. Never touches shipping.
     */
    public Tiers onOrder() {
        return new Tiers(basis, valueType, tiers, Target.ORDER);
    }

    /** The tier's value comes off the shipping price (at most all of it). Not for {@link #byLineQuantity()}. */
    public Tiers onShipping() {
        if (basis == TierBasis.LINE_QUANTITY) {
            throw new IllegalArgumentException("Tiers by line quantity discount lines, not shipping");
        }
        return new Tiers(basis, valueType, tiers, Target.SHIPPING);
    }

    /** True when at least one tier was given. */
    public boolean hasTiers() {
        return !tiers.isEmpty();
    }

    /** The pricing core's form of these tiers, measured on and applied to {@code items}. */
    public Reward.Tiered toReward(LineSelector items) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("Tiers need at least one .tier(min, value)");
        }
        return new Reward.Tiered(basis, tiers, valueType, target, items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tiers other && basis == other.basis && valueType == other.valueType
                && tiers.equals(other.tiers) && target == other.target;
    }

    @Override
    public int hashCode() {
        return Objects.hash(basis, valueType, tiers, target);
    }

    /** E.g. {@code tiers by subtotal, percent [100.00: 10, 200.00: 15] off items}. */
    @Override
    public String toString() {
        List<String> steps = tiers.stream().map(t -> t.min().toPlainString() + ": " + t.value().toPlainString()).toList();
        return "tiers by " + basis.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                + valueType.name().toLowerCase(Locale.ROOT) + " " + steps + " off " + target.name().toLowerCase(Locale.ROOT);
    }
}
