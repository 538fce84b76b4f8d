package kupon.rules.api;

import kupon.pricing.Reward.Allocation;
import kupon.pricing.Offer.Combination;
import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.Reward;
import kupon.pricing.Target;
import kupon.codes.PromoCode;
import kupon.promotions.Promotion;
import kupon.rules.model.EnteredCode;
import kupon.rules.model.Line;

import java.math.BigDecimal;
import java.time.ZoneId;
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
 * Item rewards apply to the lines named with {@link #onLine}, {@link #onItems} and/or the one-field selector
 * methods ({@link #onCategories} and the like), which all must match; with none of them, to every discountable line.
 * Buy-x-get-y deals ({@link BuyGet}) and tiers ({@link Tiers}) have builders of their own.
 *
 * <p>An offer only states what the promotion gives: the pricing core decides, after all rules have fired, in
 * which order offers apply and whether they may stack ({@link #exclusive}, {@link #stopFurther},
 * {@link #combinesWith}). Usage limits ({@link #totalUses}, {@link #perCustomer}, {@link #perDay}, {@link #perIp},
 * {@link #budget}) are those of a JSON promotion's {@code limits}, counted by promotion id when orders are placed.
 * Invalid values (a percent over 100, a negative amount) throw in the rule that gives them.
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
    private Items requiredItems;
    private int requiredQuantity;
    private final StatedLimits limits;
    private final StatedReward reward;
    private final Set<String> lineIds = new LinkedHashSet<>();
    /** What {@link #onItems} named; null until it is called. */
    private Items items;
    /** What the one-field methods ({@link #onCategories} and the like) added. */
    private Items refinements = Items.all();

    PromotionOffer(String promotionId, Consumer<String> problems) {
        this.promotionId = promotionId;
        this.problems = problems;
        this.name = promotionId;
        this.limits = new StatedLimits(promotionId, problems);
        this.reward = new StatedReward(promotionId, problems);
    }

    /** The promotion this offer is for. */
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

    /**
     * Which classes of promotions it combines with; both sides must allow each other, else the later one skips the
     * units the earlier one discounted.
     */
    public PromotionOffer combinesWith(boolean items, boolean order, boolean shipping) {
        this.combinesWith = new Combination(items, order, shipping);
        return this;
    }

    /** It applies because this code was entered; reported in {@code applied[].code}. */
    public PromotionOffer code(EnteredCode enteredCode) { return code(enteredCode.getCode()); }

    /** It applies because this code was entered (compared trimmed and upper-cased); reported in {@code applied[].code}. */
    public PromotionOffer code(String code) { this.code = PromoCode.normalize(code); return this; }

    // --- conditions checked on the cart as discounted so far ------------------------------------

    /** The items still have to be worth at least this much when the promotion's turn comes. */
    public PromotionOffer minSubtotal(Object amount) { this.minSubtotal = Amounts.of(amount); return this; }

    /** The cart must hold at least this many units. */
    public PromotionOffer minQuantity(int quantity) { this.minQuantity = quantity; return this; }

    /**
     * The cart must hold at least {@code minQuantity} units of {@code items} when the promotion's turn comes, e.g.
     * {@code .requiresItems(Items.categories("shoes"), 1).amountOffOrder("10.00")}: 10.00 off any order with shoes.
     * It is only a condition; what the reward discounts is said with {@link #onItems} and the like.
     * One requirement per promotion: naming a different one is reported and the first is kept.
     */
    public PromotionOffer requiresItems(Items items, int minQuantity) {
        Objects.requireNonNull(items, "items");
        if (minQuantity < 1) {
            throw new IllegalArgumentException("requiresItems needs a minQuantity of at least 1, was " + minQuantity);
        }
        if (requiredItems == null) {
            requiredItems = items;
            requiredQuantity = minQuantity;
        } else if (!requiredItems.equals(items) || requiredQuantity != minQuantity) {
            problems.accept("Promotion '" + promotionId + "' was given two item requirements, " + requiredQuantity
                    + " of " + requiredItems + " and " + minQuantity + " of " + items + "; the first is kept.");
        }
        return this;
    }

    /** Never more than this in total per order. */
    public PromotionOffer maxAmount(Object amount) { this.maxAmount = Amounts.of(amount); return this; }

    // --- usage limits, counted over all orders -------------------------------------------------

    /** At most this many orders in all get the promotion. */
    public PromotionOffer totalUses(int uses) { limits.totalUses(uses); return this; }

    /** At most this many orders per customer (by customer id, else normalized email); guests without an email do not get it. */
    public PromotionOffer perCustomer(int uses) { limits.perCustomer(uses); return this; }

    /** At most this many orders per calendar day, in {@link #timeZone} (UTC unless given). */
    public PromotionOffer perDay(int uses) { limits.perDay(uses); return this; }

    /** At most this many orders per shopper's IP address ({@code context.ip}, else the caller's address). */
    public PromotionOffer perIp(int uses) { limits.perIp(uses); return this; }

    /** At most {@code uses} orders from one device ({@code context.deviceId}); without a device id it does not apply. */
    public PromotionOffer perDevice(int uses) { limits.perDevice(uses); return this; }

    /** At most {@code uses} orders to one household (the shipping address, normalized); without an address it does not apply. */
    public PromotionOffer perAddress(int uses) { limits.perAddress(uses); return this; }

    /**
     * At most this much discount money over the promotion's life, e.g. {@code .budget("5000.00")}; when nearly
     * exhausted, the discount is reduced to what remains.
     */
    public PromotionOffer budget(Object amount) { limits.budget(Amounts.of(amount)); return this; }

    /** The IANA time zone whose calendar days {@link #perDay} counts, e.g. {@code "Europe/Paris"} (default UTC). */
    public PromotionOffer timeZone(String zone) { limits.timeZone(zone); return this; }

    /** The usage limits stated, as a JSON promotion's {@code limits}; null when none. */
    public Promotion.Limits getLimits() { return limits.toLimits(); }

    /** Where {@link #perDay} reads the calendar day: UTC unless {@link #timeZone} was given, as for a JSON promotion without one. */
    public ZoneId getTimeZone() { return limits.zone(); }

    // --- which items -----------------------------------------------------------------------------

    /**
     * Item rewards apply to this line (call once per matched line; the lines add up). Together with
     * {@link #onItems} or the selector methods, a line must also match them.
     */
    public PromotionOffer onLine(Line line) { lineIds.add(line.getId()); return this; }

    /**
     * Item rewards apply to the lines {@code items} selects, e.g. {@code .onItems(Items.categories("shoes").excludeOnSale())}.
     * A rule firing once per line may repeat the same items; naming different items for one promotion is reported
     * and the first are kept (give each its own promotion, or list everything in one {@link Items}).
     */
    public PromotionOffer onItems(Items items) {
        Objects.requireNonNull(items, "items");
        if (this.items == null) {
            this.items = items;
        } else if (!this.items.equals(items)) {
            problems.accept("Promotion '" + promotionId + "' was given two item selections, " + this.items + " and "
                    + items + "; the first is kept.");
        }
        return this;
    }

    /** Item rewards apply to lines with one of these SKUs (the values add up over calls). */
    public PromotionOffer onSkus(String... values) { refinements = refinements.andSkus(values); return this; }

    /** Item rewards apply to lines in one of these categories (the values add up over calls). */
    public PromotionOffer onCategories(String... values) { refinements = refinements.andCategories(values); return this; }

    /** Item rewards apply to lines of one of these brands (the values add up over calls). */
    public PromotionOffer onBrands(String... values) { refinements = refinements.andBrands(values); return this; }

    /** Item rewards apply to lines carrying one of these tags (the values add up over calls). */
    public PromotionOffer onTags(String... values) { refinements = refinements.andTags(values); return this; }

    /** Item rewards leave out lines in any of these categories. */
    public PromotionOffer excludeCategories(String... values) { refinements = refinements.excludeCategories(values); return this; }

    /** Item rewards leave out lines of any of these brands. */
    public PromotionOffer excludeBrands(String... values) { refinements = refinements.excludeBrands(values); return this; }

    /** Item rewards leave out lines already on sale. */
    public PromotionOffer excludeOnSale() { refinements = refinements.excludeOnSale(); return this; }

    // --- rewards ---------------------------------------------------------------------------------

    /** {@code percent}% off each targeted line, rounded per line. */
    public PromotionOffer percentOffItems(Object percent) {
        BigDecimal p = Amounts.of(percent);
        return reward("percentOffItems(" + p + ")", items -> new Reward.PercentOff(p, Target.ITEMS, items, Allocation.ACROSS, null));
    }

    /** {@code percent}% off at most {@code maxQuantity} units per targeted line, the dearest first. */
    public PromotionOffer percentOffEachItem(Object percent, int maxQuantity) {
        BigDecimal p = Amounts.of(percent);
        return reward("percentOffEachItem(" + p + "," + maxQuantity + ")",
                items -> new Reward.PercentOff(p, Target.ITEMS, items, Allocation.EACH, maxQuantity));
    }

    /** {@code percent}% off every targeted unit, each unit rounded on its own (not per line). */
    public PromotionOffer percentOffEachItem(Object percent) {
        BigDecimal p = Amounts.of(percent);
        return reward("percentOffEachItem(" + p + ")",
                items -> new Reward.PercentOff(p, Target.ITEMS, items, Allocation.EACH, null));
    }

    /** {@code amount} once, spread over the targeted lines in proportion to their value. */
    public PromotionOffer amountOffItems(Object amount) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffItems(" + a + ")", items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.ACROSS, null));
    }

    /** {@code amount} off each targeted unit. */
    public PromotionOffer amountOffEachItem(Object amount) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffEachItem(" + a + ")", items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.EACH, null));
    }

    /** {@code amount} off each targeted unit, at most {@code maxQuantity} units per line. */
    public PromotionOffer amountOffEachItem(Object amount, int maxQuantity) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffEachItem(" + a + "," + maxQuantity + ")",
                items -> new Reward.AmountOff(a, Target.ITEMS, items, Allocation.EACH, maxQuantity));
    }

    /**
     * {@code percent}% of the order's items as a whole, rounded once, then allocated over the lines. With
     * {@link #onItems} (or the like), of those items' total. Counts as an order discount for {@code combinesWith}.
     */
    public PromotionOffer percentOffOrder(Object percent) {
        BigDecimal p = Amounts.of(percent);
        return reward("percentOffOrder(" + p + ")", items -> new Reward.PercentOff(p, Target.ORDER, items, Allocation.ACROSS, null));
    }

    /**
     * {@code amount} off the order's items, allocated over the lines (with {@link #onItems} or the like, over those
     * items). Never touches shipping. Counts as an order discount for {@code combinesWith}.
     */
    public PromotionOffer amountOffOrder(Object amount) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffOrder(" + a + ")", items -> new Reward.AmountOff(a, Target.ORDER, items, Allocation.ACROSS, null));
    }

    /**
     * {@code amount} off each targeted unit, like {@link #amountOffEachItem(Object)}, but counted as an order
     * discount for {@code combinesWith}.
     */
    public PromotionOffer amountOffOrderEachItem(Object amount) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffOrderEachItem(" + a + ")",
                items -> new Reward.AmountOff(a, Target.ORDER, items, Allocation.EACH, null));
    }

    /**
     * {@code amount} off each targeted unit, at most {@code maxQuantity} units per line (the dearest first), counted
     * as an order discount for {@code combinesWith}.
     */
    public PromotionOffer amountOffOrderEachItem(Object amount, int maxQuantity) {
        BigDecimal a = Amounts.of(amount);
        return reward("amountOffOrderEachItem(" + a + "," + maxQuantity + ")",
                items -> new Reward.AmountOff(a, Target.ORDER, items, Allocation.EACH, maxQuantity));
    }

    /** Shipping costs nothing. */
    public PromotionOffer freeShipping() {
        return rewardIgnoringItems("freeShipping()", new Reward.FreeShipping(null));
    }

    /** {@code percent}% off the shipping price. */
    public PromotionOffer percentOffShipping(Object percent) {
        BigDecimal p = Amounts.of(percent);
        return rewardIgnoringItems("percentOffShipping(" + p + ")", new Reward.FreeShipping(p));
    }

    /** {@code amount} off the shipping price (at most the price). */
    public PromotionOffer amountOffShipping(Object amount) {
        BigDecimal a = Amounts.of(amount);
        return rewardIgnoringItems("amountOffShipping(" + a + ")",
                new Reward.AmountOff(a, Target.SHIPPING, LineSelector.ALL, Allocation.ACROSS, null));
    }

    /** Each targeted unit costs {@code price}. */
    public PromotionOffer fixedPrice(Object price) {
        BigDecimal p = Amounts.of(price);
        return reward("fixedPrice(" + p + ")", items -> new Reward.FixedPrice(p, items, null));
    }

    /** Every {@code quantity} targeted units cost {@code price} together ("3 for 10.00"). */
    public PromotionOffer bundlePrice(int quantity, Object price) {
        BigDecimal p = Amounts.of(price);
        return reward("bundlePrice(" + quantity + "," + p + ")", items -> new Reward.FixedPrice(p, items, quantity));
    }

    /** Adds {@code quantity} × {@code sku} as a gift; if the SKU is in the cart, those units cost nothing. */
    public PromotionOffer freeGift(String sku, int quantity) {
        return rewardIgnoringItems("freeGift(" + sku + "," + quantity + ")", new Reward.FreeGift(sku, quantity));
    }

    /**
     * Buy X, get Y, repeatedly: e.g. {@code .buyXGetY(BuyGet.buy(Items.categories("socks"), 2).get(1).free())}.
     * The bought and got items are said in the {@link BuyGet}, not with {@link #onItems} or {@link #onLine}.
     */
    public PromotionOffer buyXGetY(BuyGet deal) {
        Objects.requireNonNull(deal, "deal");
        return rewardIgnoringItems("buyXGetY(" + deal + ")", deal.toReward());
    }

    /**
     * The highest tier reached gives its value, e.g.
     * {@code .tiered(Tiers.bySubtotal().percent().tier("100.00", 10).tier("200.00", 15))}. The tiers are measured on,
     * and discount, the items given with {@link #onItems} / {@link #onLine} (every discountable line if none).
     */
    public PromotionOffer tiered(Tiers tiers) {
        Objects.requireNonNull(tiers, "tiers");
        return reward("tiered(" + tiers + ")", tiers::toReward);
    }

    private PromotionOffer rewardIgnoringItems(String description, Reward fixed) {
        reward.state(description, false, items -> fixed);
        return this;
    }

    private PromotionOffer reward(String description, Function<LineSelector, Reward> factory) {
        reward.state(description, true, factory);
        return this;
    }

    /** The offer for the pricing core, or null when no rule stated a reward. */
    public Offer toOffer() {
        if (!reward.isStated()) {
            problems.accept("Promotion '" + promotionId + "' was named by a rule but given no reward; it is ignored.");
            return null;
        }
        Items selection = (items == null ? Items.all() : items).with(refinements);
        if (!reward.usesItems() && (!selection.isAll() || !lineIds.isEmpty())) {
            problems.accept("Promotion '" + promotionId + "' names items, but " + reward.description()
                    + " does not discount chosen items, so they are ignored; to make items a condition, use requiresItems(..).");
        }
        Conditions conditions = new Conditions(minSubtotal, minQuantity, requiredItems == null ? null
                : new Conditions.ItemRequirement(requiredItems.toSelector(), requiredQuantity));
        LineSelector lineSelector = selection.toSelector(lineIds);
        return new Offer(promotionId, name, code, priority, exclusive, stopFurther, combinesWith, conditions,
                reward.on(lineSelector), maxAmount, null);
    }
}
