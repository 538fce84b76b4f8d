package kupon.rules.api;

import kupon.evaluation.CheckoutRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds a checkout for rule tests: USD, no shipping, a returning customer in no segments, no codes,
 * unless a test says otherwise, as the request checkout sends; {@link RuleHarness} evaluates it as the service does.
 */
final class CartBuilder {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

    private final List<LineBuilder> lines = new ArrayList<>();
    private BigDecimal shipping;
    private String shippingMethod;
    private List<String> segments = List.of();
    private int orderCount = 3;
    private final List<String> codes = new ArrayList<>();

    static CartBuilder cart() {
        return new CartBuilder();
    }

    /** A discountable line of one unit at 10.00, its SKU the same as its id. */
    static LineBuilder line(String id) {
        return new LineBuilder(id);
    }

    CartBuilder line(String id, int quantity, String unitPrice) {
        return line(line(id).quantity(quantity).price(unitPrice));
    }

    CartBuilder line(LineBuilder line) {
        lines.add(line);
        return this;
    }

    /** Standard shipping at {@code price}. */
    CartBuilder shipping(String price) {
        return shipping("standard", price);
    }

    CartBuilder shipping(String method, String price) {
        shippingMethod = method;
        shipping = new BigDecimal(price);
        return this;
    }

    CartBuilder customerIn(String... segments) {
        this.segments = List.of(segments);
        return this;
    }

    CartBuilder firstOrder() {
        orderCount = 0;
        return this;
    }

    CartBuilder code(String code) {
        codes.add(code.trim().toUpperCase(Locale.ROOT));
        return this;
    }

    /** The checkout as a shop sends it to {@code POST /api/v1/evaluate}. */
    CheckoutRequest request() {
        return new CheckoutRequest(
                new CheckoutRequest.CartInput("cart-1", "USD", false, lines.stream().map(LineBuilder::input).toList(),
                        shipping == null ? null : new CheckoutRequest.ShippingInput(shippingMethod, shipping, "US", null, null)),
                new CheckoutRequest.CustomerInput("cust-1", "shopper@example.com", segments, "US", orderCount),
                List.copyOf(codes),
                new CheckoutRequest.ContextInput("web", "203.0.113.7", null, null));
    }

    /** One line with defaults: quantity 1, price 10.00, discountable, not on sale, no categories, brand or tags. */
    static final class LineBuilder {
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

        private LineBuilder(String id) {
            this.id = id;
            this.sku = id;
            this.productId = id;
        }

        LineBuilder sku(String value) {
            sku = value;
            return this;
        }

        LineBuilder productId(String value) {
            productId = value;
            return this;
        }

        LineBuilder categories(String... values) {
            categories = Arrays.asList(values);
            return this;
        }

        LineBuilder brand(String value) {
            brand = value;
            return this;
        }

        LineBuilder tags(String... values) {
            tags = Arrays.asList(values);
            return this;
        }

        LineBuilder quantity(int value) {
            quantity = value;
            return this;
        }

        LineBuilder price(String value) {
            unitPrice = new BigDecimal(value);
            return this;
        }

        LineBuilder onSale() {
            onSale = true;
            return this;
        }

        LineBuilder notDiscountable() {
            discountable = false;
            return this;
        }

        private CheckoutRequest.LineInput input() {
            return new CheckoutRequest.LineInput(id, sku, productId, id, categories, brand, tags, quantity, unitPrice, onSale,
                    discountable, null, null, null);
        }
    }
}
