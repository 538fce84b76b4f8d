package kupon.evaluation;

import kupon.pricing.Offer;
import kupon.pricing.PricingLine;
import kupon.pricing.Reward;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Free gifts bounded by stock, before pricing: a gift whose SKU is out of stock is not offered, one with fewer units
 * in stock than it gives gives what there is. The cart's own line of that SKU says its stock ({@code inStock},
 * {@code availableQuantity}); a SKU not in the cart is looked up in the recorded inventory, once, only when a gift
 * needs it. A SKU no one reported on is taken to be in stock.
 */
final class GiftStock {

    /** The offers to price, and what checkout should be told about the gifts that were cut. */
    record Checked(List<Offer> offers, List<StockWarning> warnings) {
    }

    private GiftStock() {
    }

    static Checked check(List<Offer> offers, List<PricingLine> lines, Function<Collection<String>, Map<String, Integer>> recorded) {
        Set<String> notInCart = new LinkedHashSet<>();
        for (Offer offer : offers) {
            if (offer.reward() instanceof Reward.FreeGift gift && lines.stream().noneMatch(l -> l.sku().equals(gift.sku()))) {
                notInCart.add(gift.sku());
            }
        }
        if (notInCart.isEmpty() && lines.stream().allMatch(l -> l.inStock() && l.availableQuantity() == null)) {
            return new Checked(offers, List.of());
        }
        Map<String, Integer> stock = notInCart.isEmpty() ? Map.of() : recorded.apply(notInCart);
        List<Offer> kept = new ArrayList<>(offers.size());
        List<StockWarning> warnings = new ArrayList<>();
        for (Offer offer : offers) {
            if (!(offer.reward() instanceof Reward.FreeGift gift)) {
                kept.add(offer);
                continue;
            }
            Integer available = available(gift.sku(), lines, stock);
            if (available == null || available >= gift.quantity()) {
                kept.add(offer);
            } else if (available == 0) {
                warnings.add(new StockWarning(StockWarning.Kind.GIFT_OUT_OF_STOCK, offer.promotionId(), gift.sku(), null));
            } else {
                kept.add(offer.withReward(new Reward.FreeGift(gift.sku(), available)));
                warnings.add(new StockWarning(StockWarning.Kind.GIFT_STOCK_SHORT, offer.promotionId(), gift.sku(), available));
            }
        }
        return new Checked(kept, warnings);
    }

    /** Units of the SKU that can be given, or null when nothing bounds it. */
    private static Integer available(String sku, List<PricingLine> lines, Map<String, Integer> stock) {
        Integer bound = null;
        boolean inCart = false;
        for (PricingLine line : lines) {
            if (!line.sku().equals(sku)) continue;
            inCart = true;
            if (!line.inStock()) return 0;
            if (line.availableQuantity() != null) bound = bound == null ? line.availableQuantity() : Math.min(bound, line.availableQuantity());
        }
        return inCart ? bound : stock.get(sku);
    }
}
