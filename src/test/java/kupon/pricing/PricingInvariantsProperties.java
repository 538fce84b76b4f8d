package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import kupon.pricing.PricingResult.Adjustment;
import kupon.pricing.PricingResult.Applied;
import kupon.pricing.PricingResult.LineResult;
import kupon.pricing.Reward.Allocation;
import kupon.pricing.Reward.Selection;
import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The docs/api.md invariants on random carts (USD, JPY, KWD; floors, untaxed and taxed, gross and net) and offers. */
class PricingInvariantsProperties {

    private static final PricingEngine ENGINE = new PricingEngine(Rounding.HALF_EVEN);
    private static final List<String> SKUS = List.of("A", "B", "C", "D");
    private static final List<String> CATEGORIES = List.of("shoes", "socks", "hats");
    private static final List<String> PERCENTS = List.of("5", "10", "12.5", "33", "50", "100");
    private static final List<String> TAX_RATES = List.of("0", "0.05", "0.075", "0.08", "0.2");

    /** A cart and the offers proposed for it. */
    record Scenario(PricingCart cart, List<Offer> offers) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(PricingInvariantsProperties::scenario);
    }

    @Property(tries = 400)
    void theResultAddsUpAndNeverGoesBelowFloorsOrZero(@ForAll("scenarios") Scenario s) {
        PricingCart cart = s.cart();
        PricingResult result = ENGINE.price(cart, s.offers());
        Currency currency = cart.currency();
        int scale = currency.getDefaultFractionDigits();

        assertThat(result.currency()).isEqualTo(currency);
        assertThat(result.applied().size() + result.notApplied().size()).isEqualTo(s.offers().size());
        BigDecimal subtotals = zero(scale);
        BigDecimal discounts = zero(scale);
        BigDecimal lineTaxes = zero(scale);
        for (int i = 0; i < cart.lines().size(); i++) {
            PricingLine line = cart.lines().get(i);
            LineResult lr = result.lines().get(i);
            assertThat(lr.id()).isEqualTo(line.id());
            assertMoney(currency, lr.subtotal(), lr.discount(), lr.total(), lr.tax());
            assertThat(lr.subtotal().amount())
                    .isEqualTo(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))
                            .setScale(scale, RoundingMode.HALF_EVEN));
            BigDecimal adjustments = zero(scale);
            for (Adjustment a : lr.adjustments()) {
                assertMoney(currency, a.amount());
                assertThat(a.amount().isPositive()).isTrue();
                adjustments = adjustments.add(a.amount().amount());
            }
            assertThat(lr.discount().amount()).isEqualTo(adjustments);
            assertThat(lr.total().amount()).isEqualTo(lr.subtotal().amount().subtract(lr.discount().amount()));
            assertThat(lr.total().amount()).isGreaterThanOrEqualTo(floorBound(line, lr.subtotal().amount(), scale));
            if (!line.discountable()) {
                assertThat(lr.discount().isZero()).isTrue();
            }
            assertThat(lr.tax().amount()).isEqualTo(tax(lr.total().amount(), line.taxRate(), cart.pricesIncludeTax(), scale));
            subtotals = subtotals.add(lr.subtotal().amount());
            discounts = discounts.add(lr.discount().amount());
            lineTaxes = lineTaxes.add(lr.tax().amount());
        }
        assertMoney(currency, result.subtotal(), result.discountTotal(), result.shipping(), result.shippingDiscount(),
                result.tax(), result.total());
        assertThat(result.subtotal().amount()).isEqualTo(subtotals);
        assertThat(result.discountTotal().amount()).isEqualTo(discounts);
        assertThat(result.discountTotal().amount()).isEqualTo(appliedTotal(result, false, scale));
        assertThat(result.shippingDiscount().amount()).isEqualTo(appliedTotal(result, true, scale));
        assertThat(result.discountTotal().isGreaterThan(result.subtotal())).isFalse();
        assertThat(result.shippingDiscount().isNegative()).isFalse();
        assertThat(result.shippingDiscount().isGreaterThan(result.shipping())).isFalse();

        BigDecimal shippingLeft = result.shipping().amount().subtract(result.shippingDiscount().amount());
        BigDecimal shippingRate = cart.shipping() == null ? null : cart.shipping().taxRate();
        assertThat(result.tax().amount())
                .isEqualTo(lineTaxes.add(tax(shippingLeft, shippingRate, cart.pricesIncludeTax(), scale)));
        BigDecimal expectedTotal = result.subtotal().amount().subtract(result.discountTotal().amount())
                .add(shippingLeft).add(cart.pricesIncludeTax() ? zero(scale) : result.tax().amount());
        assertThat(result.total().amount()).isEqualTo(expectedTotal);
        assertThat(result.total().isNegative()).isFalse();
    }

    @Property(tries = 200)
    void theOrderOfLinesDoesNotMatter(@ForAll("scenarios") Scenario s, @ForAll long seed) {
        List<PricingLine> shuffled = new ArrayList<>(s.cart().lines());
        Collections.shuffle(shuffled, new Random(seed));
        PricingCart reordered = new PricingCart(s.cart().currency(), s.cart().pricesIncludeTax(), shuffled,
                s.cart().shipping());

        assertThat(linesById(ENGINE.price(reordered, s.offers()))).isEqualTo(linesById(ENGINE.price(s.cart(), s.offers())));
    }

    @Property(tries = 200)
    void theOrderOfOffersDoesNotMatter(@ForAll("scenarios") Scenario s, @ForAll long seed) {
        List<Offer> shuffled = new ArrayList<>(s.offers());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(ENGINE.price(s.cart(), shuffled)).isEqualTo(ENGINE.price(s.cart(), s.offers()));
    }

    @Property(tries = 100)
    void pricingTwiceGivesTheSameResult(@ForAll("scenarios") Scenario s) {
        assertThat(ENGINE.price(s.cart(), s.offers())).isEqualTo(ENGINE.price(s.cart(), s.offers()));
    }

    // ---- expectations computed independently of the engine

    /** Units split the line subtotal evenly (to the minor unit); a discount takes none of them below its floor. */
    private static BigDecimal floorBound(PricingLine line, BigDecimal subtotal, int scale) {
        if (line.floorPrice() == null) {
            return zero(scale);
        }
        long total = subtotal.movePointRight(scale).longValueExact();
        long floor = line.floorPrice().setScale(scale, RoundingMode.CEILING).movePointRight(scale).longValueExact();
        long q = line.quantity();
        long base = total / q;
        long extra = total % q;
        long bound = (q - extra) * Math.min(floor, base) + extra * Math.min(floor, base + 1);
        return BigDecimal.valueOf(bound, scale);
    }

    private static BigDecimal tax(BigDecimal amount, BigDecimal rate, boolean included, int scale) {
        if (rate == null) {
            return zero(scale);
        }
        return included
                ? amount.multiply(rate).divide(BigDecimal.ONE.add(rate), scale, RoundingMode.HALF_EVEN)
                : amount.multiply(rate).setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal appliedTotal(PricingResult result, boolean shipping, int scale) {
        return result.applied().stream()
                .filter(a -> (a.target() == Target.SHIPPING) == shipping)
                .map(Applied::amount).map(Money::amount)
                .reduce(zero(scale), BigDecimal::add);
    }

    private static void assertMoney(Currency currency, Money... amounts) {
        for (Money m : amounts) {
            assertThat(m.currency()).isEqualTo(currency);
            assertThat(m.amount().scale()).isEqualTo(currency.getDefaultFractionDigits());
        }
    }

    private static PricingResult linesById(PricingResult r) {
        List<LineResult> lines = new ArrayList<>(r.lines());
        lines.sort(Comparator.comparing(LineResult::id));
        return new PricingResult(r.currency(), r.subtotal(), r.discountTotal(), r.shipping(), r.shippingDiscount(),
                r.tax(), r.total(), lines, r.applied(), r.gifts(), r.hints(), r.notApplied());
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }

    // ---- random carts and offers

    private static Scenario scenario(Random r) {
        Currency currency = Currency.getInstance(pick(r, List.of("USD", "JPY", "KWD")));
        int scale = currency.getDefaultFractionDigits();
        List<String> ids = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f"));
        Collections.shuffle(ids, r);
        List<PricingLine> lines = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            lines.add(line(r, ids.get(i), scale));
        }
        PricingShipping shipping = r.nextInt(3) == 0 ? null
                : new PricingShipping(money(r, 2000, scale), r.nextBoolean() ? null : new BigDecimal(pick(r, TAX_RATES)));
        PricingCart cart = new PricingCart(currency, r.nextBoolean(), lines, shipping);
        List<Offer> offers = new ArrayList<>();
        for (int i = 0, n = r.nextInt(7); i < n; i++) {
            offers.add(offer(r, scale));
        }
        return new Scenario(cart, offers);
    }

    private static PricingLine line(Random r, String id, int scale) {
        BigDecimal price = r.nextInt(8) == 0
                ? BigDecimal.valueOf(r.nextInt(200_000), scale + 1)
                : money(r, 20_000, scale);
        BigDecimal floor = r.nextInt(3) == 0
                ? price.multiply(BigDecimal.valueOf(r.nextInt(120), 2)).setScale(scale + 1, RoundingMode.DOWN)
                : null;
        return new PricingLine(id, pick(r, SKUS), null, subset(r, CATEGORIES), pick(r, List.of("acme", "luxe")),
                List.of(), 1 + r.nextInt(4), price, r.nextInt(5) == 0, r.nextInt(6) != 0,
                r.nextInt(4) == 0 ? null : new BigDecimal(pick(r, TAX_RATES)), null, floor);
    }

    private static Offer offer(Random r, int scale) {
        Conditions conditions = new Conditions(
                r.nextInt(4) == 0 ? money(r, 30_000, scale) : null,
                r.nextInt(5) == 0 ? 1 + r.nextInt(6) : null,
                r.nextInt(6) == 0 ? new Conditions.ItemRequirement(selector(r), 1 + r.nextInt(3)) : null);
        return new Offer("p" + r.nextInt(4), "Promotion", r.nextInt(3) == 0 ? pick(r, List.of("C1", "C2")) : null,
                r.nextInt(5) - 2, r.nextInt(8) == 0, r.nextInt(8) == 0,
                new Offer.Combination(r.nextInt(4) != 0, r.nextInt(4) != 0, r.nextInt(4) != 0),
                conditions, reward(r, scale),
                r.nextInt(5) == 0 ? money(r, 5_000, scale) : null,
                r.nextInt(6) == 0 ? money(r, 3_000, scale) : null);
    }

    private static Reward reward(Random r, int scale) {
        Target target = pick(r, List.of(Target.values()));
        Allocation allocation = pick(r, List.of(Allocation.values()));
        Integer maxQuantity = r.nextBoolean() ? null : 1 + r.nextInt(3);
        switch (r.nextInt(7)) {
            case 0:
                return new Reward.PercentOff(new BigDecimal(pick(r, PERCENTS)), target, selector(r), allocation,
                        maxQuantity);
            case 1:
                return new Reward.AmountOff(money(r, 5_000, scale), target, selector(r), allocation, maxQuantity);
            case 2:
                return new Reward.FixedPrice(money(r, 8_000, scale), selector(r), r.nextBoolean() ? null : 1 + r.nextInt(3));
            case 3:
                return new Reward.FreeShipping(r.nextBoolean() ? null : new BigDecimal(pick(r, PERCENTS)));
            case 4:
                boolean percent = r.nextBoolean();
                return new Reward.BuyXGetY(selector(r), 1 + r.nextInt(3), r.nextBoolean() ? null : selector(r),
                        1 + r.nextInt(2), percent && r.nextBoolean() ? new BigDecimal(pick(r, PERCENTS)) : null,
                        !percent ? money(r, 3_000, scale) : null, pick(r, List.of(Selection.values())),
                        r.nextBoolean() ? null : 1 + r.nextInt(2));
            case 5:
                TierBasis basis = pick(r, List.of(TierBasis.values()));
                ValueType valueType = pick(r, List.of(ValueType.values()));
                List<Reward.Tier> tiers = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    BigDecimal min = basis == TierBasis.SUBTOTAL ? money(r, 30_000, scale) : BigDecimal.valueOf(r.nextInt(6));
                    BigDecimal value = valueType == ValueType.PERCENT ? new BigDecimal(pick(r, PERCENTS))
                            : money(r, 5_000, scale);
                    tiers.add(new Reward.Tier(min, value));
                }
                Target tierTarget = basis == TierBasis.LINE_QUANTITY && target == Target.SHIPPING ? Target.ITEMS : target;
                return new Reward.Tiered(basis, tiers, valueType, tierTarget, selector(r));
            default:
                return new Reward.FreeGift(pick(r, SKUS), 1 + r.nextInt(2));
        }
    }

    static LineSelector selector(Random r) {
        if (r.nextInt(3) == 0) {
            return LineSelector.ALL;
        }
        return new LineSelector(r.nextInt(3) == 0 ? Set.copyOf(subset(r, SKUS)) : null, null,
                r.nextInt(2) == 0 ? Set.copyOf(subset(r, CATEGORIES)) : null, null, null, null, null,
                r.nextInt(4) == 0 ? Set.of("luxe") : null, null, r.nextInt(4) == 0, null);
    }

    static BigDecimal money(Random r, int maxMinorUnits, int scale) {
        return BigDecimal.valueOf(r.nextInt(maxMinorUnits), scale);
    }

    static List<String> subset(Random r, List<String> values) {
        Set<String> chosen = new TreeSet<>();
        for (String value : values) {
            if (r.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return List.copyOf(chosen);
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
