package kupon.rules.api;

import kupon.pricing.LineSelector;
import kupon.pricing.LineSelector.Field;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Which cart lines something is about: the items a reward discounts ({@code .onItems(..)}), the items a
 * promotion requires ({@code .requiresItems(..)}) and the bought and got items of a buy-x-get-y ({@link BuyGet}).
 * <pre>
 * Items.categories("shoes").andBrands("acme").excludeTags("clearance").excludeOnSale()
 * </pre>
 * A line matches when it has one of the listed values of <em>every</em> listed field (sku, product id,
 * categories, brand, tags) and none of the excluded ones. {@link #all()} lists nothing and matches every
 * discountable line; lines sent as not discountable never match. Matching is exact and case-sensitive.
 *
 * <p>Immutable: every method returns a new selector and leaves the one it was called on unchanged, so a
 * selector can be kept in a variable and refined in several directions.
 */
public final class Items {

    private static final Items ALL = new Items(LineSelector.ALL);

    /** What this lists, in the pricing core's own model; rule code never sees it, it only builds it. */
    private final LineSelector selector;

    private Items(LineSelector selector) {
        this.selector = selector;
    }

    // --- starting points -------------------------------------------------------------------------

    /** Every discountable line. Refine it with the {@code and…} and {@code exclude…} methods. */
    public static Items all() {
        return ALL;
    }

    /** Lines whose SKU is one of {@code skus}. */
    public static Items skus(String... skus) {
        return ALL.andSkus(skus);
    }

    /** Lines whose product id is one of {@code productIds} (a product's variants share it). */
    public static Items productIds(String... productIds) {
        return ALL.andProductIds(productIds);
    }

    /** Lines in at least one of {@code categories}. */
    public static Items categories(String... categories) {
        return ALL.andCategories(categories);
    }

    /** Lines whose brand is one of {@code brands}. */
    public static Items brands(String... brands) {
        return ALL.andBrands(brands);
    }

    /** Lines carrying at least one of {@code tags}. */
    public static Items tags(String... tags) {
        return ALL.andTags(tags);
    }

    // --- further requirements (a line must meet every listed field) --------------------------------

    /**
     * Lines that also have one of these SKUs. Values add to any SKUs already listed: a line needs one of
     * them, not all.
     */
    public Items andSkus(String... values) {
        return plus(Field.SKUS, values);
    }

    /** Lines that also have one of these product ids. Values add to any product ids already listed. */
    public Items andProductIds(String... values) {
        return plus(Field.PRODUCT_IDS, values);
    }

    /**
     * Lines that are also in one of these categories, e.g. {@code Items.brands("acme").andCategories("shoes")}
     * is Acme shoes. Values add to any categories already listed: a line needs one of them, not all.
     */
    public Items andCategories(String... values) {
        return plus(Field.CATEGORIES, values);
    }

    /** Lines that are also of one of these brands. Values add to any brands already listed. */
    public Items andBrands(String... values) {
        return plus(Field.BRANDS, values);
    }

    /** Lines that also carry one of these tags. Values add to any tags already listed. */
    public Items andTags(String... values) {
        return plus(Field.TAGS, values);
    }

    // --- exclusions --------------------------------------------------------------------------------

    /** Leaves out lines with any of these SKUs. */
    public Items excludeSkus(String... values) {
        return plus(Field.EXCLUDE_SKUS, values);
    }

    /** Leaves out lines in any of these categories. */
    public Items excludeCategories(String... values) {
        return plus(Field.EXCLUDE_CATEGORIES, values);
    }

    /** Leaves out lines of any of these brands. */
    public Items excludeBrands(String... values) {
        return plus(Field.EXCLUDE_BRANDS, values);
    }

    /** Leaves out lines carrying any of these tags. */
    public Items excludeTags(String... values) {
        return plus(Field.EXCLUDE_TAGS, values);
    }

    /** Leaves out lines the checkout marked as already on sale. */
    public Items excludeOnSale() {
        return new Items(selector.excludingOnSale());
    }

    // --- combining and converting ----------------------------------------------------------------

    /**
     * This selector with everything {@code other} lists added field by field: the values of each field add up
     * and either side's exclusions apply. Used where one promotion's items are given in several calls.
     */
    public Items with(Items other) {
        Objects.requireNonNull(other, "items");
        return new Items(selector.union(other.selector));
    }

    /** True when nothing is listed or excluded, so every discountable line matches. */
    public boolean isAll() {
        return equals(ALL);
    }

    /** The pricing core's form of this selector. */
    public LineSelector toSelector() {
        return selector;
    }

    /** The pricing core's form of this selector, further limited to the lines with these ids (null or empty = any line). */
    LineSelector toSelector(Set<String> lineIds) {
        return lineIds == null || lineIds.isEmpty() ? selector : selector.plus(Field.LINE_IDS, lineIds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Items other && selector.equals(other.selector);
    }

    @Override
    public int hashCode() {
        return selector.hashCode();
    }

    /** Lists only what is set, values sorted, e.g. {@code Items[categories=[shoes], excludeOnSale]}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "Items[", "]").setEmptyValue("Items[all]");
        for (Field field : Field.values()) {
            Set<String> values = selector.values(field);
            if (!values.isEmpty()) {
                text.add(field.label() + "=" + new TreeSet<>(values));
            }
        }
        if (selector.excludeOnSale()) {
            text.add("excludeOnSale");
        }
        return text.toString();
    }

    /** This selector with {@code values} added to {@code field}; what a rule gave is checked here, in its rule. */
    private Items plus(Field field, String[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(field.label() + "(..) needs at least one value");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field.label() + "(..) was given an empty value");
            }
        }
        return new Items(selector.plus(field, List.of(values)));
    }
}
