package kupon.evaluation;

import kupon.customers.HouseholdAddress;
import kupon.fraud.Requester;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/evaluate} (and, with an order id, of {@code POST /api/v1/orders}):
 * a cart, the shopper, the codes entered and where the checkout comes from. Money fields are parsed
 * exactly from JSON numbers or strings.
 */
public record CheckoutRequest(CartInput cart, CustomerInput customer, List<String> codes, ContextInput context) {

    /** Who sends it, for throttling and blocks: the IP is {@code context.ip} when given, else the connection's. */
    public Requester requester(String connectionIp) {
        String ip = context != null && context.ip() != null && !context.ip().isBlank() ? context.ip() : connectionIp;
        return Requester.of(ip, customer == null ? null : customer.id(), customer == null ? null : customer.email(), deviceId(), addressHash());
    }

    /**
     * Who may be guessing codes, as throttling counts them: IP, email, customer and device, not the address (a household
     * is throttled through its members), and cheap to work out before the request has been checked.
     */
    public Requester guesser(String connectionIp) {
        String ip = context != null && context.ip() != null && !context.ip().isBlank() ? context.ip() : connectionIp;
        return Requester.of(ip, customer == null ? null : customer.id(), customer == null ? null : customer.email(), deviceId(), null);
    }

    /** The same request with no codes entered: what a blocked requester's request is evaluated as. */
    CheckoutRequest withoutCodes() {
        return new CheckoutRequest(cart, customer, List.of(), context);
    }

    /** Whether any code was entered. */
    public boolean hasCodes() {
        return codes != null && !codes.isEmpty();
    }

    public record CartInput(String id, String currency, Boolean pricesIncludeTax, List<LineInput> lines,
                            ShippingInput shipping) {
    }

    public record LineInput(String id, String sku, String productId, String name, List<String> categories,
                            String brand, List<String> tags, Integer quantity, BigDecimal unitPrice, Boolean onSale,
                            Boolean discountable, BigDecimal taxRate, BigDecimal unitCost, BigDecimal floorPrice,
                            Boolean inStock, Integer availableQuantity) {
        public LineInput(String id, String sku, String productId, String name, List<String> categories, String brand,
                         List<String> tags, Integer quantity, BigDecimal unitPrice, Boolean onSale, Boolean discountable,
                         BigDecimal taxRate, BigDecimal unitCost, BigDecimal floorPrice) {
            this(id, sku, productId, name, categories, brand, tags, quantity, unitPrice, onSale, discountable, taxRate,
                    unitCost, floorPrice, null, null);
        }
    }

    public record ShippingInput(String method, BigDecimal price, String country, String region, BigDecimal taxRate,
                                AddressInput address) {
        public ShippingInput(String method, BigDecimal price, String country, String region, BigDecimal taxRate) {
            this(method, price, country, region, taxRate, null);
        }
    }

    /** Where the order ships; only its household hash is kept ({@link HouseholdAddress}). */
    public record AddressInput(String line1, String line2, String postalCode, String city, String region, String country) {
    }

    /** The shopper; {@code birthday} as {@code 1990-04-17} or {@code 04-17}, {@code attributes} free labels for rules. */
    public record CustomerInput(String id, String email, List<String> segments, String country, Integer orderCount,
                                String birthday, Map<String, String> attributes) {
        public CustomerInput(String id, String email, List<String> segments, String country, Integer orderCount) {
            this(id, email, segments, country, orderCount, null, null);
        }
    }

    public record ContextInput(String channel, String ip, String source, String campaign, String deviceId) {
        public ContextInput(String channel, String ip, String source, String campaign) {
            this(channel, ip, source, campaign, null);
        }
    }

    /** The household hash of the shipping address, or null without one. */
    public String addressHash() {
        AddressInput a = cart == null || cart.shipping() == null ? null : cart.shipping().address();
        if (a == null) return null;
        String country = a.country() != null ? a.country() : cart.shipping().country();
        return HouseholdAddress.hash(a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), country);
    }

    /** The device id checkout sent, or null. */
    public String deviceId() {
        return context == null || context.deviceId() == null || context.deviceId().isBlank() ? null : context.deviceId().strip();
    }
}
