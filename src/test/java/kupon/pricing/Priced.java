package kupon.pricing;

import kupon.support.CartBuilder;
import java.util.List;

import kupon.pricing.PricingResult.LineResult;
import kupon.pricing.PricingResult.NotApplied;

/** Prices a cart with the default engine and reads the result as plain strings for exact assertions. */
final class Priced {

    static final PricingEngine ENGINE = new PricingEngine(Rounding.HALF_EVEN);

    final PricingResult result;

    private Priced(PricingResult result) {
        this.result = result;
    }

    static Priced price(CartBuilder cart, OfferBuilder... offers) {
        return price(cart.build(), List.of(offers).stream().map(OfferBuilder::build).toList());
    }

    static Priced price(PricingCart cart, List<Offer> offers) {
        return new Priced(ENGINE.price(cart, offers));
    }

    String discountTotal() {
        return result.discountTotal().amount().toPlainString();
    }

    String shippingDiscount() {
        return result.shippingDiscount().amount().toPlainString();
    }

    String total() {
        return result.total().amount().toPlainString();
    }

    String tax() {
        return result.tax().amount().toPlainString();
    }

    LineResult line(String id) {
        return result.lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    String lineDiscount(String id) {
        return line(id).discount().amount().toPlainString();
    }

    /** Line discounts in cart order, e.g. ["6.67", "6.67", "6.66"]. */
    List<String> lineDiscounts() {
        return result.lines().stream().map(l -> l.discount().amount().toPlainString()).toList();
    }

    /** "promotionId=amount" for each applied promotion in application order. */
    List<String> applied() {
        return result.applied().stream()
                .map(a -> a.promotionId() + "=" + a.amount().amount().toPlainString())
                .toList();
    }

    /** "promotionId:REASON" for each offer that did not apply. */
    List<String> notApplied() {
        return result.notApplied().stream().map(Priced::describe).toList();
    }

    List<String> hints() {
        return result.hints().stream().map(PricingResult.Hint::message).toList();
    }

    private static String describe(NotApplied n) {
        return n.offer().promotionId() + ":" + n.reason();
    }
}
