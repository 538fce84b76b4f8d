package kupon.promotions;

import kupon.pricing.Conditions;
import kupon.pricing.LineSelector;
import kupon.pricing.Offer;
import kupon.pricing.Reward;
import kupon.pricing.Target;
import kupon.promotions.Promotion.RewardDefinition;
import kupon.promotions.Promotion.Selector;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Turns a stored promotion into the offer the pricing core applies: one small mapping per reward type. */
public final class PromotionOffers {

    private PromotionOffers() {
    }

    /** The offer of {@code promotion} (with defaults applied), entered with {@code code} (null for automatic ones). */
    public static Offer toOffer(Promotion promotion, String code, BigDecimal remainingBudget) {
        Promotion.CombinesWith combines = promotion.combinesWith();
        Promotion.Conditions c = promotion.conditions();
        Conditions conditions = new Conditions(c.minSubtotal(), c.minQuantity(),
                c.requiresItems() == null ? null : new Conditions.ItemRequirement(selector(c.requiresItems().selector()),
                        c.requiresItems().minQuantity() == null ? 1 : c.requiresItems().minQuantity()));
        return new Offer(promotion.id(), promotion.name(), code, promotion.priority(), promotion.exclusive(),
                promotion.stopFurther(), new Offer.Combination(combines.items(), combines.order(), combines.shipping()),
                conditions, reward(promotion.reward()), promotion.reward().maxAmount(), remainingBudget);
    }

    static Reward reward(RewardDefinition r) {
        Target target = r.target() == null ? Target.ITEMS : r.target();
        LineSelector items = selector(r.items());
        return switch (r.type()) {
            case PERCENT_OFF -> new Reward.PercentOff(r.value(), target, items, r.allocation(), r.maxQuantity());
            case AMOUNT_OFF -> new Reward.AmountOff(r.value(), target, items, r.allocation(), r.maxQuantity());
            case FIXED_PRICE -> new Reward.FixedPrice(r.value(), items, r.bundleQuantity());
            case FREE_SHIPPING -> new Reward.FreeShipping(r.value());
            case BUY_X_GET_Y -> new Reward.BuyXGetY(selector(r.buy().selector()), r.buy().quantity(),
                    r.get().selector() == null ? null : selector(r.get().selector()), r.get().quantity(),
                    r.get().percentOff(), r.get().amountOff(), r.get().selection(), r.maxApplications());
            case TIERED -> new Reward.Tiered(r.basis(), r.tiers().stream()
                    .map(t -> new Reward.Tier(t.min(), t.value())).toList(),
                    r.valueType() == null ? Reward.ValueType.PERCENT : r.valueType(), target, items);
            case FREE_GIFT -> new Reward.FreeGift(r.gift().sku(), r.gift().quantity() == null ? 1 : r.gift().quantity());
        };
    }

    static LineSelector selector(Selector s) {
        if (s == null) {
            return LineSelector.ALL;
        }
        return new LineSelector(set(s.skus()), set(s.productIds()), set(s.categories()), set(s.brands()), set(s.tags()),
                set(s.excludeSkus()), set(s.excludeCategories()), set(s.excludeBrands()), set(s.excludeTags()),
                Boolean.TRUE.equals(s.excludeOnSale()), Set.of());
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
