package kupon.pricing;

import java.util.List;

/** A position in a list of groups, unit by unit: the group it is in and the unit index within that group. */
final class GroupCursor {

    private final List<Group> order;
    private int group;
    private int unit;

    GroupCursor(List<Group> order) {
        this(order, 0, order.isEmpty() ? 0 : order.get(0).first());
    }

    private GroupCursor(List<Group> order, int group, int unit) {
        this.order = order;
        this.group = group;
        this.unit = unit;
    }

    GroupCursor copy() {
        return new GroupCursor(order, group, unit);
    }

    boolean done() {
        return group >= order.size();
    }

    Group group() {
        return order.get(group);
    }

    /** The index of the unit the cursor is at. */
    int unit() {
        return unit;
    }

    /** Moves to unit index {@code next} of the current group, or on to the next group at its end. */
    void moveTo(int next) {
        unit = next;
        if (unit >= order.get(group).end()) {
            group++;
            unit = group < order.size() ? order.get(group).first() : 0;
        }
    }

    void moveTo(GroupCursor other) {
        group = other.group;
        unit = other.unit;
    }
}
