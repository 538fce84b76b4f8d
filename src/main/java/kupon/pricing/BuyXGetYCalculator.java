package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Buy x, get y. Each application first picks the got units in selection order (CHEAPEST: lowest remaining
 * amount first; MOST_EXPENSIVE: highest first), skipping a unit only when taking it would leave too few units to
 * buy, then buys the most expensive remaining buy-eligible units. So with CHEAPEST the shopper pays for the
 * expensive units and gets the cheap ones (the usual retail convention), and with MOST_EXPENSIVE the got unit
 * heads each group of the priciest units. Only complete applications count. Units bought or got by an earlier
 * buy-x-get-y offer are not eligible (docs/api.md point 4, "Units"), nor are units combinesWith hides from this
 * offer: they are neither bought nor got (point 2).
 *
 * <p>Applications are walked unit by unit only where that matters: while the units got and the units bought come
 * from two different groups of alike units, untouched so far, many applications are taken in one step.
 */
final class BuyXGetYCalculator implements RewardCalculator<Reward.BuyXGetY> {

    @Override
    public Proposal propose(PricingState state, Reward.BuyXGetY reward) {
        // Remaining amounts do not change while one offer is proposed, so both orders are sorted once and each
        // is walked front to back: a unit passed over for getting stays passed over, since buyable units only
        // become fewer.
        List<Group> buyOrder = PricingState.largestFirst(eligible(state, reward.buy()), null);
        // Only units in stock may be given: a line's units past its available quantity can be bought, not got.
        List<Group> getOrder = new ArrayList<>(state.givable(eligible(state, reward.get())));
        getOrder.sort(selectionOrder(reward.selection()));
        Set<Integer> buyEligible = new HashSet<>();
        buyOrder.forEach(group -> buyEligible.add(group.first()));
        Walk walk = new Walk(state, reward, buyEligible, new GroupCursor(getOrder), new GroupCursor(buyOrder),
                PricingState.quantity(buyOrder));
        while (reward.maxApplications() == null || walk.applications < reward.maxApplications()) {
            int left = reward.maxApplications() == null ? Integer.MAX_VALUE
                    : reward.maxApplications() - walk.applications;
            if (!walk.manyAtOnce(left) && !walk.one()) {
                break;
            }
        }
        return Proposal.perUnit(walk.shares, state).withConsumed(walk.consumed);
    }

    private static Comparator<Group> selectionOrder(Reward.Selection selection) {
        Comparator<Group> byAmount = Comparator.comparing(Group::remaining);
        if (selection == Reward.Selection.MOST_EXPENSIVE) {
            byAmount = byAmount.reversed();
        }
        return byAmount.thenComparingInt(Group::first);
    }

    /** Groups of matching lines, not hidden from this offer, whose units no earlier buy-x-get-y offer bought or got. */
    private static List<Group> eligible(PricingState state, LineSelector selector) {
        return state.matching(selector).stream().filter(group -> !group.consumed()).toList();
    }

    /** The applications of one offer so far. */
    private static final class Walk {
        private final PricingState state;
        private final Reward.BuyXGetY reward;
        private final Set<Integer> buyEligible;
        private final GroupCursor get;
        private final GroupCursor buy;
        private final TakenUnits taken = new TakenUnits();
        private final List<Share> shares = new ArrayList<>();
        private final List<Group> consumed = new ArrayList<>();
        /** Buy-eligible units not taken yet. */
        private long buyable;
        private int applications;

        Walk(PricingState state, Reward.BuyXGetY reward, Set<Integer> buyEligible, GroupCursor get, GroupCursor buy,
             long buyable) {
            this.state = state;
            this.reward = reward;
            this.buyEligible = buyEligible;
            this.get = get;
            this.buy = buy;
            this.buyable = buyable;
        }

