package kupon.evaluation;

import kupon.codes.PromoCode;
import kupon.customers.Birthday;
import kupon.customers.EmailNormalizer;
import kupon.customers.Spending;
import kupon.pricing.PricingCart;
import kupon.pricing.PricingLine;
import kupon.pricing.PricingShipping;
import kupon.promotions.PromotionCatalog;
import kupon.rules.model.Cart;
import kupon.rules.model.Clock;
import kupon.rules.model.Context;
import kupon.rules.model.Customer;
import kupon.rules.model.EnteredCode;
import kupon.rules.model.Line;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;

/**
 * A validated checkout request turned into what rules reason about (facts) and what the pricing
 * core computes on (the pricing cart). Built once per evaluation.
 */
record CheckoutFacts(Cart cart, List<Line> lines, Customer customer, List<EnteredCode> codes, List<String> excessCodes,
                     Context context, Clock clock, PricingCart pricingCart, String deviceId, String addressHash) {

    /** The attributes promotions are indexed by, one entry per line. */
    List<PromotionCatalog.LineKeys> lineKeys() {
        return lines.stream().map(l -> new PromotionCatalog.LineKeys(l.getSku(), l.getProductId(), l.getCategories(),
                l.getBrand(), l.getTags())).toList();
    }

    /**
     * @param connectionIp the caller's address, used when the request names no {@code context.ip}
     * @param history recorded orders by customer id and normalized email, read when a rule or promotion asks for
     *                what the request does not say ({@code orderCount}, lifetime spend, last order)
     */
    static CheckoutFacts of(CheckoutRequest request, Instant now, int maxCodesPerOrder, String connectionIp,
                            CartEvaluation.Lookups history) {
        CheckoutRequest.CartInput in = request.cart();
        Currency currency = Currency.getInstance(in.currency());
        List<CheckoutRequest.LineInput> inputLines = in.lines();
        List<Line> lines = new ArrayList<>(inputLines.size());
        List<PricingLine> pricingLines = new ArrayList<>(inputLines.size());
        BigDecimal subtotal = BigDecimal.ZERO;
        int quantity = 0;
        for (CheckoutRequest.LineInput l : inputLines) {
            List<String> categories = l.categories() == null ? List.of() : l.categories().stream().filter(Objects::nonNull).toList();
            List<String> tags = l.tags() == null ? List.of() : l.tags().stream().filter(Objects::nonNull).toList();
            boolean onSale = Boolean.TRUE.equals(l.onSale());
            boolean discountable = !Boolean.FALSE.equals(l.discountable());
            String productId = l.productId() == null ? l.sku() : l.productId();
            boolean inStock = !Boolean.FALSE.equals(l.inStock());
            pricingLines.add(new PricingLine(l.id(), l.sku(), productId, categories, l.brand(), tags, l.quantity(),
                    l.unitPrice(), onSale, discountable, l.taxRate(), l.unitCost(), l.floorPrice(), inStock, l.availableQuantity()));
            // An out-of-stock line counts toward no condition: rules do not see it, nor the cart's subtotal and quantity.
            if (!inStock) continue;
            lines.add(new Line(l.id(), l.sku(), productId, l.name(), categories, l.brand(), tags, l.quantity(),
                    l.unitPrice(), onSale, discountable));
            subtotal = subtotal.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
            quantity += l.quantity();
        }
        CheckoutRequest.ShippingInput shippingIn = in.shipping();
        BigDecimal shippingPrice = shippingIn == null || shippingIn.price() == null ? BigDecimal.ZERO : shippingIn.price();
        PricingShipping shipping = shippingIn == null ? null : new PricingShipping(shippingPrice, shippingIn.taxRate());
        boolean pricesIncludeTax = Boolean.TRUE.equals(in.pricesIncludeTax());
        Cart cart = new Cart(in.id(), in.currency(), subtotal, quantity, pricesIncludeTax,
                shippingIn == null ? null : shippingIn.method(), shippingIn == null ? null : shippingIn.country(), shippingPrice);

        CheckoutRequest.CustomerInput c = request.customer();
        Customer customer;
        if (c == null) {
            customer = new Customer(null, null, List.of(), null, 0);
        } else {
            String email = EmailNormalizer.normalize(c.email());
            String id = c.id() == null || c.id().isBlank() ? null : c.id();
            RecordedHistory recorded = new RecordedHistory(history, id, email, in.currency());
            customer = new Customer(id, email,
                    c.segments() == null ? List.of() : c.segments().stream().filter(Objects::nonNull).toList(),
                    c.country(), c.orderCount() != null ? c.orderCount()::intValue : recorded::orders,
                    Birthday.parse(c.birthday()).orElse(null), c.attributes() == null ? Map.of() : c.attributes(), recorded,
                    LocalDate.ofInstant(now, ZoneOffset.UTC));
        }

        Set<String> distinct = new LinkedHashSet<>();
        if (request.codes() != null) {
            request.codes().forEach(code -> distinct.add(PromoCode.normalize(code)));
        }
        List<EnteredCode> codes = new ArrayList<>();
        List<String> excess = new ArrayList<>();
        for (String code : distinct) {
            if (codes.size() < maxCodesPerOrder) codes.add(new EnteredCode(code));
            else excess.add(code);
        }

        CheckoutRequest.ContextInput ctx = request.context();
        String country = shippingIn != null && shippingIn.country() != null ? shippingIn.country() : customer.getCountry();
        String ip = ctx != null && ctx.ip() != null && !ctx.ip().isBlank() ? ctx.ip().trim() : connectionIp;
        Context context = ctx == null ? new Context(null, null, null, ip, country)
                : new Context(ctx.channel(), ctx.source(), ctx.campaign(), ip, country);

        return new CheckoutFacts(cart, List.copyOf(lines), customer, List.copyOf(codes), List.copyOf(excess), context,
                new Clock(now), new PricingCart(currency, pricesIncludeTax, pricingLines, shipping), request.deviceId(),
                request.addressHash());
    }

    /** The shopper's spending, looked up once, on the first question a rule or promotion asks. */
    private static final class RecordedHistory implements Customer.History {
        private final CartEvaluation.Lookups lookups;
        private final String id, email, currency;
        private Spending spending;

        RecordedHistory(CartEvaluation.Lookups lookups, String id, String email, String currency) {
            this.lookups = lookups;
            this.id = id;
            this.email = email;
            this.currency = currency;
        }

        private Spending spending() {
            if (spending == null) spending = lookups.spending(id, email, currency);
            return spending;
        }

        int orders() {
            return spending().orders();
        }

        @Override
        public BigDecimal lifetimeSpend() {
            return spending().lifetimeSpend();
        }

        @Override
        public Instant lastOrderAt() {
            return spending().lastOrderAt();
        }
    }
}
