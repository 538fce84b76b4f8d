package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import kupon.pricing.PricingResult.Hint;
import kupon.pricing.PricingResult.HintKind;
import kupon.pricing.PricingResult.Reason;

/**
 * Prices a cart under a list of offers: orders the offers, enforces stacking (exclusive, stopFurther,
 * combinesWith), checks conditions on the cart as discounted so far, asks the reward's calculator what it would
 * take off, then holds every unit at its floor and the offer under its caps (docs/api.md "How discounts are computed").
 * Stateless and thread-safe.
 */
public final class PricingEngine {

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
    private final PercentOffCalculator percentOff = new PercentOffCalculator();
    private final AmountOffCalculator amountOff = new AmountOffCalculator();
    private final FixedPriceCalculator fixedPrice = new FixedPriceCalculator();
    private final FreeShippingCalculator freeShipping = new FreeShippingCalculator();
    private final BuyXGetYCalculator buyXGetY = new BuyXGetYCalculator();
    private final TieredCalculator tiered = new TieredCalculator();
    private final FreeGiftCalculator freeGift = new FreeGiftCalculator();

    public PricingEngine(Rounding rounding) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    public PricingResult price(PricingCart cart, List<Offer> offers) {
        PricingState state = PricingState.initial(cart, rounding);
        Ledger ledger = new Ledger(state);
        RewardWording wording = new RewardWording(cart.currency(), rounding);
        boolean exclusiveApplied = false;
        boolean stopped = false;
        List<Offer> ordered = new ArrayList<>(offers);
        ordered.sort(APPLICATION_ORDER);
        for (Offer offer : ordered) {
            Reason blocked = stacking(exclusiveApplied, stopped);
            // The reward sees only what no earlier offer it does not combine with has discounted; the conditions are
            // still checked on the whole cart as discounted so far (docs/api.md point 2).
            PricingState view = state.visibleTo(offer);
            Proposal proposal = null;
            if (blocked == null && view != state) {
                proposal = propose(view, offer.reward());
                if (nothingLeft(view, proposal, state, offer)) {
                    blocked = Reason.NOT_COMBINABLE;
                }
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
            if (proposal == null) {
                proposal = propose(view, offer.reward());
            }
            boolean belowLowestTier = proposal.shortfall() != null && proposal.total().signum() == 0
                    && proposal.shares().isEmpty() && isBelowLowestTier(offer, proposal);
            if (proposal.shortfall() != null) {
                ledger.hint(tierHint(offer, proposal.shortfall(), wording));
            }
            if (belowLowestTier) {
                ledger.notApplied(offer, proposal.shortfall().kind() == HintKind.MIN_SUBTOTAL
                        ? Reason.MIN_SUBTOTAL_NOT_MET : Reason.MIN_QUANTITY_NOT_MET);
                continue;
            }
            Proposal limited = capped(Floors.floored(view, proposal), cap(offer, view), view);
            boolean gift = offer.reward() instanceof Reward.FreeGift;
            if (limited.total().signum() == 0 && !gift) {
                ledger.notApplied(offer, Reason.NO_ELIGIBLE_ITEMS);
                continue;
            }
            state = state.apply(limited.shares(), limited.shippingDiscount(), limited.consumed(), StackingMarks.of(offer));
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
     * docs/api.md point 2, for the whole offer; the service reports EXCLUDED_BY_EXCLUSIVE and STOPPED_BY_EARLIER as
     * NOT_COMBINABLE. combinesWith works per unit, through {@link PricingState#visibleTo}.
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
     * Whether combinesWith is what leaves the offer nothing: on what it may see it would discount nothing, on the
     * whole cart it would discount something. Floors count, caps do not: a spent budget is reported as such, after
     * combinesWith (docs/pricing.md, "Stacking check order"). A free gift that would discount nothing either way still
     * applies, as without combinesWith.
     */
    private boolean nothingLeft(PricingState view, Proposal proposal, PricingState whole, Offer offer) {
        return Floors.floored(view, proposal).total().signum() == 0
                && Floors.floored(whole, propose(whole, offer.reward())).total().signum() != 0;
    }

    /**
     * Checks the offer's conditions against the cart as discounted so far. A hint is given only when a single
     * minimum is all that is missing: with two unmet, neither hint alone would be true.
     */
    private static Reason conditions(Offer offer, PricingState state, Ledger ledger, RewardWording wording) {
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
                && PricingState.quantity(state.matching(c.requiresItems().selector())) < c.requiresItems().minQuantity()) {
            failed.add(Reason.NO_ELIGIBLE_ITEMS);
        }
        if (failed.size() == 1 && failed.get(0) == Reason.MIN_SUBTOTAL_NOT_MET) {
            BigDecimal missing = Rounding.atLeast(c.minSubtotal().subtract(subtotal), state.scale());
            ledger.hint(new Hint(offer.promotionId(), HintKind.MIN_SUBTOTAL, missing,
                    wording.spendMore(missing, wording.describe(offer.reward()))));
        } else if (failed.size() == 1 && failed.get(0) == Reason.MIN_QUANTITY_NOT_MET) {
            BigDecimal missing = BigDecimal.valueOf((long) c.minQuantity() - state.totalQuantity());
            ledger.hint(new Hint(offer.promotionId(), HintKind.MIN_QUANTITY, missing,
                    wording.addMore(missing, false, wording.describe(offer.reward()))));
        }
        return failed.isEmpty() ? null : failed.get(0);
    }

    private static boolean isBelowLowestTier(Offer offer, Proposal proposal) {
        return offer.reward() instanceof Reward.Tiered t && t.tiers().get(0).equals(proposal.shortfall().tier());
    }

    private static Hint tierHint(Offer offer, Proposal.Shortfall shortfall, RewardWording wording) {
        Reward.Tiered reward = (Reward.Tiered) offer.reward();
        String words = wording.describe(reward, shortfall.tier());
        String message = shortfall.kind() == HintKind.MIN_SUBTOTAL
                ? wording.spendMore(shortfall.missing(), words)
                : wording.addMore(shortfall.missing(), reward.basis() == Reward.TierBasis.LINE_QUANTITY, words);
        return new Hint(offer.promotionId(), shortfall.kind(), shortfall.missing(), message);
    }

    private Proposal propose(PricingState state, Reward reward) {
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
    private static boolean isBudgetExhausted(Offer offer, PricingState state) {
        return offer.remainingBudget() != null
                && Rounding.atMost(offer.remainingBudget(), state.scale()).signum() <= 0;
    }

    /**
     * The most this offer may take off: its per-order maximum and what is left of its budget, rounded down so a
     * cap is never exceeded by rounding. Null when uncapped.
     */
    private static BigDecimal cap(Offer offer, PricingState state) {
        BigDecimal cap = null;
        for (BigDecimal limit : new BigDecimal[] {offer.maxAmount(), offer.remainingBudget()}) {
            if (limit != null) {
                BigDecimal rounded = Rounding.atMost(limit.max(BigDecimal.ZERO), state.scale());
                cap = cap == null ? rounded : cap.min(rounded);
            }
        }
        return cap;
    }

    /** Scales the whole proposal down to the cap, in proportion, so every part stays within its floor. */
    private static Proposal capped(Proposal proposal, BigDecimal cap, PricingState state) {
        if (cap == null || proposal.total().compareTo(cap) <= 0) {
            return proposal;
        }
        List<Share> shares = proposal.shares();
        List<BigDecimal> weights = new ArrayList<>(shares.size() + 1);
        int[] counts = new int[shares.size() + 1];
        for (int k = 0; k < shares.size(); k++) {
            weights.add(shares.get(k).each());
            counts[k] = shares.get(k).group().count();
        }
        weights.add(proposal.shippingDiscount());
        counts[shares.size()] = 1;
        List<Allocator.Part> parts = Allocator.split(cap, weights, counts, state.scale());
        List<Share> scaled = new ArrayList<>(shares.size());
        for (int k = 0; k < shares.size(); k++) {
            Share.addSplit(scaled, shares.get(k).group(), parts.get(k), state.minorUnit());
        }
        Allocator.Part shipping = parts.get(shares.size());
        return proposal.withShares(scaled, shipping.extra() == 0 ? shipping.each() : shipping.each().add(state.minorUnit()));
    }
}
