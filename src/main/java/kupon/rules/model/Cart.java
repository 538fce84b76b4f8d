package kupon.rules.model;

import java.math.BigDecimal;

/**
 * The cart being evaluated, as rules see it. Amounts are the cart's prices before any discount;
 * conditions that must hold on the cart <em>as discounted so far</em> (minimum subtotal or
 * quantity) belong in the action API ({@code .minSubtotal("50.00")}), where the pricing core checks
 * them when the promotion's turn comes.
 */
public final class Cart {

    private final String id;
    private final String currency;
    private final BigDecimal subtotal;
    private final int quantity;
    private final boolean pricesIncludeTax;
    private final String shippingMethod;
    private final String shippingCountry;
    private final BigDecimal shippingPrice;

    public Cart(String id, String currency, BigDecimal subtotal, int quantity, boolean pricesIncludeTax,
                String shippingMethod, String shippingCountry, BigDecimal shippingPrice) {
        this.id = id;
        this.currency = currency;
        this.subtotal = subtotal;
        this.quantity = quantity;
        this.pricesIncludeTax = pricesIncludeTax;
        this.shippingMethod = shippingMethod;
        this.shippingCountry = shippingCountry;
        this.shippingPrice = shippingPrice;
    }

    public String getId() { return id; }
    public String getCurrency() { return currency; }
    /** Σ quantity × unit price over all lines, before discounts. */
    public BigDecimal getSubtotal() { return subtotal; }
    /** Σ quantity over all lines. */
    public int getQuantity() { return quantity; }
    public boolean isPricesIncludeTax() { return pricesIncludeTax; }
    public String getShippingMethod() { return shippingMethod; }
    public String getShippingCountry() { return shippingCountry; }
    /** The shipping price, 0 when the cart has no shipping. */
    public BigDecimal getShippingPrice() { return shippingPrice; }

    @Override
    public String toString() {
        return "Cart[" + id + ", " + subtotal + " " + currency + ", " + quantity + " units]";
    }
}
