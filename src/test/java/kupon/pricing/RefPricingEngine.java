package kupon.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import kupon.pricing.PricingResult.Hint;
import kupon.pricing.PricingResult.HintKind;
import kupon.pricing.PricingResult.Reason;

/**
 * The per-unit pricing engine as it was before pricing worked on groups of alike units, kept as the reference
 * {@link GroupedPricingProperties} compares the engine with. Change its results only with the rules of docs/api.md
 * (as when combinesWith became per unit: each unit remembers which offers discounted it).
 *
 * <p>Prices a cart under a list of offers: orders the offers, enforces stacking (exclusive, stopFurther,
 * combinesWith), checks conditions on the cart as discounted so far, asks the reward's calculator what it would
 * take off, then holds every unit at its floor and the offer under its caps (docs/api.md "How discounts are computed").
 * Stateless and thread-safe.
 */
public final class RefPricingEngine {

    /**
     * Exclusive first, then higher priority, then promotion id and code. Name and the offer's full text only break
     * ties between offers that are otherwise the same, so that shuffling the input can never change the result.
     */
    private static final Comparator<Offer> APPLICATION_ORDER = Comparator
            .comparing((Offer o) -> !o.exclusive())
            .thenComparing(Offer::priority, Comparator.reverseOrder())
            .thenComparing(Offer::promotionId)
            .thenComparing(Offer::code, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Offer::name)
            .thenComparing(Offer::toString);

    private final Rounding rounding;
    private final RefPercentOffCalculator percentOff = new RefPercentOffCalculator();
    private final RefAmountOffCalculator amountOff = new RefAmountOffCalculator();
    private final RefFixedPriceCalculator fixedPrice = new RefFixedPriceCalculator();
    private final RefFreeShippingCalculator freeShipping = new RefFreeShippingCalculator();
    private final RefBuyXGetYCalculator buyXGetY = new RefBuyXGetYCalculator();
    private final RefTieredCalculator tiered = new RefTieredCalculator();
    private final RefFreeGiftCalculator freeGift = new RefFreeGiftCalculator();

    public RefPricingEngine(Rounding rounding) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    public PricingResult price(PricingCart cart, List<Offer> offers) {
        RefPricingState state = RefPricingState.initial(cart, rounding);
        RefLedger ledger = new RefLedger(state);
        RewardWording wording = new RewardWording(cart.currency(), rounding);
        boolean exclusiveApplied = false;
        boolean stopped = false;
        List<Offer> ordered = new ArrayList<>(offers);
        ordered.sort(APPLICATION_ORDER);
        for (Offer offer : ordered) {
            Reason blocked = stacking(exclusiveApplied, stopped);
            // The reward sees only what no earlier offer it does not combine with has discounted; the conditions
            // are checked on the whole cart (docs/api.md point 2).
            RefPricingState view = state.visibleTo(offer);
            if (blocked == null && view != state
                    && floored(view, propose(view, offer.reward())).total().signum() == 0
                    && floored(state, propose(state, offer.reward())).total().signum() != 0) {
                blocked = Reason.NOT_COMBINABLE;
            }
            if (blocked == null && isBudgetExhausted(offer, state)) {
                blocked = Reason.BUDGET_EXHAUSTED;
            }
            if (blocked == null) {
                blocked = conditions(offer, state, ledger, wording);
            }
            if (blocked != null) {
                ledger.notApplied(offer, blocked);
                continue;
            }
            RefProposal proposal = propose(view, offer.reward());
            boolean belowLowestTier = proposal.shortfall() != null && proposal.total().signum() == 0
                    && proposal.unitDiscounts().isEmpty() && isBelowLowestTier(offer, proposal);
            if (proposal.shortfall() != null) {
                ledger.hint(tierHint(offer, proposal.shortfall(), wording));
            }
            if (belowLowestTier) {
                ledger.notApplied(offer, proposal.shortfall().kind() == HintKind.MIN_SUBTOTAL
                        ? Reason.MIN_SUBTOTAL_NOT_MET : Reason.MIN_QUANTITY_NOT_MET);
                continue;
            }
            RefProposal limited = capped(floored(view, proposal), cap(offer, view), view);
            boolean gift = offer.reward() instanceof Reward.FreeGift;
            if (limited.total().signum() == 0 && !gift) {
                ledger.notApplied(offer, Reason.NO_ELIGIBLE_ITEMS);
                continue;
            }
            state = state.apply(limited.unitDiscounts(), limited.shippingDiscount(), limited.consumed(), offer);
            ledger.applied(offer, limited);
            if (offer.reward() instanceof Reward.FreeGift g) {
                ledger.gift(new PricingResult.Gift(offer.promotionId(), g.sku(), g.quantity()));
            }
            exclusiveApplied |= offer.exclusive();
            stopped |= offer.stopFurther();
        }
        return ledger.result(state);
    }