        /**
         * Takes as many whole applications as possible while the next got units all come from one group and the
         * next bought units from another, none of them taken, with enough buyable units left after each.
         */
        boolean manyAtOnce(int allowed) {
            skipTaken(get);
            skipTaken(buy);
            if (get.done() || buy.done() || get.group() == buy.group()) {
                return false;
            }
            int g = reward.getQuantity();
            int b = reward.buyQuantity();
            Group from = get.group();
            int eligible = buyEligible.contains(from.first()) ? 1 : 0;
            long k = Math.min(allowed, buyable / ((long) eligible * g + b));
            k = Math.min(k, (taken.nextTaken(get.unit(), from.end()) - get.unit()) / g);
            k = Math.min(k, (taken.nextTaken(buy.unit(), buy.group().end()) - buy.unit()) / b);
            if (k < 1) {
                return false;
            }
            int gotUnits = (int) k * g;
            int boughtUnits = (int) k * b;
            got(from, get.unit(), get.unit() + gotUnits);
            get.moveTo(get.unit() + gotUnits);
            bought(buy.group(), buy.unit(), buy.unit() + boughtUnits);
            buy.moveTo(buy.unit() + boughtUnits);
            buyable -= k * ((long) eligible * g + b);
            applications += (int) k;
            return true;
        }

        /** One application exactly as the rule reads; false when it cannot be completed. */
        boolean one() {
            int g = reward.getQuantity();
            int b = reward.buyQuantity();
            GroupCursor cursor = get.copy();
            List<Group> gotGroups = new ArrayList<>();
            List<int[]> gotRanges = new ArrayList<>();
            int gotCount = 0;
            long buyableAfter = buyable;
            while (gotCount < g && !cursor.done()) {
                Group group = cursor.group();
                int unit = cursor.unit();
                if (taken.takenUntil(unit) > unit) {
                    cursor.moveTo(Math.min(taken.takenUntil(unit), group.end()));
                    continue;
                }
                int eligible = buyEligible.contains(group.first()) ? 1 : 0;
                if (buyableAfter - eligible < b) {
                    if (eligible == 0) {
                        return false; // no later candidate can leave enough to buy either
                    }
                    cursor.moveTo(group.end()); // its other units would leave too few as well
                    continue;
                }
                long n = Math.min(g - gotCount, taken.nextTaken(unit, group.end()) - unit);
                if (eligible == 1) {
                    n = Math.min(n, buyableAfter - b);
                }
                gotGroups.add(group);
                gotRanges.add(new int[] {unit, unit + (int) n});
                gotCount += (int) n;
                buyableAfter -= eligible * n;
                cursor.moveTo(unit + (int) n);
            }
            if (gotCount < g) {
                return false;
            }
            get.moveTo(cursor);
            for (int i = 0; i < gotGroups.size(); i++) {
                got(gotGroups.get(i), gotRanges.get(i)[0], gotRanges.get(i)[1]);
            }
            int boughtCount = 0;
            while (boughtCount < b) {
                skipTaken(buy);
                int unit = buy.unit();
                int n = Math.min(b - boughtCount, taken.nextTaken(unit, buy.group().end()) - unit);
                bought(buy.group(), unit, unit + n);
                buy.moveTo(unit + n);
                boughtCount += n;
            }
            buyable = buyableAfter - b;
            applications++;
            return true;
        }

        private void skipTaken(GroupCursor cursor) {
            while (!cursor.done() && taken.takenUntil(cursor.unit()) > cursor.unit()) {
                cursor.moveTo(Math.min(taken.takenUntil(cursor.unit()), cursor.group().end()));
            }
        }

        private void got(Group group, int from, int to) {
            Group units = group.slice(from, to);
            shares.add(new Share(units, discountFor(units.remaining())));
            consumed.add(units);
            taken.add(from, to);
        }

        private void bought(Group group, int from, int to) {
            consumed.add(group.slice(from, to));
            taken.add(from, to);
        }

        private BigDecimal discountFor(BigDecimal remaining) {
            if (reward.percentOff() != null) {
                return state.percentOf(remaining, reward.percentOff());
            }
            if (reward.amountOff() != null) {
                return state.round(reward.amountOff()).min(remaining);
            }
            return remaining;
        }
    }
}
