package kupon.rules.model;

import java.math.BigDecimal;
import java.util.List;

/** One cart line as rules see it: what the product is and what it costs before discounts. */
public final class Line {

    private final String id;
    private final String sku;
    private final String productId;
    private final String name;
    private final List<String> categories;
    private final String brand;
    private final List<String> tags;
    private final int quantity;
    private final BigDecimal unitPrice;
    private final boolean onSale;
    private final boolean discountable;

    public Line(String id, String sku, String productId, String name, List<String> categories, String brand,
                List<String> tags, int quantity, BigDecimal unitPrice, boolean onSale, boolean discountable) {
        this.id = id;
        this.sku = sku;
        this.productId = productId;
        this.name = name;
        this.categories = List.copyOf(categories);
        this.brand = brand;
        this.tags = List.copyOf(tags);
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.onSale = onSale;
        this.discountable = discountable;
    }

    public String getId() { return id; }
    public String getSku() { return sku; }
    public String getProductId() { return productId; }
    public String getName() { return name; }
    public List<String> getCategories() { return categories; }
    public String getBrand() { return brand; }
    public List<String> getTags() { return tags; }
    public int getQuantity() { return quantity; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    /** quantity × unit price. */
    public BigDecimal getSubtotal() { return unitPrice.multiply(BigDecimal.valueOf(quantity)); }
    public boolean isOnSale() { return onSale; }
    /** {@code false} lines are never discounted, whatever a rule asks. */
    public boolean isDiscountable() { return discountable; }

    public boolean inCategory(String category) { return categories.contains(category); }
    public boolean hasTag(String tag) { return tags.contains(tag); }

    @Override
    public String toString() {
        return "Line[" + id + ", " + sku + " × " + quantity + "]";
    }
}