    /**
     * docs/api.md point 2 for the whole offer; the service reports EXCLUDED_BY_EXCLUSIVE and STOPPED_BY_EARLIER as
     * NOT_COMBINABLE. combinesWith is per unit: NOT_COMBINABLE when the offer would discount nothing on what it may
     * see but something on the whole cart (floors count, caps do not).
     */
    private static Reason stacking(boolean exclusiveApplied, boolean stopped) {
        if (stopped) {
            return Reason.STOPPED_BY_EARLIER;
        }
        if (exclusiveApplied) {
            return Reason.EXCLUDED_BY_EXCLUSIVE;
        }
        return null;
    }

    /**
     * Checks the offer's conditions against the cart as discounted so far. A hint is given only when a single
     * minimum is all that is missing: with two unmet, neither hint alone would be true.
     */
    private static Reason conditions(Offer offer, RefPricingState state, RefLedger ledger, RewardWording wording) {
        Conditions c = offer.conditions();
        List<Reason> failed = new ArrayList<>();
        BigDecimal subtotal = state.itemsRemaining();
        if (c.minSubtotal() != null && subtotal.compareTo(c.minSubtotal()) < 0) {
            failed.add(Reason.MIN_SUBTOTAL_NOT_MET);
        }
        if (c.minQuantity() != null && state.totalQuantity() < c.minQuantity()) {
            failed.add(Reason.MIN_QUANTITY_NOT_MET);
        }
        if (c.requiresItems() != null
                && state.matching(c.requiresItems().selector()).size() < c.requiresItems().minQuantity()) {
            failed.add(Reason.NO_ELIGIBLE_ITEMS);
        }
        if (failed.size() == 1 && failed.get(0) == Reason.MIN_SUBTOTAL_NOT_MET) {
            BigDecimal missing = c.minSubtotal().subtract(subtotal).setScale(state.scale(), RoundingMode.CEILING);
            ledger.hint(new Hint(offer.promotionId(), HintKind.MIN_SUBTOTAL, missing,
                    wording.spendMore(missing, wording.describe(offer.reward()))));
        } else if (failed.size() == 1 && failed.get(0) == Reason.MIN_QUANTITY_NOT_MET) {
            BigDecimal missing = BigDecimal.valueOf((long) c.minQuantity() - state.totalQuantity());
            ledger.hint(new Hint(offer.promotionId(), HintKind.MIN_QUANTITY, missing,
                    wording.addMore(missing, false, wording.describe(offer.reward()))));
        }
        return failed.isEmpty() ? null : failed.get(0);
    }

    private static boolean isBelowLowestTier(Offer offer, RefProposal proposal) {
        return offer.reward() instanceof Reward.Tiered t && t.tiers().get(0).equals(proposal.shortfall().tier());
    }

    private static Hint tierHint(Offer offer, RefProposal.Shortfall shortfall, RewardWording wording) {
        Reward.Tiered reward = (Reward.Tiered) offer.reward();
        String words = wording.describe(reward, shortfall.tier());
        String message = shortfall.kind() == HintKind.MIN_SUBTOTAL
                ? wording.spendMore(shortfall.missing(), words)
                : wording.addMore(shortfall.missing(), reward.basis() == Reward.TierBasis.LINE_QUANTITY, words);
        return new Hint(offer.promotionId(), shortfall.kind(), shortfall.missing(), message);
    }

    private RefProposal propose(RefPricingState state, Reward reward) {
        if (reward instanceof Reward.PercentOff r) {
            return percentOff.propose(state, r);
        }
        if (reward instanceof Reward.AmountOff r) {
            return amountOff.propose(state, r);
        }
        if (reward instanceof Reward.FixedPrice r) {
            return fixedPrice.propose(state, r);
        }
        if (reward instanceof Reward.FreeShipping r) {
            return freeShipping.propose(state, r);
        }
        if (reward instanceof Reward.BuyXGetY r) {
            return buyXGetY.propose(state, r);
        }
        if (reward instanceof Reward.Tiered r) {
            return tiered.propose(state, r);
        }
        return freeGift.propose(state, (Reward.FreeGift) reward);
    }

