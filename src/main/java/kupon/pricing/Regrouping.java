package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves groups to the next snapshot: cuts each where a share or a consumed range begins or ends, takes the shares
 * off and marks the discounted units with the offer's {@link StackingMarks} bit, marks the consumed units, and joins
 * neighbours that end up alike again, so groups stay as few as the distinct unit states. Walks the lines in pricing
 * order, once.
 */
final class Regrouping {

    private final List<Share> shares;
    private final List<Group> consumed;
    private final int mark;
    private int nextShare;
    private int nextConsumed;

    /** {@code mark}: the bit of the offer the shares come from. */
    Regrouping(List<Share> shares, List<Group> consumed, int mark) {
        this.shares = shares;
        this.consumed = consumed;
        this.mark = mark;
    }

    List<Group> line(List<Group> groups) {
        List<Group> next = new ArrayList<>(groups.size());
        for (Group group : groups) {
            int at = group.first();
            while (at < group.end()) {
                while (nextShare < shares.size() && shares.get(nextShare).group().end() <= at) {
                    nextShare++;
                }
                while (nextConsumed < consumed.size() && consumed.get(nextConsumed).end() <= at) {
                    nextConsumed++;
                }
                Share share = nextShare < shares.size() ? shares.get(nextShare) : null;
                Group taken = nextConsumed < consumed.size() ? consumed.get(nextConsumed) : null;
                boolean discounted = share != null && share.group().first() <= at;
                boolean consuming = taken != null && taken.first() <= at;
                int to = group.end();
                if (share != null) {
                    to = Math.min(to, discounted ? share.group().end() : share.group().first());
                }
                if (taken != null) {
                    to = Math.min(to, consuming ? taken.end() : taken.first());
                }
                BigDecimal remaining = discounted ? group.remaining().subtract(share.each()) : group.remaining();
                int discountedBy = discounted ? group.discountedBy() | mark : group.discountedBy();
                add(next, new Group(group.line(), at, to - at, remaining, group.consumed() || consuming, group.floor(),
                        discountedBy));
                at = to;
            }
        }
        return List.copyOf(next);
    }

    private static void add(List<Group> groups, Group group) {
        int last = groups.size() - 1;
        if (last >= 0 && groups.get(last).joins(group)) {
            groups.set(last, groups.get(last).joined(group));
        } else {
            groups.add(group);
        }
    }
}
