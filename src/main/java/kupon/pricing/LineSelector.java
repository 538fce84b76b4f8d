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

    private static Set<String> immutable(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
