package kupon.evaluation;

import kupon.customers.CustomerHistory;
import kupon.pricing.Offer;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.promotions.HoldoutGroup;
import kupon.promotions.Promotion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pricing with control groups: a shopper held out of a promotion gets the cart priced without it. Whether the shopper
 * "would have got it" is the pricing with it, so a held-out shopper costs a second pricing, and only then.
 */
final class Experiments {

    /** The cart as priced for this shopper, the promotions held back, and the experiments the shopper was exposed to. */
    record Priced(PricingResult pricing, List<String> holdouts, List<Evaluation.Exposure> exposures) {
    }

    private Experiments() {
    }

    static Priced price(PricingEngine engine, CheckoutFacts facts, List<Offer> offers, Map<String, CatalogOffers.Candidate> candidates) {
        String customerKey = CustomerHistory.customerKey(facts.customer().getId(), facts.customer().getEmail());
        Set<String> withHoldout = new LinkedHashSet<>();
        Set<String> heldOut = new LinkedHashSet<>();
        if (customerKey != null) {
            for (CatalogOffers.Candidate candidate : candidates.values()) {
                Promotion promotion = candidate.promotion();
                if (promotion.holdout() == null || candidate.code() != null) continue;
                withHoldout.add(promotion.id());
                if (HoldoutGroup.heldOut(promotion.id(), customerKey, promotion.holdout())) heldOut.add(promotion.id());
            }
        }
        PricingResult full = engine.price(facts.pricingCart(), offers);
        if (withHoldout.isEmpty()) return new Priced(full, List.of(), List.of());
        List<Evaluation.Exposure> exposures = new ArrayList<>();
        List<String> holdouts = new ArrayList<>();
        for (String promotionId : withHoldout) {
            if (full.applied().stream().noneMatch(a -> a.promotionId().equals(promotionId))) continue;
            boolean control = heldOut.contains(promotionId);
            exposures.add(new Evaluation.Exposure(promotionId, customerKey, control));
            if (control) holdouts.add(promotionId);
        }
        if (holdouts.isEmpty()) return new Priced(full, List.of(), exposures);
        List<Offer> treated = offers.stream().filter(o -> !holdouts.contains(o.promotionId())).toList();
        return new Priced(engine.price(facts.pricingCart(), treated), holdouts, exposures);
    }
}
