package kupon.rules.api;

import kupon.pricing.Reward.Allocation;
import kupon.pricing.Offer.Combination;
import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.Reward;
import kupon.pricing.Target;
import kupon.rules.model.EnteredCode;
import kupon.rules.model.Line;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What one promotion offers this cart, stated by rules through a fluent API:
 * <pre>
 * actions.promotion("shoes-10").name("10% off shoes").priority(100).percentOffItems(10).onLine($line);
 * actions.promotion("spend-50").name("5.00 off orders of 50.00 or more").minSubtotal("50.00").amountOffOrder("5.00");
 * </pre>
 * Amounts are given as strings ({@code "5.00"}) or whole numbers, never computed in the rule.
 * Item rewards apply to the lines named with {@link #onLine} and/or the selector methods; with
 * neither, to every discountable line.
 */
public final class PromotionOffer {

    private final String promotionId;
    private final Consumer<String> problems;
    private String name;
    private int priority;
    private boolean exclusive;
    private boolean stopFurther;
    private Combination combinesWith = Combination.ALL;
    private String code;
    private BigDecimal minSubtotal;
    private Integer minQuantity;
    private BigDecimal maxAmount;
    private Function<LineSelector, Reward> reward;
    private String rewardDescription;
    private final Set<String> lineIds = new LinkedHashSet<>();
    private final Set<String> skus = new LinkedHashSet<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private final Set<String> brands = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private final Set<String> excludeCategories = new LinkedHashSet<>();
    private final Set<String> excludeBrands = new LinkedHashSet<>();
    private boolean excludeOnSale;

    PromotionOffer(String promotionId, Consumer<String> problems) {
        this.promotionId = promotionId;
        this.problems = problems;
        this.name = promotionId;
    }

    public String getPromotionId() { return promotionId; }

    // --- how the promotion stacks -------------------------------------------------------------

    /** The name shoppers see in {@code applied[].name}. */
    public PromotionOffer name(String name) { this.name = name; return this; }

    /** Higher applies first; ties by promotion id. */
    public PromotionOffer priority(int priority) { this.priority = priority; return this; }

    /** When it applies, no other promotion does. */
    public PromotionOffer exclusive() { this.exclusive = true; return this; }

    /** Once it has discounted something, promotions after it are skipped. */
    public PromotionOffer stopFurther() { this.stopFurther = true; return this; }

    /** Which classes of promotions it combines with; both sides must allow each other. */
    public PromotionOffer combinesWith(boolean items, boolean order, boolean shipping) {
        this.combinesWith = new Combination(items, order, shipping);
        return this;
    }

    /** It applies because this code was entered; reported in {@code applied[].code}. */
    public PromotionOffer code(EnteredCode enteredCode) { return code(enteredCode.getCode()); }

    public PromotionOffer code(String code) { this.code = code.trim().toUpperCase(java.util.Locale.ROOT); return this; }

    // --- conditions checked on the cart as discounted so far ------------------------------------

    /** The items still have to be worth at least this much when the promotion's turn comes. */
    public PromotionOffer minSubtotal(Object amount) { this.minSubtotal = amountOf(amount); return this; }

    /** The cart must hold at least this many units. */
    public PromotionOffer minQuantity(int quantity) { this.minQuantity = quantity; return this; }

    /** Never more than this in total per order. */
    public PromotionOffer maxAmount(Object amount) { this.maxAmount = amountOf(amount); return this; }

    // --- which items -----------------------------------------------------------------------------

    /** Item rewards apply to this line (call once per matched line). */
    public PromotionOffer onLine(Line line) { lineIds.add(line.getId()); return this; }

    public PromotionOffer onSkus(String... values) { skus.addAll(Set.of(values)); return this; }

    public PromotionOffer onCategories(String... values) { categories.addAll(Set.of(values)); return this; }

    public PromotionOffer onBrands(String... values) { brands.addAll(Set.of(values)); return this; }

    public PromotionOffer onTags(String... values) { tags.addAll(Set.of(values)); return this; }

    public PromotionOffer excludeCategories(String... values) { excludeCategories.addAll(Set.of(values)); return this; }

    public PromotionOffer excludeBrands(String... values) { excludeBrands.addAll(Set.of(values)); return this; }

    public PromotionOffer excludeOnSale() { this.excludeOnSale = true; return this; }

    // --- rewards ---------------------------------------------------------------------------------

    /** {@code percent}% off each targeted line, rounded per line. */
    public PromotionOffer percentOffItems(Object percent) {
        BigDecimal p = amountOf(percent);
        return reward("percentOffItems(" + p + ")", items -> new Reward.PercentOff(p, Target.ITEMS, items, Allocation.ACROSS, null));
    }

    /** {@code percent}% off at most {@code maxQuantity} units per targeted line, the dearest first. */
    public PromotionOffer percentOffEachItem(Object percent, int maxQuantity) {
        BigDecimal p = amountOf(percent);
        return reward("percentOffEachItem(" + p + "," + maxQuantity + ")",
                items -> new Reward.PercentOff(p, Target.ITEMS, items, Allocation.EACH, maxQuantity));
    }

    /** {@code amount} once, spread over the targeted lines in proportion to their value. */
    public PromotionOffer amountOffItems(Object amount) {
        BigDecimal a = amountOf(amount);
        return reward("amountOffItems(" + a + ")", items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.ACROSS, null));
    }

    /** {@code amount} off each targeted unit. */
    public PromotionOffer amountOffEachItem(Object amount) {
        BigDecimal a = amountOf(amount);
        return reward("amountOffEachItem(" + a + ")", items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.EACH, null));
    }

    /** {@code amount} off each targeted unit, at most {@code maxQuantity} units per line. */
    public PromotionOffer amountOffEachItem(Object amount, int maxQuantity) {
        BigDecimal a = amountOf(amount);
        return reward("amountOffEachItem(" + a + "," + maxQuantity + ")",
                items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.EACH, maxQuantity));
    }

    /** {@code percent}% of the order's items as a whole, rounded once, then allocated over the lines. */
    public PromotionOffer percentOffOrder(Object percent) {
        BigDecimal p = amountOf(percent);
        return reward("percentOffOrder(" + p + ")", items -> new Reward.PercentOff(p, Target.ORDER, items, Allocation.ACROSS, null));
    }

    /** {@code amount} off the order's items, allocated over the lines. Never touches shipping. */
    public PromotionOffer amountOffOrder(Object amount) {
        BigDecimal a = amountOf(amount);
        return reward("amountOffOrder(" + a + ")", items -> new Reward.AmountOff(a, Target.ORDER, items, Allocation.ACROSS, null));
    }

    /** Shipping costs nothing. */
    public PromotionOffer freeShipping() {
        return reward("freeShipping()", items -> new Reward.FreeShipping(null));
    }

    /** {@code percent}% off the shipping price. */
    public PromotionOffer percentOffShipping(Object percent) {
        BigDecimal p = amountOf(percent);
        return reward("percentOffShipping(" + p + ")", items -> new Reward.FreeShipping(p));
    }

    /** {@code amount} off the shipping price (at most the price). */
    public PromotionOffer amountOffShipping(Object amount) {
        BigDecimal a = amountOf(amount);
        return reward("amountOffShipping(" + a + ")", items -> new Reward.AmountOff(a, Target.SHIPPING, items, Allocation.ACROSS, null));
    }

    /** Each targeted unit costs {@code price}. */
    public PromotionOffer fixedPrice(Object price) {
        BigDecimal p = amountOf(price);
        return reward("fixedPrice(" + p + ")", items -> new Reward.FixedPrice(p, items, null));
    }

    /** Every {@code quantity} targeted units cost {@code price} together ("3 for 10.00"). */
    public PromotionOffer bundlePrice(int quantity, Object price) {
        BigDecimal p = amountOf(price);
        return reward("bundlePrice(" + quantity + "," + p + ")", items -> new Reward.FixedPrice(p, items, quantity));
    }

    /** Adds {@code quantity} × {@code sku} as a gift; if the SKU is in the cart, those units cost nothing. */
    public PromotionOffer freeGift(String sku, int quantity) {
        return reward("freeGift(" + sku + "," + quantity + ")", items -> new Reward.FreeGift(sku, quantity));
    }

    private PromotionOffer reward(String description, Function<LineSelector, Reward> factory) {
        if (reward == null) {
            reward = factory;
            rewardDescription = description;
        } else if (!rewardDescription.equals(description)) {
            problems.accept("Promotion '" + promotionId + "' was given two rewards, " + rewardDescription + " and "
                    + description + "; the first is kept. Give each reward its own promotion id.");
        }
        return this;
    }

    /** The offer for the pricing core, or null when no rule stated a reward. */
    public Offer toOffer() {
        if (reward == null) {
            problems.accept("Promotion '" + promotionId + "' was named by a rule but given no reward; it is ignored.");
            return null;
        }
        LineSelector items = new LineSelector(skus, Set.of(), categories, brands, tags,
                Set.of(), excludeCategories, excludeBrands, Set.of(), excludeOnSale, lineIds);
        Conditions conditions = new Conditions(minSubtotal, minQuantity, null);
        return new Offer(promotionId, name, code, priority, exclusive, stopFurther, combinesWith, conditions,
                reward.apply(items), maxAmount, null);
    }

    static BigDecimal amountOf(Object value) {
        Objects.requireNonNull(value, "amount");
        if (value instanceof BigDecimal d) return d;
        if (value instanceof String s) return new BigDecimal(s.trim());
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // A decimal literal in DRL arrives as a double; its shortest decimal form is what the author wrote.
        if (value instanceof Double || value instanceof Float) return new BigDecimal(value.toString());
        throw new IllegalArgumentException("Amount " + value + " must be a string like \"5.00\" or a number");
    }
}
