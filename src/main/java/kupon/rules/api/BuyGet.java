package kupon.rules.api;

import kupon.pricing.Reward;
import kupon.pricing.Reward.Selection;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A "buy X, get Y" deal, given to a promotion with {@code .buyXGetY(..)}:
 * <pre>
 * BuyGet.buy(Items.categories("socks"), 2).get(1).free()                                 // buy 2 socks, the 3rd is free
 * BuyGet.buy(Items.categories("shoes"), 1).get(Items.categories("socks"), 1).amountOff("5.00")
 * BuyGet.buy(2).get(1).percentOff(50).mostExpensive().maxApplications(3)
 * </pre>
 * The deal repeats while the cart has enough units left: each time, {@code buy} units are bought and
 * {@code get} units are discounted, and a unit is either bought or got, never both. Got units are free
 * unless {@link #percentOff} or {@link #amountOff} says otherwise, and the cheapest eligible units are got
 * unless {@link #mostExpensive()} is asked for.
 *
 * <p>Immutable: every method returns a new deal and leaves the one it was called on unchanged.
 */
public final class BuyGet {

    private final Items buyItems;
    private final int buyQuantity;
    private final Items getItems;
    private final int getQuantity;
    private final BigDecimal percentOff;
    private final BigDecimal amountOff;
    private final Selection selection;
    private final Integer maxApplications;

    private BuyGet(Items buyItems, int buyQuantity, Items getItems, int getQuantity, BigDecimal percentOff,
                   BigDecimal amountOff, Selection selection, Integer maxApplications) {
        this.buyItems = buyItems;
        this.buyQuantity = buyQuantity;
        this.getItems = getItems;
        this.getQuantity = getQuantity;
        this.percentOff = percentOff;
        this.amountOff = amountOff;
        this.selection = selection;
        this.maxApplications = maxApplications;
    }

    /** Buy {@code quantity} units of {@code items}; say what is got next with {@link Buy#get}. */
    public static Buy buy(Items items, int quantity) {
        return new Buy(Objects.requireNonNull(items, "buy items"), atLeastOne(quantity, "buy quantity"));
    }

    /** Buy {@code quantity} units of anything discountable; say what is got next with {@link Buy#get}. */
    public static Buy buy(int quantity) {
        return buy(Items.all(), quantity);
    }

    /** The first half of a deal: what has to be bought. */
    public static final class Buy {

        private final Items items;
        private final int quantity;

        private Buy(Items items, int quantity) {
            this.items = items;
            this.quantity = quantity;
        }

        /** ... and get {@code quantity} units of the same items as bought (free unless said otherwise). */
        public BuyGet get(int quantity) {
            return new BuyGet(items, this.quantity, null, atLeastOne(quantity, "get quantity"), null, null,
                    Selection.CHEAPEST, null);
        }

        /** ... and get {@code quantity} units of {@code items} (free unless said otherwise). */
        public BuyGet get(Items items, int quantity) {
            return new BuyGet(this.items, this.quantity, Objects.requireNonNull(items, "get items"),
                    atLeastOne(quantity, "get quantity"), null, null, Selection.CHEAPEST, null);
        }

        @Override
        public String toString() {
            return "buy " + quantity + " of " + items;
        }
    }

    /** The got units cost nothing (the default). */
    public BuyGet free() {
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, null, null, selection, maxApplications);
    }

    /** The got units are {@code percent}% off (0 to 100) instead of free, e.g. {@code percentOff(50)} for "half price". */
    public BuyGet percentOff(Object percent) {
        BigDecimal p = Amounts.of(percent);
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percentOff must be between 0 and 100, was " + p.toPlainString());
        }
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, p, null, selection, maxApplications);
    }

    /** Each got unit is {@code amount} off (never more than it costs) instead of free, e.g. {@code amountOff("5.00")}. */
    public BuyGet amountOff(Object amount) {
        BigDecimal a = Amounts.of(amount);
        if (a.signum() < 0) {
            throw new IllegalArgumentException("amountOff must not be negative, was " + a.toPlainString());
        }
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, null, a, selection, maxApplications);
    }

    /** The cheapest eligible units are the got ones (the default). */
    public BuyGet cheapest() {
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, percentOff, amountOff, Selection.CHEAPEST,
                maxApplications);
    }

    /** The most expensive eligible units are the got ones. */
    public BuyGet mostExpensive() {
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, percentOff, amountOff, Selection.MOST_EXPENSIVE,
                maxApplications);
    }

    /** The deal repeats at most {@code times} times per order (by default, as often as the cart allows). */
    public BuyGet maxApplications(int times) {
        return new BuyGet(buyItems, buyQuantity, getItems, getQuantity, percentOff, amountOff, selection,
                atLeastOne(times, "maxApplications"));
    }

    /** The pricing core's form of this deal. */
    public Reward.BuyXGetY toReward() {
        return new Reward.BuyXGetY(buyItems.toSelector(), buyQuantity, getItems == null ? null : getItems.toSelector(),
                getQuantity, percentOff, amountOff, selection, maxApplications);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuyGet other
                && buyItems.equals(other.buyItems) && buyQuantity == other.buyQuantity
                && Objects.equals(getItems, other.getItems) && getQuantity == other.getQuantity
                && Objects.equals(percentOff, other.percentOff) && Objects.equals(amountOff, other.amountOff)
                && selection == other.selection && Objects.equals(maxApplications, other.maxApplications);
    }

    @Override
    public int hashCode() {
        return Objects.hash(buyItems, buyQuantity, getItems, getQuantity, percentOff, amountOff, selection,
                maxApplications);
    }

    /** E.g. {@code buy 2 of Items[categories=[socks]], get 1 of the same free, cheapest}. */
    @Override
    public String toString() {
        String discount = percentOff != null ? percentOff.toPlainString() + "% off"
                : amountOff != null ? amountOff.toPlainString() + " off each" : "free";
        return "buy " + buyQuantity + " of " + buyItems + ", get " + getQuantity + " of "
                + (getItems == null ? "the same" : getItems.toString()) + " " + discount + ", "
                + selection.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (maxApplications == null ? "" : ", at most " + maxApplications + " times");
    }

    private static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }
}
