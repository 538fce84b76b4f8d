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
 * buy-x-get-y offer are not eligible (docs/api.md point 4, "Units").
 */
final class RefBuyXGetYCalculator implements RefRewardCalculator<Reward.BuyXGetY> {

    @Override
    public RefProposal propose(RefPricingState state, Reward.BuyXGetY reward) {
        // Remaining amounts do not change while one offer is proposed, so both orders are sorted once and each
        // is walked front to back: a unit passed over for getting stays passed over, since buyable units only
        // become fewer.
        List<RefUnit> buyOrder = state.largestFirst(eligible(state, reward.buy()), null);
        List<RefUnit> getOrder = eligible(state, reward.get()).stream()
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
            List<RefUnit> got = new ArrayList<>();
            long buyableAfter = buyable;
            int cursor = nextGet;
            while (got.size() < reward.getQuantity() && cursor < getOrder.size()) {
                RefUnit candidate = getOrder.get(cursor++);
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
            List<RefUnit> bought = new ArrayList<>();
            while (bought.size() < reward.buyQuantity()) {
                RefUnit candidate = buyOrder.get(nextBuy++);
                if (taken.add(candidate.index())) {
                    bought.add(candidate);
                }
            }
            buyable = buyableAfter - reward.buyQuantity();
            for (RefUnit unit : got) {
                discounts.put(unit.index(), discountFor(state, reward, unit));
                consumed.add(unit.index());
            }
            bought.forEach(unit -> consumed.add(unit.index()));
            applications++;
        }
        return RefProposal.perUnit(discounts, state).withConsumed(consumed);
    }

    private static Comparator<RefUnit> selectionOrder(RefPricingState state, Reward.Selection selection) {
        Comparator<RefUnit> byAmount = Comparator.comparing(state::remaining);
        if (selection == Reward.Selection.MOST_EXPENSIVE) {
            byAmount = byAmount.reversed();
        }
        return byAmount.thenComparing(RefUnit::index);
    }

    private static BigDecimal discountFor(RefPricingState state, Reward.BuyXGetY reward, RefUnit unit) {
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
    private static List<RefUnit> eligible(RefPricingState state, LineSelector selector) {
        return state.matching(selector).stream().filter(unit -> !state.consumed(unit)).toList();
    }
}
