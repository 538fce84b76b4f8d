package kupon.evaluation;

import kupon.codes.CodeCheck;
import kupon.codes.PromoCode;
import kupon.codes.RejectedCode;
import kupon.codes.RejectionReason;
import kupon.codes.Rejections;
import kupon.customers.CustomerHistory;
import kupon.limits.LimitStanding;
import kupon.limits.Limits;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLimit;
import kupon.pricing.Offer;
import kupon.promotions.Eligibility;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionCatalog;
import kupon.promotions.PromotionOffers;
import kupon.promotions.Shopper;
import kupon.rules.model.EnteredCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The offers of the JSON promotions for one cart: automatic promotions filed under the cart's items
 * and eligible now, and code promotions whose entered code passes its own checks; both within their
 * usage limits as they stand. Codes that fail are rejected here with their reason; codes not stored
 * at all are left for the rule files to claim.
 */
final class CatalogOffers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CatalogOffers.class);

    /** A promotion that may apply, the code that brought it (or null) and the limits an order using it must respect. */
    record Candidate(Promotion promotion, PromoCode code, List<UsageLimit> limits) {
    }

    /**
     * Offers to price (with the candidate behind each), codes already rejected, entered codes no stored code matches,
     * and the usage counters as read (for the candidates and whatever else the reader was asked for).
     */
    record Result(List<Offer> offers, Map<String, Candidate> candidates, List<RejectedCode> rejected, List<String> notStored,
                  Map<UsageKey, Usage> counters, List<Explanation> excluded) {
    }

    private CatalogOffers() {
    }

    static Result collect(PromotionCatalog catalog, CheckoutFacts facts, Map<String, PromoCode> stored,
                          Function<Collection<UsageKey>, Map<UsageKey, Usage>> usage, Instant now) {
        Shopper shopper = new Shopper(facts.customer().getSegments(), facts.customer()::getOrderCount,
                facts.context().getChannel(), facts.context().getCountry(), facts.customer()::getLifetimeSpend,
                facts.customer()::isBirthdayWithinDays);
        String customerKey = CustomerHistory.customerKey(facts.customer().getId(), facts.customer().getEmail());
        String ip = facts.context().getIp();
        Limits.Who who = new Limits.Who(customerKey, ip, facts.deviceId(), facts.addressHash());
        List<RejectedCode> rejected = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        List<Explanation> excluded = new ArrayList<>();

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
                rejected.add(Rejections.inactive(code.code()));
                continue;
            }
            Eligibility eligibility = Eligibility.of(promotion, shopper, now);
            if (eligibility != Eligibility.ELIGIBLE) {
                RejectedCode rejection = rejection(code.code(), eligibility, promotion);
                rejected.add(rejection);
                excluded.add(Explanation.excluded(promotion.id(), rejection.reason(), rejection.message()));
            } else if (candidates.containsKey(promotion.id())) {
                rejected.add(Rejections.sameCodePromotionTwice(code.code()));
            } else {
                candidates.put(promotion.id(), new Candidate(promotion, code, Limits.of(promotion, code, who, now)));
            }
        }
        for (Promotion promotion : catalog.automaticCandidates(facts.lineKeys())) {
            if (candidates.containsKey(promotion.id())) continue;
            Eligibility eligibility = Eligibility.of(promotion, shopper, now);
            if (eligibility == Eligibility.ELIGIBLE) {
                candidates.put(promotion.id(), new Candidate(promotion, null, Limits.of(promotion, null, who, now)));
            } else {
                excluded.add(PromotionExclusion.of(promotion, eligibility));
            }
        }

        Set<UsageKey> keys = new HashSet<>();
        candidates.values().forEach(c -> c.limits().forEach(l -> keys.add(l.key())));
        Map<UsageKey, Usage> used = usage.apply(keys);
        List<Offer> offers = new ArrayList<>();
        for (Candidate candidate : List.copyOf(candidates.values())) {
            String codeText = candidate.code() == null ? null : candidate.code().code();
            LimitStanding standing = LimitStanding.of(candidate.limits(), used);
            if (standing instanceof LimitStanding.Reached reached) {
                candidates.remove(candidate.promotion().id());
                if (codeText != null) rejected.add(reached.rejection(codeText));
                excluded.add(Explanation.excluded(candidate.promotion().id(), reached.reason(), PromotionExclusion.limitReached(reached.reason())));
                continue;
            }
            try {
                offers.add(PromotionOffers.toOffer(candidate.promotion(), codeText, ((LimitStanding.Open) standing).remainingBudget()));
            } catch (RuntimeException e) {
                // A stored promotion the pricing core cannot take is skipped; checkout must not fail because of one.
                candidates.remove(candidate.promotion().id());
                LOG.errorf("Promotion %s is skipped: %s", candidate.promotion().id(), e.getMessage());
                excluded.add(Explanation.excluded(candidate.promotion().id(), RejectionReason.INACTIVE,
                        "The promotion cannot be priced and is skipped; the log says why."));
            }
        }
        return new Result(offers, candidates, rejected, notStored, used, excluded);
    }

    private static RejectedCode rejection(String code, Eligibility eligibility, Promotion promotion) {
        return switch (eligibility) {
            case NOT_STARTED -> Rejections.promotionNotStarted(code, promotion.schedule().startsAt().toLocalDate());
            case ENDED -> Rejections.promotionEnded(code, promotion.schedule().endsAt().toLocalDate());
            case OUTSIDE_HOURS -> Rejections.outsideHours(code);
            default -> Rejections.notForThisShopper(code);
        };
    }
}
