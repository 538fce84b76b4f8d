package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LineSelectorTest {

    private static final PricingLine RED_SHOE = new PricingLine("l1", "SHOE-RED", "shoe", List.of("shoes", "sale"),
            "acme", List.of("new"), 1, new BigDecimal("50.00"), false, true, null, null, null);

    @Test
    void theEmptySelectorMatchesEveryDiscountableLine() {
        assertThat(LineSelector.ALL.matches(RED_SHOE)).isTrue();
        assertThat(LineSelector.ALL.matches(notDiscountable(RED_SHOE))).isFalse();
    }

    @Test
    void everyListedFieldMustMatchOneOfItsValues() {
        assertThat(selector(Set.of("shoes"), Set.of("acme"), null).matches(RED_SHOE)).isTrue();
        assertThat(selector(Set.of("shoes"), Set.of("luxe"), null).matches(RED_SHOE)).isFalse();
    }

    @Test
    void exclusionsWin() {
        assertThat(selector(Set.of("shoes"), null, Set.of("acme")).matches(RED_SHOE)).isFalse();
    }

    @Test
    void explicitLineIdsRestrict() {
        assertThat(LineSelector.lineIds("l1").matches(RED_SHOE)).isTrue();
        assertThat(LineSelector.lineIds("l2").matches(RED_SHOE)).isFalse();
    }

    @Test
    void valuesAddedToAFieldAddUpSoALineNeedsOnlyOneOfThem() {
        LineSelector shoesOrBoots = LineSelector.categories("shoes").plus(LineSelector.Field.CATEGORIES, List.of("boots"));

        assertThat(shoesOrBoots).isEqualTo(LineSelector.categories("boots", "shoes"));
        assertThat(shoesOrBoots.matches(RED_SHOE)).isTrue();
    }

    @Test
    void aUnionListsBothSelectorsFieldByFieldAndKeepsEitherSidesExclusions() {
        LineSelector union = LineSelector.categories("shoes").excludingOnSale()
                .union(selector(Set.of("boots"), null, Set.of("acme")));

        assertThat(union).isEqualTo(new LineSelector(null, null, Set.of("shoes", "boots"), null, null, null, null,
                Set.of("acme"), null, true, null));
        assertThat(union.matches(RED_SHOE)).isFalse();
    }

    private static LineSelector selector(Set<String> categories, Set<String> brands, Set<String> excludeBrands) {
        return new LineSelector(null, null, categories, brands, null, null, null, excludeBrands, null, false, null);
    }

    private static PricingLine notDiscountable(PricingLine l) {
        return new PricingLine(l.id(), l.sku(), l.productId(), l.categories(), l.brand(), l.tags(), l.quantity(),
                l.unitPrice(), l.onSale(), false, l.taxRate(), l.unitCost(), l.floorPrice());
    }
}
