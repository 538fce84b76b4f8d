package kupon.api;

import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.CheckoutRequest.LineInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks an evaluate or order body against the contract and lists every problem at once. */
public final class CheckoutRequestValidator {

    public static final int MAX_LINES = 500;
    public static final int MAX_CODES = 10;
    /** Per line and per cart: units are priced one by one, so quantities are bounded to keep evaluation fast. */
    public static final int MAX_LINE_QUANTITY = 10_000;
    public static final int MAX_CART_QUANTITY = 50_000;
    /** ISO 4217 funds and special codes that are not money a shop charges in. */
    private static final Set<String> NOT_MONEY = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
            "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA", "XTS", "XXX", "XAU", "XAG", "XPD", "XPT");

    private CheckoutRequestValidator() {
    }

    /** @throws InvalidRequestException naming every offending field */
    public static void validate(CheckoutRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldError("", "the body must be a JSON object with a cart")));
        }
        CheckoutRequest.CartInput cart = request.cart();
        if (cart == null) {
            errors.add(new FieldError("cart", "is required"));
        } else {
            Currency currency = currency(cart.currency(), errors);
            validateLines(cart.lines(), currency, errors);
            if (cart.shipping() != null) {
                money("cart.shipping.price", cart.shipping().price(), currency, false, errors);
                rate("cart.shipping.taxRate", cart.shipping().taxRate(), errors);
            }
        }
        List<String> codes = request.codes();
        if (codes != null) {
            if (codes.size() > MAX_CODES) {
                errors.add(new FieldError("codes", "has " + codes.size() + " codes; send at most " + MAX_CODES));
            }
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                if (code == null || code.isBlank()) errors.add(new FieldError("codes[" + i + "]", "must not be empty"));
                else if (code.trim().length() > 64) errors.add(new FieldError("codes[" + i + "]", "is longer than 64 characters"));
            }
        }
        if (request.customer() != null && request.customer().orderCount() != null && request.customer().orderCount() < 0) {
            errors.add(new FieldError("customer.orderCount", "must be ≥ 0"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static Currency currency(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("cart.currency", "is required: an ISO 4217 code such as \"USD\""));
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0 || NOT_MONEY.contains(code)) {
                errors.add(new FieldError("cart.currency", code + " is not a currency of money; use one such as \"USD\" or \"EUR\""));
                return null;
            }
            return currency;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cart.currency", "'" + code + "' is not an ISO 4217 currency code; use one such as \"USD\""));
            return null;
        }
    }

    private static void validateLines(List<LineInput> lines, Currency currency, List<FieldError> errors) {
        if (lines == null) {
            errors.add(new FieldError("cart.lines", "is required (an empty array for an empty cart)"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("cart.lines", "has " + lines.size() + " lines; send at most " + MAX_LINES));
            return;
        }
        Set<String> ids = new HashSet<>();
        long units = 0;
        for (int i = 0; i < lines.size(); i++) {
            String at = "cart.lines[" + i + "]";
            LineInput line = lines.get(i);
            if (line == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            if (line.id() == null || line.id().isBlank()) errors.add(new FieldError(at + ".id", "is required"));
            else if (!ids.add(line.id())) errors.add(new FieldError(at + ".id", "'" + line.id() + "' is used by another line; line ids must be unique"));
            if (line.sku() == null || line.sku().isBlank()) errors.add(new FieldError(at + ".sku", "is required"));
            if (line.quantity() == null) errors.add(new FieldError(at + ".quantity", "is required"));
            else if (line.quantity() < 1) errors.add(new FieldError(at + ".quantity", "must be ≥ 1"));
            else if (line.quantity() > MAX_LINE_QUANTITY) errors.add(new FieldError(at + ".quantity", "must be ≤ " + MAX_LINE_QUANTITY));
            else units += line.quantity();
            money(at + ".unitPrice", line.unitPrice(), currency, true, errors);
            money(at + ".unitCost", line.unitCost(), currency, false, errors);
            money(at + ".floorPrice", line.floorPrice(), currency, false, errors);
            rate(at + ".taxRate", line.taxRate(), errors);
        }
        if (units > MAX_CART_QUANTITY) {
            errors.add(new FieldError("cart.lines", "hold " + units + " units in all; a cart may hold at most " + MAX_CART_QUANTITY));
        }
    }

    private static void money(String path, BigDecimal amount, Currency currency, boolean required, List<FieldError> errors) {
        if (amount == null) {
            if (required) errors.add(new FieldError(path, "is required"));
            return;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError(path, "must be ≥ 0"));
        } else if (currency != null && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            errors.add(new FieldError(path, amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + currency.getDefaultFractionDigits() + ")"));
        } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError(path, "must be below 1,000,000,000,000"));
        }
    }

    private static void rate(String path, BigDecimal rate, List<FieldError> errors) {
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
            errors.add(new FieldError(path, "must be a fraction between 0 and 1 (0.08 for 8%)"));
        }
    }
}
