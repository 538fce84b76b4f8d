package kupon.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One cart line as the pricing core sees it: {@code quantity} units of {@code unitPrice}. A line not {@code inStock}
 * is never discounted and counts toward no condition; {@code availableQuantity}, when known, bounds how many of its
 * units a free gift or a buy-x-get-y may give.
 */
public record PricingLine(
        String id,
        String sku,
        String productId,
        List<String> categories,
        String brand,
        List<String> tags,
        int quantity,
        BigDecimal unitPrice,
        boolean onSale,
        boolean discountable,
        BigDecimal taxRate,
        BigDecimal unitCost,
        BigDecimal floorPrice,
        boolean inStock,
        Integer availableQuantity) {

    public PricingLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitPrice, "unitPrice of line " + id);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of line " + id + " must be at least 1, was " + quantity);
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice of line " + id + " must not be negative");
        }
        if (taxRate != null && taxRate.signum() < 0) {
            throw new IllegalArgumentException("taxRate of line " + id + " must not be negative");
        }
        if (floorPrice != null && floorPrice.signum() < 0) {
            throw new IllegalArgumentException("floorPrice of line " + id + " must not be negative");
        }
        if (availableQuantity != null && availableQuantity < 0) {
            throw new IllegalArgumentException("availableQuantity of line " + id + " must not be negative");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A line in stock, in any quantity. */
    public PricingLine(String id, String sku, String productId, List<String> categories, String brand, List<String> tags,
                       int quantity, BigDecimal unitPrice, boolean onSale, boolean discountable, BigDecimal taxRate,
                       BigDecimal unitCost, BigDecimal floorPrice) {
        this(id, sku, productId, categories, brand, tags, quantity, unitPrice, onSale, discountable, taxRate, unitCost,
                floorPrice, true, null);
    }

    /** How many of its units a reward may give away: all of them, unless stock is known to be short. */
    public int givable() {
        if (!inStock) return 0;
        return availableQuantity == null ? quantity : Math.min(quantity, availableQuantity);
    }

    /** A discountable line with only what pricing needs; the rest empty. */
    public static PricingLine of(String id, String sku, int quantity, BigDecimal unitPrice) {
        return new PricingLine(id, sku, null, null, null, null, quantity, unitPrice, false, true, null, null, null);
    }
}
