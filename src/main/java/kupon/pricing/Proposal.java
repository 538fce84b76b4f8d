package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a calculator would take off before floors and caps: shares of groups of units, a shipping discount, the
 * units a floor-blocked amount may be re-split over ({@code resplitPool}; empty for per-unit rewards), the units a
 * buy-x-get-y consumed, and, for tiered rewards, how far the next tier is. Shares, pool and consumed units are
 * kept in pricing order, without zero shares.
 */
record Proposal(List<Share> shares, BigDecimal shippingDiscount, List<Group> resplitPool, List<Group> consumed,
                Shortfall shortfall) {

    private static final Comparator<Group> PRICING_ORDER = Comparator.comparingInt(Group::first);

    /** How much of the tier basis is missing to reach {@code tier}. */
    record Shortfall(PricingResult.HintKind kind, BigDecimal missing, Reward.Tier tier) {
    }

    Proposal {
        shares = inPricingOrder(shares);
        resplitPool = sorted(resplitPool);
        consumed = sorted(consumed);
    }

    static Proposal none(PricingState state) {
        return new Proposal(List.of(), state.zero(), List.of(), List.of(), null);
    }

    /** Amounts fixed per unit: what a floor blocks is not moved elsewhere. */
    static Proposal perUnit(List<Share> shares, PricingState state) {
        return new Proposal(shares, state.zero(), List.of(), List.of(), null);
    }

    /** An amount spread over {@code pool}: what a floor blocks may move to other units of the pool. */
    static Proposal spread(List<Share> shares, List<Group> pool, PricingState state) {
        return new Proposal(shares, state.zero(), pool, List.of(), null);
    }

    static Proposal shipping(BigDecimal discount) {
        return new Proposal(List.of(), discount, List.of(), List.of(), null);
    }

    Proposal withShares(List<Share> next, BigDecimal shipping) {
        return new Proposal(next, shipping, resplitPool, consumed, shortfall);
    }

    Proposal withConsumed(List<Group> units) {
        return new Proposal(shares, shippingDiscount, resplitPool, units, shortfall);
    }

    Proposal withShortfall(Shortfall next) {
        return new Proposal(shares, shippingDiscount, resplitPool, consumed, next);
    }

    BigDecimal itemsTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (Share share : shares) {
            total = total.add(share.total());
        }
        return Rounding.exact(total, shippingDiscount.scale());
    }

    BigDecimal total() {
        return itemsTotal().add(shippingDiscount);
    }

    /** Groups in pricing order; calculators usually hand them over that way already, so that is checked first. */
    private static List<Group> sorted(List<Group> groups) {
        for (int i = 1; i < groups.size(); i++) {
            if (groups.get(i - 1).first() >= groups.get(i).first()) {
                List<Group> copy = new ArrayList<>(groups);
                copy.sort(PRICING_ORDER);
                return List.copyOf(copy);
            }
        }
        return List.copyOf(groups);
    }

    /** Shares in pricing order without zeros, neighbours that take the same off alike units joined. */
    private static List<Share> inPricingOrder(List<Share> shares) {
        List<Share> ordered = new ArrayList<>(shares.size());
        for (Share share : shares) {
            if (share.each().signum() != 0) {
                ordered.add(share);
            }
        }
        ordered.sort(Comparator.comparingInt(s -> s.group().first()));
        List<Share> joined = new ArrayList<>(ordered.size());
        for (Share share : ordered) {
            int last = joined.size() - 1;
            if (last >= 0 && joined.get(last).group().joins(share.group())
                    && joined.get(last).each().compareTo(share.each()) == 0) {
                joined.set(last, new Share(joined.get(last).group().joined(share.group()), share.each()));
            } else {
                joined.add(share);
            }
        }
        return List.copyOf(joined);
    }
}
