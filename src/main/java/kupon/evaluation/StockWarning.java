package kupon.evaluation;

/**
 * A free gift the shopper does not get as its promotion says, because of stock: none given ({@code GIFT_OUT_OF_STOCK})
 * or fewer ({@code GIFT_STOCK_SHORT}, {@code quantity} what is given).
 */
public record StockWarning(Kind kind, String promotionId, String sku,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer quantity) {

    public enum Kind { GIFT_OUT_OF_STOCK, GIFT_STOCK_SHORT }
}
