package kupon.orders;

import kupon.evaluation.CheckoutRequest;

import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /api/v1/orders}: the evaluate body plus the order's id and, optionally, the total checkout showed. */
public record OrderRequest(String orderId, BigDecimal expectedTotal, CheckoutRequest.CartInput cart,
                           CheckoutRequest.CustomerInput customer, List<String> codes, CheckoutRequest.ContextInput context) {

    public CheckoutRequest checkout() {
        return new CheckoutRequest(cart, customer, codes, context);
    }
}
