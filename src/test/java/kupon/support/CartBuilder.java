package kupon.support;

import kupon.codes.PromoCode;
import kupon.evaluation.CheckoutRequest;
import kupon.pricing.PricingCart;
import kupon.pricing.PricingLine;
import kupon.pricing.PricingShipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * Builds a cart for tests: USD, prices without tax, no shipping, a returning customer in no segments, no codes,
 * unless a test says otherwise. The pricing tests price it as the pricing core's cart ({@link #build()}); the rule
 * tests send it as the request checkout sends ({@link #request()}).
 */
public final class CartBuilder {

    /** When rule tests evaluate: a Friday afternoon. */
    public static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

    private Currency currency = Currency.getInstance("USD");
    private boolean pricesIncludeTax;
    private final List<LineBuilder> lines = new ArrayList<>();
    private BigDecimal shipping;
    private BigDecimal shippingTaxRate;
    private String shippingMethod;
    private List<String> segments = List.of();
    private int orderCount = 3;
    private String birthday;
    private final java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
    private final List<String> codes = new ArrayList<>();

    public static CartBuilder cart() {
        return new CartBuilder();
    }

    /** A discountable line of one unit at 10.00, its SKU the same as its id. */
    public static LineBuilder line(String id) {
        return new LineBuilder(id);
    }

    public CartBuilder currency(String code) {
        currency = Currency.getInstance(code);
        return this;
    }

    public CartBuilder pricesIncludeTax() {
        pricesIncludeTax = true;
        return this;
    }

    public CartBuilder line(String id, String unitPrice) {
        return line(line(id).price(unitPrice));
    }

    public CartBuilder line(String id, int quantity, String unitPrice) {
        return line(line(id).quantity(quantity).price(unitPrice));
    }

    public CartBuilder line(LineBuilder line) {
        lines.add(line);
        return this;
    }

    /** Standard shipping at {@code price}, untaxed. */
    public CartBuilder shipping(String price) {
        return shipping(price, null);
    }

    /** Standard shipping at {@code price}, taxed at {@code taxRate} (null: untaxed). */
    public CartBuilder shipping(String price, String taxRate) {
        shippingMethod = "standard";
        shipping = new BigDecimal(price);
        shippingTaxRate = taxRate == null ? null : new BigDecimal(taxRate);
        return this;
    }

    /** Shipping by {@code method} (e.g. "express") at {@code price}. */
    public CartBuilder shippingBy(String method, String price) {
        shipping(price);
        shippingMethod = method;
        return this;
    }

    public CartBuilder customerIn(String... segments) {
        this.segments = List.of(segments);
        return this;
    }

    public CartBuilder firstOrder() {
        orderCount = 0;
        return this;
    }

    /** The customer's birthday as checkout sends it: {@code 1990-04-17} or {@code 04-17}. */
    public CartBuilder birthday(String birthday) {
        this.birthday = birthday;
        return this;
    }

    public CartBuilder attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    public CartBuilder code(String code) {
        codes.add(PromoCode.normalize(code));
        return this;
    }

    /** The pricing core's cart. */
    public PricingCart build() {
        return new PricingCart(currency, pricesIncludeTax, lines.stream().map(LineBuilder::pricing).toList(),
                shipping == null ? null : new PricingShipping(shipping, shippingTaxRate));
    }

    /** The checkout as a shop sends it to {@code POST /api/v1/evaluate}. */
    public CheckoutRequest request() {
        return new CheckoutRequest(
                new CheckoutRequest.CartInput("cart-1", currency.getCurrencyCode(), pricesIncludeTax,
                        lines.stream().map(LineBuilder::input).toList(),
                        shipping == null ? null : new CheckoutRequest.ShippingInput(shippingMethod, shipping, "US", null, shippingTaxRate)),
                new CheckoutRequest.CustomerInput("cust-1", "shopper@example.com", segments, "US", orderCount, birthday, attributes),
                List.copyOf(codes),
                new CheckoutRequest.ContextInput("web", "203.0.113.7", null, null));
    }

    /** One line with defaults: quantity 1, price 10.00, discountable, not on sale, no categories, brand, tags, tax or floor. */
    public static final class LineBuilder {
        private final String id;
        private String sku;
        private String productId;
        private List<String> categories = List.of();
        private String brand;
        private List<String> tags = List.of();
        private int quantity = 1;
        private BigDecimal unitPrice = new BigDecimal("10.00");
        private boolean onSale;
        private boolean discountable = true;
        private BigDecimal taxRate;
        private BigDecimal floorPrice;

        private LineBuilder(String id) {
            this.id = id;
            this.sku = id;
        }

        public LineBuilder sku(String value) {
            sku = value;
            return this;
        }

        public LineBuilder productId(String value) {
            productId = value;
            return this;
        }

        public LineBuilder categories(String... values) {
            categories = Arrays.asList(values);
            return this;
        }

        public LineBuilder brand(String value) {
            brand = value;
            return this;
        }

        public LineBuilder tags(String... values) {
            tags = Arrays.asList(values);
            return this;
        }

        public LineBuilder quantity(int value) {
            quantity = value;
            return this;
        }

        public LineBuilder price(String value) {
            unitPrice = new BigDecimal(value);
            return this;
        }

        public LineBuilder onSale() {
            onSale = true;
            return this;
        }

        public LineBuilder notDiscountable() {
            discountable = false;
            return this;
        }

        public LineBuilder taxRate(String value) {
            taxRate = new BigDecimal(value);
            return this;
        }

        public LineBuilder floor(String value) {
            floorPrice = new BigDecimal(value);
            return this;
        }

        private PricingLine pricing() {
            return new PricingLine(id, sku, productId, categories, brand, tags, quantity, unitPrice, onSale, discountable,
                    taxRate, null, floorPrice);
        }

        /** As a checkout line; without a product id of its own, the line's id stands for its product. */
        private CheckoutRequest.LineInput input() {
            return new CheckoutRequest.LineInput(id, sku, productId == null ? id : productId, id, categories, brand, tags,
                    quantity, unitPrice, onSale, discountable, taxRate, null, floorPrice);
        }
    }
}
