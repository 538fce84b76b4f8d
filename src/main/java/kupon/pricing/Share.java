package kupon.pricing;

import java.math.BigDecimal;
import java.util.List;

/** What a proposal takes off each unit of a group. */
record Share(Group group, BigDecimal each) {

    BigDecimal total() {
        return each.multiply(BigDecimal.valueOf(group.count()));
    }

    /**
     * Adds what an allocation gave the group: one minor unit more to its first {@code part.extra()} units. The
     * group is cut in two only when the extra minor units stop inside it; nothing is added for a zero part.
     */
    static void addSplit(List<Share> out, Group group, Allocator.Part part, BigDecimal minorUnit) {
        int extra = part.extra();
        if (extra > 0) {
            out.add(new Share(extra == group.count() ? group : group.head(extra), part.each().add(minorUnit)));
        }
        if (extra < group.count() && part.each().signum() > 0) {
            out.add(new Share(extra == 0 ? group : group.tail(extra), part.each()));
        }
    }
}