    /** Less than one minor unit of budget left cannot pay for any discount. */
    private static boolean isBudgetExhausted(Offer offer, RefPricingState state) {
        return offer.remainingBudget() != null
                && offer.remainingBudget().setScale(state.scale(), RoundingMode.DOWN).signum() <= 0;
    }

    /**
     * The most this offer may take off: its per-order maximum and what is left of its budget, rounded down so a
     * cap is never exceeded by rounding. Null when uncapped.
     */
    private static BigDecimal cap(Offer offer, RefPricingState state) {
        BigDecimal cap = null;
        for (BigDecimal limit : new BigDecimal[] {offer.maxAmount(), offer.remainingBudget()}) {
            if (limit != null) {
                BigDecimal rounded = limit.max(BigDecimal.ZERO).setScale(state.scale(), RoundingMode.DOWN);
                cap = cap == null ? rounded : cap.min(rounded);
            }
        }
        return cap;
    }

    /**
     * docs/api.md point 5: no unit below its floor. What a floor blocks is split again over the other units of the
     * proposal's pool, by what they have left, until it is placed or no unit has room; the rest is not given.
     * Every round either places everything or fills at least one unit, so the loop ends.
     */
    private static RefProposal floored(RefPricingState state, RefProposal proposal) {
        if (withinFloors(state, proposal)) {
            // Nothing to move: the usual case, worth skipping the re-split bookkeeping for.
            return proposal;
        }
        Map<Integer, BigDecimal> discounts = new TreeMap<>(proposal.unitDiscounts());
        BigDecimal blocked = state.zero();
        for (Map.Entry<Integer, BigDecimal> entry : discounts.entrySet()) {
            BigDecimal room = state.room(state.units().get(entry.getKey()));
            if (entry.getValue().compareTo(room) > 0) {
                blocked = blocked.add(entry.getValue().subtract(room));
                entry.setValue(room);
            }
        }
        Set<Integer> open = new TreeSet<>();
        for (int index : proposal.resplitPool()) {
            if (roomLeft(state, discounts, index).signum() > 0) {
                open.add(index);
            }
        }
        while (blocked.signum() > 0 && !open.isEmpty()) {
            List<Integer> targets = List.copyOf(open);
            List<BigDecimal> weights = targets.stream()
                    .map(i -> state.remaining(state.units().get(i)).subtract(discounts.getOrDefault(i, state.zero())))
                    .toList();
            List<BigDecimal> parts = RefAllocator.split(blocked, weights, state.scale());
            blocked = state.zero();
            for (int k = 0; k < targets.size(); k++) {
                int index = targets.get(k);
                BigDecimal room = roomLeft(state, discounts, index);
                BigDecimal placed = parts.get(k).min(room);
                blocked = blocked.add(parts.get(k).subtract(placed));
                discounts.merge(index, placed, BigDecimal::add);
                if (placed.compareTo(room) == 0) {
                    open.remove(index);
                }
            }
        }
        BigDecimal shipping = proposal.shippingDiscount().min(state.shippingRemaining());
        return proposal.withUnitDiscounts(discounts, shipping);
    }

    private static boolean withinFloors(RefPricingState state, RefProposal proposal) {
        if (proposal.shippingDiscount().compareTo(state.shippingRemaining()) > 0) {
            return false;
        }
        for (Map.Entry<Integer, BigDecimal> entry : proposal.unitDiscounts().entrySet()) {
            if (entry.getValue().compareTo(state.room(state.units().get(entry.getKey()))) > 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal roomLeft(RefPricingState state, Map<Integer, BigDecimal> discounts, int index) {
        return state.room(state.units().get(index)).subtract(discounts.getOrDefault(index, state.zero()));
    }

    /** Scales the whole proposal down to the cap, in proportion, so every part stays within its floor. */
    private static RefProposal capped(RefProposal proposal, BigDecimal cap, RefPricingState state) {
        if (cap == null || proposal.total().compareTo(cap) <= 0) {
            return proposal;
        }
        List<Integer> indices = List.copyOf(proposal.unitDiscounts().keySet());
        List<BigDecimal> weights = new ArrayList<>(proposal.unitDiscounts().values());
        weights.add(proposal.shippingDiscount());
        List<BigDecimal> parts = RefAllocator.split(cap, weights, state.scale());
        Map<Integer, BigDecimal> discounts = new TreeMap<>();
        for (int k = 0; k < indices.size(); k++) {
            discounts.put(indices.get(k), parts.get(k));
        }
        return proposal.withUnitDiscounts(discounts, parts.get(indices.size()));
    }
}
