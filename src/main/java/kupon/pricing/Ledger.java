package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kupon.pricing.PricingResult.Adjustment;
import kupon.pricing.PricingResult.Applied;
import kupon.pricing.PricingResult.Gift;
import kupon.pricing.PricingResult.Hint;
import kupon.pricing.PricingResult.LineResult;
import kupon.pricing.PricingResult.NotApplied;

/**
 * The record of one pricing run, kept by the engine alone: what each offer did, in application order, and
 * the final figures with tax. Lives for one {@link PricingEngine#price} call.
 */
final class Ledger {

    private final PricingState initial;
    private final Map<String, List<Adjustment>> adjustments = new HashMap<>();
    private final List<Applied> applied = new ArrayList<>();
    private final List<Gift> gifts = new ArrayList<>();
    private final List<Hint> hints = new ArrayList<>();
    private final List<NotApplied> notApplied = new ArrayList<>();

    Ledger(PricingState initial) {
        this.initial = initial;
    }

    void notApplied(Offer offer, PricingResult.Reason reason) {
        notApplied.add(new NotApplied(offer, reason));
    }

    void hint(Hint hint) {
        hints.add(hint);
    }

    void gift(Gift gift) {
        gifts.add(gift);
    }

    void applied(Offer offer, Proposal proposal) {
        // Shares come in pricing order and the units of a line are adjacent in it: sum them line by line.
        String lineId = null;
        BigDecimal lineAmount = null;
        for (Share share : proposal.shares()) {
            String shareLine = share.group().lineId();
            if (!shareLine.equals(lineId)) {
                adjust(lineId, lineAmount, offer);
                lineId = shareLine;
                lineAmount = share.total();
            } else {
                lineAmount = lineAmount.add(share.total());
            }
        }
        adjust(lineId, lineAmount, offer);
        applied.add(new Applied(offer.promotionId(), offer.name(), offer.code(), money(proposal.total()),
                offer.rewardClass()));
    }

    private void adjust(String lineId, BigDecimal amount, Offer offer) {
        if (lineId != null) {
            adjustments.computeIfAbsent(lineId, id -> new ArrayList<>()).add(new Adjustment(offer.promotionId(), offer.code(), money(amount)));
        }
    }

    PricingResult result(PricingState last) {
        PricingCart cart = initial.cart();
        Map<String, List<Group>> groupsByLine = new HashMap<>();
        for (List<Group> groups : initial.groupsByLine()) {
            groupsByLine.put(groups.get(0).lineId(), groups);
        }
        List<LineResult> lines = new ArrayList<>();
        BigDecimal subtotal = initial.zero();
        BigDecimal discountTotal = initial.zero();
        BigDecimal tax = initial.zero();
        for (PricingLine line : cart.lines()) {
            BigDecimal lineSubtotal = initial.sum(groupsByLine.get(line.id()));
            List<Adjustment> lineAdjustments = adjustments.getOrDefault(line.id(), List.of());
            BigDecimal discount = lineAdjustments.stream().map(a -> a.amount().amount())
                    .reduce(initial.zero(), BigDecimal::add);
            BigDecimal total = lineSubtotal.subtract(discount);
            BigDecimal lineTax = tax(total, line.taxRate(), cart.pricesIncludeTax());
            lines.add(new LineResult(line.id(), money(lineSubtotal), money(discount), money(total), money(lineTax),
                    lineAdjustments));
            subtotal = subtotal.add(lineSubtotal);
            discountTotal = discountTotal.add(discount);
            tax = tax.add(lineTax);
        }
        BigDecimal shipping = initial.shippingRemaining();
        BigDecimal shippingDiscount = shipping.subtract(last.shippingRemaining());
        BigDecimal shippingRate = cart.shipping() == null ? null : cart.shipping().taxRate();
        tax = tax.add(tax(last.shippingRemaining(), shippingRate, cart.pricesIncludeTax()));
        BigDecimal total = subtotal.subtract(discountTotal).add(shipping).subtract(shippingDiscount);
        if (!cart.pricesIncludeTax()) {
            total = total.add(tax);
        }
        return new PricingResult(cart.currency(), money(subtotal), money(discountTotal), money(shipping),
                money(shippingDiscount), money(tax), money(total), lines, applied, gifts, hints, notApplied);
    }

    /**
     * docs/api.md point 7. Gross prices contain the tax, so it is extracted as gross × rate / (1 + rate), which equals
     * gross − gross / (1 + rate) but is rounded once instead of twice.
     */
    private BigDecimal tax(BigDecimal amount, BigDecimal rate, boolean included) {
        if (rate == null || rate.signum() == 0) {
            return initial.zero();
        }
        if (!included) {
            return initial.round(amount.multiply(rate));
        }
        return initial.rounding().divide(amount.multiply(rate), BigDecimal.ONE.add(rate), initial.scale());
    }

    private Money money(BigDecimal amount) {
        return Money.of(Rounding.exact(amount, initial.scale()), initial.cart().currency());
    }
}
