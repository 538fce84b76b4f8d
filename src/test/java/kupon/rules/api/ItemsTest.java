package kupon.rules.api;

import kupon.pricing.LineSelector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The item selector rule authors build, and what it becomes for the pricing core. */
class ItemsTest {

    @Test
    void allItemsListsNothingAndBecomesTheSelectorOfEveryLine() {
        assertThat(Items.all().toSelector()).isEqualTo(LineSelector.ALL);
        assertThat(Items.all().isAll()).isTrue();
        assertThat(Items.all()).hasToString("Items[all]");
    }

    @Test
    void everyFieldReachesThePricingCoreSelector() {
        LineSelector selector = Items.skus("SKU-1").andProductIds("P-1").andCategories("shoes").andBrands("acme")
                .andTags("new").excludeSkus("SKU-2").excludeCategories("kids").excludeBrands("luxe")
                .excludeTags("clearance").excludeOnSale().toSelector();

        assertThat(selector).isEqualTo(new LineSelector(
                java.util.Set.of("SKU-1"), java.util.Set.of("P-1"), java.util.Set.of("shoes"), java.util.Set.of("acme"),
                java.util.Set.of("new"), java.util.Set.of("SKU-2"), java.util.Set.of("kids"), java.util.Set.of("luxe"),
                java.util.Set.of("clearance"), true, null));
    }

    @Test
    void refiningASelectorLeavesTheOriginalUnchanged() {
        Items shoes = Items.categories("shoes");
        Items acmeShoes = shoes.andBrands("acme");

        assertThat(shoes).hasToString("Items[categories=[shoes]]");
        assertThat(acmeShoes).hasToString("Items[categories=[shoes], brands=[acme]]");
    }

    @Test
    void valuesOfOneFieldAddUpSoALineNeedsOnlyOneOfThem() {
        assertThat(Items.categories("shoes").andCategories("boots")).isEqualTo(Items.categories("boots", "shoes"));
    }

    @Test
    void selectorsListingTheSameValuesInAnyOrderAreEqual() {
        assertThat(Items.skus("B", "A").excludeOnSale()).isEqualTo(Items.skus("A", "B").excludeOnSale())
                .hasSameHashCodeAs(Items.skus("A", "B").excludeOnSale());
        assertThat(Items.skus("A")).isNotEqualTo(Items.productIds("A"));
    }

    @Test
    void withAddsAnotherSelectorFieldByField() {
        Items combined = Items.categories("shoes").excludeOnSale().with(Items.categories("boots").excludeBrands("luxe"));

        assertThat(combined).isEqualTo(Items.categories("shoes", "boots").excludeBrands("luxe").excludeOnSale());
    }

    @Test
    void aFieldWithoutValuesIsAMistake() {
        assertThatThrownBy(Items::categories).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categories(..) needs at least one value");
        assertThatThrownBy(() -> Items.skus("A", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skus(..) was given an empty value");
    }
}
