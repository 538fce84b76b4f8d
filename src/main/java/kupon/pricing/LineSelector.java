package kupon.pricing;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which cart lines a reward or condition is about. Matching is exact (case-sensitive); an empty selector
 * matches every discountable line. The one model of a line selection: rule authors build it through
 * {@code kupon.rules.api.Items}, JSON promotions through their {@code items} object.
 */
public record LineSelector(
        Set<String> skus,
        Set<String> productIds,
        Set<String> categories,
        Set<String> brands,
        Set<String> tags,
        Set<String> excludeSkus,
        Set<String> excludeCategories,
        Set<String> excludeBrands,
        Set<String> excludeTags,
        boolean excludeOnSale,
        Set<String> lineIds) {

    public static final LineSelector ALL = new LineSelector(
            null, null, null, null, null, null, null, null, null, false, null);

    /** The value lists of a selector, each named as its component. */
    public enum Field {
        SKUS("skus"), PRODUCT_IDS("productIds"), CATEGORIES("categories"), BRANDS("brands"), TAGS("tags"),
        EXCLUDE_SKUS("excludeSkus"), EXCLUDE_CATEGORIES("excludeCategories"), EXCLUDE_BRANDS("excludeBrands"),
        EXCLUDE_TAGS("excludeTags"), LINE_IDS("lineIds");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The component's name, e.g. {@code excludeSkus}. */
        public String label() {
            return label;
        }
    }

    public LineSelector {
        skus = immutable(skus);
        productIds = immutable(productIds);
        categories = immutable(categories);
        brands = immutable(brands);
        tags = immutable(tags);
        excludeSkus = immutable(excludeSkus);
        excludeCategories = immutable(excludeCategories);
        excludeBrands = immutable(excludeBrands);
        excludeTags = immutable(excludeTags);
        lineIds = immutable(lineIds);
    }

    public static LineSelector skus(String... skus) {
        return new LineSelector(Set.of(skus), null, null, null, null, null, null, null, null, false, null);
    }

    public static LineSelector categories(String... categories) {
        return new LineSelector(null, null, Set.of(categories), null, null, null, null, null, null, false, null);
    }

    public static LineSelector lineIds(String... lineIds) {
        return new LineSelector(null, null, null, null, null, null, null, null, null, false, Set.of(lineIds));
    }

    public Set<String> values(Field field) {
        return switch (field) {
            case SKUS -> skus;
            case PRODUCT_IDS -> productIds;
            case CATEGORIES -> categories;
            case BRANDS -> brands;
            case TAGS -> tags;
            case EXCLUDE_SKUS -> excludeSkus;
            case EXCLUDE_CATEGORIES -> excludeCategories;
            case EXCLUDE_BRANDS -> excludeBrands;
            case EXCLUDE_TAGS -> excludeTags;
            case LINE_IDS -> lineIds;
        };
    }

    /**
     * This selector with {@code added} listed in {@code field} too. The values of one field add up: a line needs
     * one of them (or, in an exclusion, is left out by any of them).
     */
    public LineSelector plus(Field field, Collection<String> added) {
        Map<Field, Set<String>> lists = lists();
        lists.get(field).addAll(added);
        return of(lists, excludeOnSale);
    }

    /** Everything both selectors list, field by field; either side's exclusions apply. */
    public LineSelector union(LineSelector other) {
        Map<Field, Set<String>> lists = lists();
        for (Field field : Field.values()) {
            lists.get(field).addAll(other.values(field));
        }
        return of(lists, excludeOnSale || other.excludeOnSale);
    }

    /** This selector, leaving out lines the checkout marked as on sale. */
    public LineSelector excludingOnSale() {
        return excludeOnSale ? this : of(lists(), true);
    }

    public boolean matches(PricingLine line) {
        return line.discountable()
                && line.inStock()
                && includes(skus, line.sku())
                && includes(productIds, line.productId())
                && overlapsOrUnrestricted(categories, line.categories())
                && includes(brands, line.brand())
                && overlapsOrUnrestricted(tags, line.tags())
                && !excludeSkus.contains(line.sku())
                && !overlaps(excludeCategories, line.categories())
                && !(line.brand() != null && excludeBrands.contains(line.brand()))
                && !overlaps(excludeTags, line.tags())
                && !(excludeOnSale && line.onSale())
                && includes(lineIds, line.id());
    }

    private static boolean includes(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    private static boolean overlapsOrUnrestricted(Set<String> wanted, Collection<String> values) {
        return wanted.isEmpty() || overlaps(wanted, values);
    }

    private static boolean overlaps(Set<String> wanted, Collection<String> values) {
        for (String value : values) {
            if (wanted.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** Modifiable copies of the value lists, to build another selector from. */
    private Map<Field, Set<String>> lists() {
        Map<Field, Set<String>> lists = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            lists.put(field, new HashSet<>(values(field)));
        }
        return lists;
    }

    private static LineSelector of(Map<Field, Set<String>> lists, boolean excludeOnSale) {
        return new LineSelector(lists.get(Field.SKUS), lists.get(Field.PRODUCT_IDS), lists.get(Field.CATEGORIES),
                lists.get(Field.BRANDS), lists.get(Field.TAGS), lists.get(Field.EXCLUDE_SKUS),
                lists.get(Field.EXCLUDE_CATEGORIES), lists.get(Field.EXCLUDE_BRANDS), lists.get(Field.EXCLUDE_TAGS),
                excludeOnSale, lists.get(Field.LINE_IDS));
    }

    private static Set<String> immutable(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
