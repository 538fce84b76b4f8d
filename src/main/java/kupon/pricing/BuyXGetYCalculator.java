package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Buy x, get y. Each application first picks the got units in selection order (CHEAPEST: lowest remaining
 * amount first; MOST_EXPENSIVE: highest first), skipping a unit only when taking it would leave too few units to
 * buy, then buys the most expensive remaining buy-eligible units. So with CHEAPEST the shopper pays for the
 * expensive units and gets the cheap ones (the usual retail convention), and with MOST_EXPENSIVE the got unit
 * heads each group of the priciest units. Only complete applications count. Units bought or got by an earlier
 * buy-x-get-y offer are not eligible (API.md point 4, "Units").
 */
final class BuyXGetYCalculator implements RewardCalculator<Reward.BuyXGetY> {

    @Override
    public Proposal propose(PricingState state, Reward.BuyXGetY reward) {
        // Remaining amounts do not change while one offer is proposed, so both orders are sorted once and each
        // is walked front to back: a unit passed over for getting stays passed over, since buyable units only
        // become fewer.
        List<Unit> buyOrder = state.largestFirst(eligible(state, reward.buy()), null);
        List<Unit> getOrder = eligible(state, reward.get()).stream()
                .sorted(selectionOrder(state, reward.selection()))
                .toList();
        Set<Integer> buyEligible = new HashSet<>();
        buyOrder.forEach(unit -> buyEligible.add(unit.index()));
        Set<Integer> taken = new HashSet<>();
        long buyable = buyOrder.size();
        int nextGet = 0;
        int nextBuy = 0;
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        Set<Integer> consumed = new TreeSet<>();
        int applications = 0;
        while (reward.maxApplications() == null || applications < reward.maxApplications()) {
            List<Unit> got = new ArrayList<>();
            long buyableAfter = buyable;
            int cursor = nextGet;
            while (got.size() < reward.getQuantity() && cursor < getOrder.size()) {
                Unit candidate = getOrder.get(cursor++);
                long left = buyableAfter - (buyEligible.contains(candidate.index()) ? 1 : 0);
                if (!taken.contains(candidate.index()) && left >= reward.buyQuantity()) {
                    got.add(candidate);
                    buyableAfter = left;
                }
            }
            if (got.size() < reward.getQuantity()) {
                break;
            }
            nextGet = cursor;
            got.forEach(unit -> taken.add(unit.index()));
            List<Unit> bought = new ArrayList<>();
            while (bought.size() < reward.buyQuantity()) {
                Unit candidate = buyOrder.get(nextBuy++);
                if (taken.add(candidate.index())) {
                    bought.add(candidate);
                }
            }
            buyable = buyableAfter - reward.buyQuantity();
            for (Unit unit : got) {
                discounts.put(unit.index(), discountFor(state, reward, unit));
                consumed.add(unit.index());
            }
            bought.forEach(unit -> consumed.add(unit.index()));
            applications++;
        }
        return Proposal.perUnit(discounts, state).withConsumed(consumed);
    }

    private static Comparator<Unit> selectionOrder(PricingState state, Reward.Selection selection) {
        Comparator<Unit> byAmount = Comparator.comparing(state::remaining);
        if (selection == Reward.Selection.MOST_EXPENSIVE) {
            byAmount = byAmount.reversed();
        }
        return byAmount.thenComparing(Unit::index);
    }

    private static BigDecimal discountFor(PricingState state, Reward.BuyXGetY reward, Unit unit) {
        BigDecimal remaining = state.remaining(unit);
        if (reward.percentOff() != null) {
            return state.percentOf(remaining, reward.percentOff());
        }
        if (reward.amountOff() != null) {
            return state.round(reward.amountOff()).min(remaining);
        }
        return remaining;
    }

    /** Units of matching lines not yet bought or got by an earlier buy-x-get-y offer. */
    private static List<Unit> eligible(PricingState state, LineSelector selector) {
        return state.matching(selector).stream().filter(unit -> !state.consumed(unit)).toList();
    }
}
