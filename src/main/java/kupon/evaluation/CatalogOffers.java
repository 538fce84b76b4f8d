package kupon.evaluation;

import kupon.codes.CodeCheck;
import kupon.codes.PromoCode;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.pricing.Offer;
import kupon.promotions.Eligibility;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionCatalog;
import kupon.promotions.PromotionOffers;
import kupon.promotions.Shopper;
import kupon.rules.model.EnteredCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offers of the JSON promotions for one cart: automatic promotions filed under the cart's items
 * and eligible now, and code promotions whose entered code passes its own checks. Codes that fail are
 * rejected here with their reason; codes not stored at all are left for the rule files to claim.
 */
final class CatalogOffers {

    /** Offers to price, codes already rejected, and entered codes no stored code matches. */
    record Result(List<Offer> offers, List<RejectedCode> rejected, List<String> notStored) {
    }

    private CatalogOffers() {
    }

    static Result collect(PromotionCatalog catalog, CheckoutFacts facts, Map<String, PromoCode> stored, Instant now) {
        Shopper shopper = new Shopper(facts.customer().getSegments(), facts.customer().getOrderCount(),
                facts.context().getChannel(), facts.context().getCountry());
        List<Offer> offers = new ArrayList<>();
        List<RejectedCode> rejected = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        Set<String> offered = new HashSet<>();

        for (EnteredCode entered : facts.codes()) {
            PromoCode code = stored.get(entered.getCode());
            if (code == null) {
                notStored.add(entered.getCode());
                continue;
            }
            var problem = CodeCheck.check(code, facts.customer().getId(), facts.customer().getEmail(), now);
            if (problem.isPresent()) {
                rejected.add(problem.get());
                continue;
            }
            Promotion promotion = catalog.get(code.promotionId()).orElse(null);
            if (promotion == null) {
                rejected.add(new RejectedCode(code.code(), RejectionReason.INACTIVE, "The code " + code.code() + " is no longer valid."));
                continue;
            }
            Eligibility eligibility = Eligibility.of(promotion, shopper, now);
            if (eligibility != Eligibility.ELIGIBLE) {
                rejected.add(rejection(code.code(), eligibility, promotion));
            } else if (!offered.add(promotion.id())) {
                rejected.add(new RejectedCode(code.code(), RejectionReason.NOT_COMBINABLE,
                        "Another code for the same promotion is already on this order."));
            } else {
                offers.add(PromotionOffers.toOffer(promotion, code.code(), null));
            }
        }

        for (Promotion promotion : catalog.automaticCandidates(facts.lineKeys())) {
            if (!offered.contains(promotion.id()) && Eligibility.of(promotion, shopper, now) == Eligibility.ELIGIBLE) {
                offers.add(PromotionOffers.toOffer(promotion, null, null));
            }
        }
        return new Result(offers, rejected, notStored);
    }

    private static RejectedCode rejection(String code, Eligibility eligibility, Promotion promotion) {
        return switch (eligibility) {
            case NOT_STARTED -> new RejectedCode(code, RejectionReason.NOT_YET_ACTIVE,
                    "The code " + code + " can be used from " + promotion.schedule().startsAt().toLocalDate() + ".");
            case ENDED -> new RejectedCode(code, RejectionReason.EXPIRED,
                    "This code expired on " + promotion.schedule().endsAt().toLocalDate() + ".");
            case OUTSIDE_HOURS -> new RejectedCode(code, RejectionReason.NOT_YET_ACTIVE,
                    "The code " + code + " only works at certain times; try again then.");
            default -> new RejectedCode(code, RejectionReason.NOT_ELIGIBLE_CUSTOMER,
                    "The code " + code + " is not available for this customer or order.");
        };
    }
}
