package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import kupon.pricing.Reward.Allocation;
import kupon.pricing.Reward.Selection;
import kupon.pricing.Reward.TierBasis;
import kupon.pricing.Reward.ValueType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine prices groups of alike units; {@link RefPricingEngine} prices unit by unit, as the engine did before.
 * On random carts (many equal prices, so ties matter; quantities up to 100; a few carts of hundreds of lines) and
 * random offers of every reward type and every combinesWith, both must give exactly the same result.
 */
class GroupedPricingProperties {

    private static final PricingEngine GROUPED = new PricingEngine(Rounding.HALF_EVEN);
    private static final RefPricingEngine PER_UNIT = new RefPricingEngine(Rounding.HALF_EVEN);
    private static final List<String> SKUS = List.of("A", "B", "C", "D");
    private static final List<String> CATEGORIES = List.of("shoes", "socks", "hats");
    private static final List<String> PERCENTS = List.of("5", "10", "12.5", "33", "50", "100");
    private static final List<String> TAX_RATES = List.of("0", "0.05", "0.2");

    record Scenario(PricingCart cart, List<Offer> offers) {
    }

    @Provide
    Arbitrary<Scenario> smallCarts() {
        return Arbitraries.randomValue(r -> scenario(r, 1 + r.nextInt(6)));
    }

    @Provide
    Arbitrary<Scenario> largeCarts() {
        return Arbitraries.randomValue(r -> scenario(r, 100 + r.nextInt(401)));
    }

    @Property(tries = 1500)
    void smallCartsArePricedAsUnitByUnit(@ForAll("smallCarts") Scenario s) {
        assertThat(GROUPED.price(s.cart(), s.offers())).isEqualTo(PER_UNIT.price(s.cart(), s.offers()));
    }

    @Property(tries = 6)
    void cartsOfHundredsOfLinesArePricedAsUnitByUnit(@ForAll("largeCarts") Scenario s) {
        assertThat(GROUPED.price(s.cart(), s.offers())).isEqualTo(PER_UNIT.price(s.cart(), s.offers()));
    }

    @Example
    void linesOfTenThousandUnitsArePricedAsUnitByUnit() {
        Random r = new Random(10_000);
        for (int run = 0; run < 20; run++) {
            Scenario s = scenario(r, 1 + r.nextInt(4));
            List<PricingLine> large = s.cart().lines().stream()
                    .map(l -> new PricingLine(l.id(), l.sku(), l.productId(), l.categories(), l.brand(), l.tags(),
                            10_000 - r.nextInt(3), l.unitPrice(), l.onSale(), l.discountable(), l.taxRate(), l.unitCost(),
                            l.floorPrice()))
                    .toList();
            PricingCart cart = new PricingCart(s.cart().currency(), s.cart().pricesIncludeTax(), large, s.cart().shipping());
            assertThat(GROUPED.price(cart, s.offers())).isEqualTo(PER_UNIT.price(cart, s.offers()));
        }
    }

    // ---- random carts and offers

    static Scenario scenario(Random r, int lineCount) {
        Currency currency = Currency.getInstance(pick(r, List.of("USD", "USD", "JPY", "KWD")));
        int scale = currency.getDefaultFractionDigits();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            ids.add(String.format("l%03d", i));
        }
        Collections.shuffle(ids, r);
        List<BigDecimal> prices = List.of(money(r, 5_000, scale), money(r, 5_000, scale), money(r, 500, scale));
        List<PricingLine> lines = new ArrayList<>();
        for (String id : ids) {
            lines.add(line(r, id, scale, prices));
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

    private static PricingLine line(Random r, String id, int scale, List<BigDecimal> prices) {
        BigDecimal price = switch (r.nextInt(8)) {
            case 0 -> BigDecimal.valueOf(r.nextInt(200_000), scale + 1);
            case 1, 2 -> money(r, 20_000, scale);
            default -> pick(r, prices);
        };
        BigDecimal floor = r.nextInt(3) == 0
                ? price.multiply(BigDecimal.valueOf(r.nextInt(120), 2)).setScale(scale + 1, RoundingMode.DOWN)
                : null;
        int quantity = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 1 + r.nextInt(100);
        return new PricingLine(id, pick(r, SKUS), null, subset(r, CATEGORIES), pick(r, List.of("acme", "luxe")),
                List.of(), quantity, price, r.nextInt(5) == 0, r.nextInt(8) != 0,
                r.nextInt(4) == 0 ? null : new BigDecimal(pick(r, TAX_RATES)), null, floor);
    }

    private static Offer offer(Random r, int scale) {
        Conditions conditions = new Conditions(
                r.nextInt(5) == 0 ? money(r, 30_000, scale) : null,
                r.nextInt(6) == 0 ? 1 + r.nextInt(60) : null,
                r.nextInt(7) == 0 ? new Conditions.ItemRequirement(selector(r), 1 + r.nextInt(10)) : null);
        return new Offer("p" + r.nextInt(5), "Promotion", r.nextInt(4) == 0 ? pick(r, List.of("C1", "C2")) : null,
                r.nextInt(5) - 2, r.nextInt(10) == 0, r.nextInt(10) == 0,
                combination(r), conditions, reward(r, scale),
                r.nextInt(5) == 0 ? money(r, 50_000, scale) : null,
                r.nextInt(6) == 0 ? money(r, 30_000, scale) : null);
    }

    /**
     * Every combinesWith, often one that refuses a class, so that later offers regularly skip some units of the
     * cart (docs/api.md point 2, per unit) and now and then every unit they target.
     */
    private static Offer.Combination combination(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Offer.Combination.ALL;
            case 1 -> Offer.Combination.NONE;
            default -> new Offer.Combination(r.nextBoolean(), r.nextBoolean(), r.nextBoolean());
        };
    }

