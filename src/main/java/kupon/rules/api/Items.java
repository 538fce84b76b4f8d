package kupon.rules.api;

import kupon.pricing.LineSelector;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
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

    private static final Items ALL = new Items(Field.none(), Field.none(), Field.none(), Field.none(), Field.none(),
            Field.none(), Field.none(), Field.none(), Field.none(), false);

    private final SortedSet<String> skus;
    private final SortedSet<String> productIds;
    private final SortedSet<String> categories;
    private final SortedSet<String> brands;
    private final SortedSet<String> tags;
    private final SortedSet<String> excludeSkus;
    private final SortedSet<String> excludeCategories;
    private final SortedSet<String> excludeBrands;
    private final SortedSet<String> excludeTags;
    private final boolean excludeOnSale;

    private Items(SortedSet<String> skus, SortedSet<String> productIds, SortedSet<String> categories,
                  SortedSet<String> brands, SortedSet<String> tags, SortedSet<String> excludeSkus,
                  SortedSet<String> excludeCategories, SortedSet<String> excludeBrands, SortedSet<String> excludeTags,
                  boolean excludeOnSale) {
        this.skus = skus;
        this.productIds = productIds;
        this.categories = categories;
        this.brands = brands;
        this.tags = tags;
        this.excludeSkus = excludeSkus;
        this.excludeCategories = excludeCategories;
        this.excludeBrands = excludeBrands;
        this.excludeTags = excludeTags;
        this.excludeOnSale = excludeOnSale;
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
        return new Items(Field.plus(skus, values, "skus"), productIds, categories, brands, tags, excludeSkus,
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    /** Lines that also have one of these product ids. Values add to any product ids already listed. */
    public Items andProductIds(String... values) {
        return new Items(skus, Field.plus(productIds, values, "productIds"), categories, brands, tags, excludeSkus,
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    /**
     * Lines that are also in one of these categories, e.g. {@code Items.brands("acme").andCategories("shoes")}
     * is Acme shoes. Values add to any categories already listed: a line needs one of them, not all.
     */
    public Items andCategories(String... values) {
        return new Items(skus, productIds, Field.plus(categories, values, "categories"), brands, tags, excludeSkus,
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    /** Lines that are also of one of these brands. Values add to any brands already listed. */
    public Items andBrands(String... values) {
        return new Items(skus, productIds, categories, Field.plus(brands, values, "brands"), tags, excludeSkus,
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    /** Lines that also carry one of these tags. Values add to any tags already listed. */
    public Items andTags(String... values) {
        return new Items(skus, productIds, categories, brands, Field.plus(tags, values, "tags"), excludeSkus,
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    // --- exclusions --------------------------------------------------------------------------------

    /** Leaves out lines with any of these SKUs. */
    public Items excludeSkus(String... values) {
        return new Items(skus, productIds, categories, brands, tags, Field.plus(excludeSkus, values, "excludeSkus"),
                excludeCategories, excludeBrands, excludeTags, excludeOnSale);
    }

    /** Leaves out lines in any of these categories. */
    public Items excludeCategories(String... values) {
        return new Items(skus, productIds, categories, brands, tags, excludeSkus,
                Field.plus(excludeCategories, values, "excludeCategories"), excludeBrands, excludeTags, excludeOnSale);
    }

    /** Leaves out lines of any of these brands. */
    public Items excludeBrands(String... values) {
        return new Items(skus, productIds, categories, brands, tags, excludeSkus, excludeCategories,
                Field.plus(excludeBrands, values, "excludeBrands"), excludeTags, excludeOnSale);
    }

    /** Leaves out lines carrying any of these tags. */
    public Items excludeTags(String... values) {
        return new Items(skus, productIds, categories, brands, tags, excludeSkus, excludeCategories, excludeBrands,
                Field.plus(excludeTags, values, "excludeTags"), excludeOnSale);
    }

    /** Leaves out lines the checkout marked as already on sale. */
    public Items excludeOnSale() {
        return new Items(skus, productIds, categories, brands, tags, excludeSkus, excludeCategories, excludeBrands,
                excludeTags, true);
    }

    // --- combining and converting ----------------------------------------------------------------

    /**
     * This selector with everything {@code other} lists added field by field: the values of each field add up
     * and either side's exclusions apply. Used where one promotion's items are given in several calls.
     */
    public Items with(Items other) {
        Objects.requireNonNull(other, "items");
        return new Items(Field.union(skus, other.skus), Field.union(productIds, other.productIds),
                Field.union(categories, other.categories), Field.union(brands, other.brands),
                Field.union(tags, other.tags), Field.union(excludeSkus, other.excludeSkus),
                Field.union(excludeCategories, other.excludeCategories), Field.union(excludeBrands, other.excludeBrands),
                Field.union(excludeTags, other.excludeTags), excludeOnSale || other.excludeOnSale);
    }

    /** True when nothing is listed or excluded, so every discountable line matches. */
    public boolean isAll() {
        return equals(ALL);
    }

    /** The pricing core's form of this selector. */
    public LineSelector toSelector() {
        return toSelector(null);
    }

    /** The pricing core's form of this selector, further limited to the lines with these ids (null or empty = any line). */
    LineSelector toSelector(Set<String> lineIds) {
        return new LineSelector(skus, productIds, categories, brands, tags, excludeSkus, excludeCategories,
                excludeBrands, excludeTags, excludeOnSale, lineIds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Items other
                && skus.equals(other.skus) && productIds.equals(other.productIds)
                && categories.equals(other.categories) && brands.equals(other.brands) && tags.equals(other.tags)
                && excludeSkus.equals(other.excludeSkus) && excludeCategories.equals(other.excludeCategories)
                && excludeBrands.equals(other.excludeBrands) && excludeTags.equals(other.excludeTags)
                && excludeOnSale == other.excludeOnSale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(skus, productIds, categories, brands, tags, excludeSkus, excludeCategories, excludeBrands,
                excludeTags, excludeOnSale);
    }

    /** Lists only what is set, values sorted, e.g. {@code Items[categories=[shoes], excludeOnSale]}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "Items[", "]").setEmptyValue("Items[all]");
        Field.describe(text, "skus", skus);
        Field.describe(text, "productIds", productIds);
        Field.describe(text, "categories", categories);
        Field.describe(text, "brands", brands);
        Field.describe(text, "tags", tags);
        Field.describe(text, "excludeSkus", excludeSkus);
        Field.describe(text, "excludeCategories", excludeCategories);
        Field.describe(text, "excludeBrands", excludeBrands);
        Field.describe(text, "excludeTags", excludeTags);
        if (excludeOnSale) {
            text.add("excludeOnSale");
        }
        return text.toString();
    }

    /** The sorted, unmodifiable value sets of a selector's fields; sorted so equal selectors read the same. */
    private static final class Field {

        static SortedSet<String> none() {
            return Collections.emptySortedSet();
        }

        static SortedSet<String> plus(SortedSet<String> current, String[] values, String name) {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException(name + "(..) needs at least one value");
            }
            TreeSet<String> result = new TreeSet<>(current);
            for (String value : values) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(name + "(..) was given an empty value");
                }
                result.add(value);
            }
            return Collections.unmodifiableSortedSet(result);
        }

        static SortedSet<String> union(SortedSet<String> a, SortedSet<String> b) {
            if (b.isEmpty()) {
                return a;
            }
            TreeSet<String> result = new TreeSet<>(a);
            result.addAll(b);
            return Collections.unmodifiableSortedSet(result);
        }

        static void describe(StringJoiner text, String name, SortedSet<String> values) {
            if (!values.isEmpty()) {
                text.add(name + "=" + values);
            }
        }
    }
}
