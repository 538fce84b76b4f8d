package kupon.pricing;

import java.util.Collection;
import java.util.Set;

/**
 * Which cart lines a reward or condition is about. Matching is exact (case-sensitive); an empty selector
 * matches every discountable line.
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

    public boolean matches(PricingLine line) {
        return line.discountable()
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

    /** The fields a selector lists values in. */
    public enum Field { SKUS, PRODUCT_IDS, CATEGORIES, BRANDS, TAGS, EXCLUDE_SKUS, EXCLUDE_CATEGORIES, EXCLUDE_BRANDS, EXCLUDE_TAGS }

    /** The values listed in {@code field}. */
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
        };
    }

    /** This selector with {@code added} listed in {@code field} too. */
    public LineSelector plus(Field field, Collection<String> added) {
        Set<String>[] fields = fieldValues();
        Set<String> merged = new java.util.HashSet<>(fields[field.ordinal()]);
        merged.addAll(added);
        fields[field.ordinal()] = merged;
        return of(fields, excludeOnSale, lineIds);
    }

    /** Everything both list, field by field; either side's exclusions apply. The line ids are this selector's. */
    public LineSelector union(LineSelector other) {
        Set<String>[] fields = fieldValues();
        for (Field field : Field.values()) {
            Set<String> merged = new java.util.HashSet<>(fields[field.ordinal()]);
            merged.addAll(other.values(field));
            fields[field.ordinal()] = merged;
        }
        return of(fields, excludeOnSale || other.excludeOnSale, lineIds);
    }

    public LineSelector excludingOnSale() {
        return of(fieldValues(), true, lineIds);
    }

    /** This selector further limited to the lines with these ids (null or empty: any line). */
    public LineSelector onLines(Set<String> ids) {
        return of(fieldValues(), excludeOnSale, ids);
    }

    @SuppressWarnings("unchecked")
    private Set<String>[] fieldValues() {
        Set<String>[] fields = new Set[Field.values().length];
        for (Field field : Field.values()) fields[field.ordinal()] = values(field);
        return fields;
    }

    private static LineSelector of(Set<String>[] f, boolean excludeOnSale, Set<String> lineIds) {
        return new LineSelector(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], excludeOnSale, lineIds);
    }

    private static Set<String> immutable(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
