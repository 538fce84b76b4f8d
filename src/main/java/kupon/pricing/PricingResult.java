package kupon.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The priced cart. Every amount is at the currency's minor-unit scale, and
 * total = subtotal - discountTotal + shipping - shippingDiscount + (prices include tax ? 0 : tax).
 */
public record PricingResult(
        Currency currency,
        Money subtotal,
        Money discountTotal,
        Money shipping,
        Money shippingDiscount,
        Money tax,
        Money total,
        List<LineResult> lines,
        List<Applied> applied,
        List<Gift> gifts,
        List<Hint> hints,
        List<NotApplied> notApplied) {

    public PricingResult {
        lines = List.copyOf(lines);
        applied = List.copyOf(applied);
        gifts = List.copyOf(gifts);
        hints = List.copyOf(hints);
        notApplied = List.copyOf(notApplied);
    }

    /** One cart line after discounts; {@code discount} is the sum of its adjustments. */
    public record LineResult(String id, Money subtotal, Money discount, Money total, Money tax,
                             List<Adjustment> adjustments) {
        public LineResult {
            adjustments = List.copyOf(adjustments);
        }
    }

    /** What one promotion (entered with {@code code}, if any) took off one line. */
    public record Adjustment(String promotionId, String code, Money amount) {
    }

    /** A promotion that applied, with what it took off in total. */
    public record Applied(String promotionId, String name, String code, Money amount, Target target) {
    }

    /** Items a free-gift promotion gives; checkout adds them. */
    public record Gift(String promotionId, String sku, int quantity) {
    }

    /** Which minimum a hint is about. */
    public enum HintKind { MIN_SUBTOTAL, MIN_QUANTITY }

    /** What the shopper is missing to get (more of) a promotion: money for MIN_SUBTOTAL, units for MIN_QUANTITY. */
    public record Hint(String promotionId, HintKind kind, BigDecimal missing, String message) {
    }

    /** Why a proposed offer gave nothing. */
    public enum Reason {
        MIN_SUBTOTAL_NOT_MET, MIN_QUANTITY_NOT_MET, NO_ELIGIBLE_ITEMS, NOT_COMBINABLE, EXCLUDED_BY_EXCLUSIVE,
        STOPPED_BY_EARLIER, BUDGET_EXHAUSTED
    }

    /** An offer that was proposed but did not apply, and why. */
    public record NotApplied(Offer offer, Reason reason) {
    }
}
