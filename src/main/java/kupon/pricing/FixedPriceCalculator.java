package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fixed price: each selected unit down to the price, or each bundle of n units down to the price together.
 * Bundles are filled with the most expensive remaining units first, which gives the shopper the largest
 * discount and leaves the cheapest units out of incomplete bundles; ties go in pricing order.
 */
final class FixedPriceCalculator implements RewardCalculator<Reward.FixedPrice> {

    @Override
    public Proposal propose(PricingState state, Reward.FixedPrice reward) {
        BigDecimal price = state.round(reward.price());
        List<Group> groups = state.targeted(reward.items());
        List<Share> shares = new ArrayList<>();
        if (reward.bundleQuantity() == null) {
            for (Group group : groups) {
                shares.add(new Share(group, group.remaining().subtract(price).max(state.zero())));
            }
            return Proposal.perUnit(shares, state);
        }
        int size = reward.bundleQuantity();
        List<Group> bundle = new ArrayList<>();
        int inBundle = 0;
        for (Group group : PricingState.largestFirst(groups, null)) {
            Group rest = group;
            if (inBundle == 0 && rest.count() >= size) {
                int whole = rest.count() / size * size;
                alikeBundles(state, rest.head(whole), size, price, shares);
                if (whole == rest.count()) {
                    continue;
                }
                rest = rest.tail(whole);
            }
            while (rest != null) {
                int taken = Math.min(size - inBundle, rest.count());
                bundle.add(rest.head(taken));
                inBundle += taken;
                rest = taken == rest.count() ? null : rest.tail(taken);
                if (inBundle == size) {
                    bundle.sort(Comparator.comparingInt(Group::first));
                    BigDecimal over = state.sum(bundle).subtract(price);
                    if (over.signum() > 0) {
                        shares.addAll(Allocator.overUnits(over, bundle, state));
                    }
                    bundle.clear();
                    inBundle = 0;
                }
            }
        }
        return Proposal.perUnit(shares, state);
    }

    /**
     * Bundles of {@code size} units, one after the other, from a group of alike units: each is discounted the same,
     * and when that does not divide evenly the first units of every bundle take the minor units left over.
     */
    private static void alikeBundles(PricingState state, Group units, int size, BigDecimal price, List<Share> shares) {
        BigDecimal over = units.remaining().multiply(BigDecimal.valueOf(size)).subtract(price);
        if (over.signum() <= 0) {
            return;
        }
        Allocator.Part part = Allocator.split(over, List.of(units.remaining()), new int[] {size}, state.scale()).get(0);
        if (part.extra() == 0) {
            shares.add(new Share(units, part.each()));
            return;
        }
        for (int start = units.first(); start < units.end(); start += size) {
            Share.addSplit(shares, units.slice(start, start + size), part, state.minorUnit());
        }
    }
}
