package kupon.evaluation;

import kupon.codes.RejectedCode;
import kupon.customers.CustomerHistory;
import kupon.limits.LimitStanding;
import kupon.limits.Limits;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLimit;
import kupon.pricing.Offer;
import kupon.rules.RuleProblem;
import kupon.rules.api.Actions;
import kupon.rules.api.PromotionOffer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offers rule files made for one cart, within the usage limits the rules stated, counted as a JSON
 * promotion's are: an offer whose limit is reached does not apply (a code that brought it is rejected with the
 * reason), and one with a budget is capped by what remains of it.
 */
final class RuleOffers {


    /** A rule offer and the limits an order using it must respect (none for most). */
    record Candidate(Offer offer, List<UsageLimit> limits) {
    }

    /** Offers to price, the limited candidates behind them by promotion id, and codes rejected because a limit was reached. */
    record Result(List<Offer> offers, Map<String, Candidate> limited, List<RejectedCode> rejected) {
    }

    private RuleOffers() {
    }

    /** The offers the rules stated, each with its limits for this shopper; offers that cannot be built are skipped. */
    static List<Candidate> of(Actions actions, CheckoutFacts facts, Instant now, List<RuleProblem> problems) {
        String customerKey = CustomerHistory.customerKey(facts.customer().getId(), facts.customer().getEmail());
        String ip = facts.context().getIp();
        List<Candidate> candidates = new ArrayList<>();
        for (PromotionOffer stated : actions.offers()) {
            try {
                Offer offer = stated.toOffer();
                if (offer != null) {
                    candidates.add(new Candidate(offer, Limits.of(stated.getPromotionId(), stated.getLimits(),
                            stated.getTimeZone(), null, new Limits.Who(customerKey, ip, facts.deviceId(), facts.addressHash()), now)));
                }
            } catch (RuntimeException e) {
                problems.add(new RuleProblem(null, stated.getPromotionId(), "Promotion '" + stated.getPromotionId()
                        + "' from the rule files is skipped: " + e.getMessage()));
            }
        }
        return candidates;
    }

    /** The counters the candidates' limits need read; empty when no rule stated a limit. */
    static Set<UsageKey> keys(List<Candidate> candidates) {
        Set<UsageKey> keys = new HashSet<>();
        candidates.forEach(c -> c.limits().forEach(l -> keys.add(l.key())));
        return keys;
    }

    /** The candidates that may apply given the counters {@code used}, capped by their remaining budget. */
    static Result within(List<Candidate> candidates, Map<UsageKey, Usage> used) {
        List<Offer> offers = new ArrayList<>();
        Map<String, Candidate> limited = new LinkedHashMap<>();
        List<RejectedCode> rejected = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.limits().isEmpty()) {
                offers.add(candidate.offer());
                continue;
            }
            LimitStanding standing = LimitStanding.of(candidate.limits(), used);
            if (standing instanceof LimitStanding.Reached reached) {
                if (candidate.offer().code() != null) rejected.add(reached.rejection(candidate.offer().code()));
                continue;
            }
            offers.add(candidate.offer().withRemainingBudget(((LimitStanding.Open) standing).remainingBudget()));
            limited.put(candidate.offer().promotionId(), candidate);
        }
        return new Result(offers, limited, rejected);
    }
}
