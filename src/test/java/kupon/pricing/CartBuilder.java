package kupon.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/** Builds carts for tests: USD, prices without tax, no shipping, unless a test says otherwise. */
final class CartBuilder {

    private Currency currency = Currency.getInstance("USD");
    private boolean pricesIncludeTax;
    private final List<PricingLine> lines = new ArrayList<>();
    private PricingShipping shipping;

    static CartBuilder cart() {
        return new CartBuilder();
    }

    /** A discountable line of one unit, sku = id. */
    static LineBuilder line(String id) {
        return new LineBuilder(id);
    }

    CartBuilder currency(String code) {
        currency = Currency.getInstance(code);
        return this;
    }

    CartBuilder pricesIncludeTax() {
        pricesIncludeTax = true;
        return this;
    }

    CartBuilder line(String id, String unitPrice) {
        return line(line(id).price(unitPrice));
    }

    CartBuilder line(String id, int quantity, String unitPrice) {
        return line(line(id).quantity(quantity).price(unitPrice));
    }

    CartBuilder line(LineBuilder line) {
        lines.add(line.build());
        return this;
    }

    CartBuilder shipping(String price) {
        return shipping(price, null);
    }

    CartBuilder shipping(String price, String taxRate) {
        shipping = new PricingShipping(new BigDecimal(price), taxRate == null ? null : new BigDecimal(taxRate));
        return this;
    }

    PricingCart build() {
        return new PricingCart(currency, pricesIncludeTax, lines, shipping);
    }

    /** One line with defaults: quantity 1, price 10.00, discountable, no categories, tax or floor. */
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
        private BigDecimal taxRate;
        private BigDecimal floorPrice;

        private LineBuilder(String id) {
            this.id = id;
            this.sku = id;
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

        LineBuilder taxRate(String value) {
            taxRate = new BigDecimal(value);
            return this;
        }

        LineBuilder floor(String value) {
            floorPrice = new BigDecimal(value);
            return this;
        }

        PricingLine build() {
            return new PricingLine(id, sku, productId, categories, brand, tags, quantity, unitPrice, onSale,
                    discountable, taxRate, null, floorPrice);
        }
    }
}
