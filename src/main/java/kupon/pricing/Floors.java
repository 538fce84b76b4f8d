package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/api.md point 5: no unit below its floor. What a floor blocks is split again over the other units of the
 * proposal's pool, by what they have left, until it is placed or no unit has room; the rest is not given.
 * Every round either places everything or fills at least one group of units, so the loop ends.
 */
final class Floors {

    /** Units of one group that the proposal treats alike while floors are enforced. */
    private static final class Cell {
        final Group group;
        final boolean inPool;
        BigDecimal discount;
        boolean open;

        Cell(Group group, BigDecimal discount, boolean inPool) {
            this.group = group;
            this.discount = discount;
            this.inPool = inPool;
        }
    }

    private Floors() {
    }

    static Proposal floored(PricingState state, Proposal proposal) {
        if (withinFloors(state, proposal)) {
            // Nothing to move: the usual case, worth skipping the re-split bookkeeping for.
            return proposal;
        }
        List<Cell> cells = cells(proposal, state.zero());
        BigDecimal blocked = state.zero();
        for (Cell cell : cells) {
            BigDecimal room = state.room(cell.group);
            if (cell.discount.compareTo(room) > 0) {
                blocked = blocked.add(times(cell.discount.subtract(room), cell.group));
                cell.discount = room;
            }
            cell.open = cell.inPool && roomLeft(state, cell).signum() > 0;
        }
        while (blocked.signum() > 0 && cells.stream().anyMatch(cell -> cell.open)) {
            List<Cell> targets = cells.stream().filter(cell -> cell.open).toList();
            List<BigDecimal> weights = new ArrayList<>(targets.size());
            int[] counts = new int[targets.size()];
            for (int k = 0; k < targets.size(); k++) {
                Cell cell = targets.get(k);
                weights.add(cell.group.remaining().subtract(cell.discount));
                counts[k] = cell.group.count();
            }
            List<Allocator.Part> parts = Allocator.split(blocked, weights, counts, state.scale());
            blocked = state.zero();
            List<Cell> next = new ArrayList<>(cells.size() + targets.size());
            int k = 0;
            for (Cell cell : cells) {
                if (!cell.open) {
                    next.add(cell);
                    continue;
                }
                Allocator.Part part = parts.get(k++);
                int extra = part.extra();
                if (extra > 0) {
                    Group head = extra == cell.group.count() ? cell.group : cell.group.head(extra);
                    blocked = blocked.add(place(state, cell, head, part.each().add(state.minorUnit()), next));
                }
                if (extra < cell.group.count()) {
                    Group tail = extra == 0 ? cell.group : cell.group.tail(extra);
                    blocked = blocked.add(place(state, cell, tail, part.each(), next));
                }
            }
            cells = next;
        }
        List<Share> shares = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            shares.add(new Share(cell.group, cell.discount));
        }
        BigDecimal shipping = proposal.shippingDiscount().min(state.shippingRemaining());
        return proposal.withShares(shares, shipping);
    }

    /** Gives each unit of {@code units} (part of {@code cell}) as much of {@code each} as fits; returns the rest. */
    private static BigDecimal place(PricingState state, Cell cell, Group units, BigDecimal each, List<Cell> next) {
        Cell placed = new Cell(units, cell.discount, true);
        BigDecimal room = roomLeft(state, placed);
        BigDecimal fits = each.min(room);
        placed.discount = placed.discount.add(fits);
        placed.open = fits.compareTo(room) != 0;
        next.add(placed);
        return times(each.subtract(fits), units);
    }

    private static boolean withinFloors(PricingState state, Proposal proposal) {
        if (proposal.shippingDiscount().compareTo(state.shippingRemaining()) > 0) {
            return false;
        }
        for (Share share : proposal.shares()) {
            if (share.each().compareTo(state.room(share.group())) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The proposal's pool groups cut where its shares begin and end, plus the shares outside the pool. Shares lie
     * within one group of the state, and the pool holds whole groups, so a share is inside one pool group or
     * outside all of them.
     */
    private static List<Cell> cells(Proposal proposal, BigDecimal zero) {
        List<Share> shares = proposal.shares();
        List<Cell> cells = new ArrayList<>();
        int s = 0;
        for (Group pooled : proposal.resplitPool()) {
            while (s < shares.size() && shares.get(s).group().first() < pooled.first()) {
                cells.add(new Cell(shares.get(s).group(), shares.get(s).each(), false));
                s++;
            }
            int at = pooled.first();
            while (s < shares.size() && shares.get(s).group().first() < pooled.end()) {
                Share share = shares.get(s++);
                if (share.group().first() > at) {
                    cells.add(new Cell(pooled.slice(at, share.group().first()), zero, true));
                }
                cells.add(new Cell(share.group(), share.each(), true));
                at = share.group().end();
            }
            if (at < pooled.end()) {
                cells.add(new Cell(pooled.slice(at, pooled.end()), zero, true));
            }
        }
        for (; s < shares.size(); s++) {
            cells.add(new Cell(shares.get(s).group(), shares.get(s).each(), false));
        }
        return cells;
    }

    private static BigDecimal roomLeft(PricingState state, Cell cell) {
        return state.room(cell.group).subtract(cell.discount);
    }

    private static BigDecimal times(BigDecimal each, Group units) {
        return each.multiply(BigDecimal.valueOf(units.count()));
    }
}