    private static Reward reward(Random r, int scale) {
        Target target = pick(r, List.of(Target.values()));
        Allocation allocation = pick(r, List.of(Allocation.values()));
        Integer maxQuantity = r.nextBoolean() ? null : 1 + r.nextInt(r.nextBoolean() ? 3 : 120);
        switch (r.nextInt(8)) {
            case 0:
                return new Reward.PercentOff(new BigDecimal(pick(r, PERCENTS)), target, selector(r), allocation,
                        maxQuantity);
            case 1:
                return new Reward.AmountOff(money(r, r.nextBoolean() ? 500 : 50_000, scale), target, selector(r),
                        allocation, maxQuantity);
            case 2:
                return new Reward.FixedPrice(money(r, 8_000, scale), selector(r), r.nextBoolean() ? null : 1 + r.nextInt(5));
            case 3:
                return new Reward.FreeShipping(r.nextBoolean() ? null : new BigDecimal(pick(r, PERCENTS)));
            case 4, 5:
                boolean percent = r.nextBoolean();
                return new Reward.BuyXGetY(selector(r), 1 + r.nextInt(3), r.nextBoolean() ? null : selector(r),
                        1 + r.nextInt(3), percent && r.nextBoolean() ? new BigDecimal(pick(r, PERCENTS)) : null,
                        !percent ? money(r, 3_000, scale) : null, pick(r, List.of(Selection.values())),
                        r.nextBoolean() ? null : 1 + r.nextInt(r.nextBoolean() ? 3 : 80));
            case 6:
                TierBasis basis = pick(r, List.of(TierBasis.values()));
                ValueType valueType = pick(r, List.of(ValueType.values()));
                List<Reward.Tier> tiers = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    BigDecimal min = basis == TierBasis.SUBTOTAL ? money(r, 300_000, scale)
                            : BigDecimal.valueOf(r.nextInt(basis == TierBasis.QUANTITY ? 300 : 100));
                    BigDecimal value = valueType == ValueType.PERCENT ? new BigDecimal(pick(r, PERCENTS))
                            : money(r, 50_000, scale);
                    tiers.add(new Reward.Tier(min, value));
                }
                Target tierTarget = basis == TierBasis.LINE_QUANTITY && target == Target.SHIPPING ? Target.ITEMS : target;
                return new Reward.Tiered(basis, tiers, valueType, tierTarget, selector(r));
            default:
                return new Reward.FreeGift(pick(r, SKUS), 1 + r.nextInt(r.nextBoolean() ? 2 : 50));
        }
    }

    private static LineSelector selector(Random r) {
        return PricingInvariantsProperties.selector(r);
    }

    private static BigDecimal money(Random r, int maxMinorUnits, int scale) {
        return PricingInvariantsProperties.money(r, maxMinorUnits, scale);
    }

    private static List<String> subset(Random r, List<String> values) {
        return PricingInvariantsProperties.subset(r, values);
    }

    private static <T> T pick(Random r, List<T> values) {
        return PricingInvariantsProperties.pick(r, values);
    }
}
