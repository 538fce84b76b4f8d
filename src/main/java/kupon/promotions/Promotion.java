package kupon.promotions;

import com.fasterxml.jackson.annotation.JsonInclude;
import kupon.pricing.Reward.Allocation;
import kupon.pricing.Reward.Selection;
import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import kupon.pricing.Target;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A promotion as marketers write it in JSON (docs/api.md "Promotions"): who gets what, when, and how it
 * stacks. Stored as sent, after {@link #withDefaults()}; turned into pricing offers per evaluation.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Promotion(String id, String name, PromotionStatus status, Trigger trigger, Integer priority,
                        Boolean exclusive, Boolean stopFurther, CombinesWith combinesWith, Conditions conditions,
                        RewardDefinition reward, Schedule schedule, Limits limits, String campaign,
                        Holdout holdout) {

    /** AUTOMATIC applies whenever eligible; CODE only when one of its codes is entered. */
    public enum Trigger { AUTOMATIC, CODE }

    public enum RewardType { PERCENT_OFF, AMOUNT_OFF, FIXED_PRICE, FREE_SHIPPING, BUY_X_GET_Y, TIERED, FREE_GIFT }

    public record CombinesWith(Boolean items, Boolean order, Boolean shipping) {
        public static final CombinesWith ALL = new CombinesWith(true, true, true);
    }

    /** Which cart lines a reward or requirement is about; empty matches every discountable line. */
    public record Selector(List<String> skus, List<String> productIds, List<String> categories, List<String> brands,
                           List<String> tags, List<String> excludeSkus, List<String> excludeCategories,
                           List<String> excludeBrands, List<String> excludeTags, Boolean excludeOnSale) {
    }

    public record ItemsRequirement(Selector selector, Integer minQuantity) {
    }

    /**
     * {@code minLifetimeSpend}: what the shopper's placed orders came to, in the cart's currency, at least;
     * {@code birthdayWithinDays}: the shopper's birthday is today or within that many days.
     */
    public record Conditions(BigDecimal minSubtotal, Integer minQuantity, ItemsRequirement requiresItems,
                             List<String> customerSegments, Boolean firstOrderOnly, List<String> channels,
                             List<String> countries, BigDecimal minLifetimeSpend, Integer birthdayWithinDays) {
        public static final Conditions NONE = new Conditions(null, null, null, null, false, null, null, null, null);
    }

    public record BuyPart(Selector selector, Integer quantity) {
    }

    public record GetPart(Selector selector, Integer quantity, BigDecimal percentOff, BigDecimal amountOff,
                          Selection selection) {
    }

    public record TierDefinition(BigDecimal min, BigDecimal value) {
    }

    public record GiftDefinition(String sku, Integer quantity) {
    }

    public record RewardDefinition(RewardType type, BigDecimal value, Target target, Selector items,
                                   Allocation allocation, Integer maxQuantity, BigDecimal maxAmount,
                                   Integer bundleQuantity, BuyPart buy, GetPart get, Integer maxApplications,
                                   TierBasis basis, List<TierDefinition> tiers, ValueType valueType,
                                   GiftDefinition gift) {
    }

    public record Hours(LocalTime from, LocalTime to) {
    }

    /** When a promotion runs: a window, optionally only on some weekdays and hours, in its own time zone. */
    public record Schedule(OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, List<DayOfWeek> daysOfWeek,
                           Hours hours) {
    }

    /** Usage limits; {@code perDevice} counts by {@code context.deviceId}, {@code perAddress} by household address. */
    public record Limits(Integer totalUses, Integer perCustomer, Integer perDay, Integer perIp, BigDecimal budget,
                         Integer perDevice, Integer perAddress) {
        public Limits(Integer totalUses, Integer perCustomer, Integer perDay, Integer perIp, BigDecimal budget) {
            this(totalUses, perCustomer, perDay, perIp, budget, null, null);
        }
    }

    /** A control group: {@code percent} of identified shoppers (by a stable hash) get nothing from the promotion. */
    public record Holdout(BigDecimal percent) {
    }

    /** The same promotion with every optional field filled with its documented default. */
    public Promotion withDefaults() {
        return new Promotion(id, name, status == null ? PromotionStatus.ACTIVE : status,
                trigger == null ? Trigger.AUTOMATIC : trigger, priority == null ? 0 : priority,
                Boolean.TRUE.equals(exclusive), Boolean.TRUE.equals(stopFurther),
                combinesWith == null ? CombinesWith.ALL : new CombinesWith(!Boolean.FALSE.equals(combinesWith.items()),
                        !Boolean.FALSE.equals(combinesWith.order()), !Boolean.FALSE.equals(combinesWith.shipping())),
                conditions == null ? Conditions.NONE : conditions, reward, schedule, limits, campaign, holdout);
    }

    public Promotion withStatus(PromotionStatus newStatus) {
        return new Promotion(id, name, newStatus, trigger, priority, exclusive, stopFurther, combinesWith, conditions,
                reward, schedule, limits, campaign, holdout);
    }

    public Promotion withId(String newId) {
        return new Promotion(newId, name, status, trigger, priority, exclusive, stopFurther, combinesWith, conditions,
                reward, schedule, limits, campaign, holdout);
    }
}
