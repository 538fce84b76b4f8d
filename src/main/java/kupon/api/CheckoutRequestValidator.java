package kupon.api;

import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.CheckoutRequest.LineInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static kupon.api.FieldLimits.ID;
import static kupon.api.FieldLimits.LABEL;
import static kupon.api.FieldLimits.LIST_ITEMS;
import static kupon.api.FieldLimits.text;
import static kupon.api.FieldLimits.texts;

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
        BodyCheck.check(request);
        CheckoutRequest.CartInput cart = request.cart();
        if (cart == null) {
            errors.add(new FieldError("cart", "is required"));
        } else {
            text("cart.id", cart.id(), ID, errors);
            Currency currency = currency(cart.currency(), errors);
            validateLines(cart.lines(), currency, errors);
            CheckoutRequest.ShippingInput shipping = cart.shipping();
            if (shipping != null) {
                money("cart.shipping.price", shipping.price(), currency, false, errors);
                rate("cart.shipping.taxRate", shipping.taxRate(), errors);
                text("cart.shipping.method", shipping.method(), LABEL, errors);
                text("cart.shipping.country", shipping.country(), LABEL, errors);
                text("cart.shipping.region", shipping.region(), LABEL, errors);
                address(shipping.address(), errors);
            }
        }
        customerAndContext(request, errors);
        List<String> codes = request.codes();
        if (codes != null) {
            if (codes.size() > MAX_CODES) {
                errors.add(new FieldError("codes", "has " + codes.size() + " codes; send at most " + MAX_CODES));
            }
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                if (code == null || code.isBlank()) errors.add(new FieldError("codes[" + i + "]", "must not be empty"));
                else text("codes[" + i + "]", code.trim(), FieldLimits.CODE, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void customerAndContext(CheckoutRequest request, List<FieldError> errors) {
        CheckoutRequest.CustomerInput customer = request.customer();
        if (customer != null) {
            text("customer.id", customer.id(), ID, errors);
            text("customer.email", customer.email(), FieldLimits.EMAIL, errors);
            texts("customer.segments", customer.segments(), LIST_ITEMS, LABEL, errors);
            text("customer.country", customer.country(), LABEL, errors);
            if (customer.orderCount() != null && customer.orderCount() < 0) errors.add(new FieldError("customer.orderCount", "must be ≥ 0"));
            if (customer.birthday() != null && kupon.customers.Birthday.parse(customer.birthday()).isEmpty()) {
                errors.add(new FieldError("customer.birthday", "must be a date such as \"1990-04-17\" or a month and day such as \"04-17\""));
            }
            attributes(customer.attributes(), errors);
        }
        CheckoutRequest.ContextInput context = request.context();
        if (context != null) {
            text("context.channel", context.channel(), LABEL, errors);
            text("context.ip", context.ip(), LABEL, errors);
            text("context.source", context.source(), LABEL, errors);
            text("context.campaign", context.campaign(), LABEL, errors);
            text("context.deviceId", context.deviceId(), FieldLimits.ID, errors);
        }
    }

    private static void attributes(java.util.Map<String, String> attributes, List<FieldError> errors) {
        if (attributes == null) return;
        if (attributes.size() > LIST_ITEMS) {
            errors.add(new FieldError("customer.attributes", "has " + attributes.size() + " entries; send at most " + LIST_ITEMS));
            return;
        }
        attributes.forEach((name, value) -> {
            if (name.isBlank()) errors.add(new FieldError("customer.attributes", "names must not be empty"));
            else text("customer.attributes", name, LABEL, errors);
            if (value == null) errors.add(new FieldError("customer.attributes." + FieldLimits.excerpt(name), "must be a string, not null"));
            else text("customer.attributes." + FieldLimits.excerpt(name), value, LABEL, errors);
        });
    }

    private static void address(CheckoutRequest.AddressInput address, List<FieldError> errors) {
        if (address == null) return;
        text("cart.shipping.address.line1", address.line1(), FieldLimits.NAME, errors);
        text("cart.shipping.address.line2", address.line2(), FieldLimits.NAME, errors);
        text("cart.shipping.address.postalCode", address.postalCode(), LABEL, errors);
        text("cart.shipping.address.city", address.city(), FieldLimits.NAME, errors);
        text("cart.shipping.address.region", address.region(), LABEL, errors);
        if (address.country() != null && !address.country().strip().matches("[A-Za-z]{2}")) {
            errors.add(new FieldError("cart.shipping.address.country", "must be an ISO 3166 alpha-2 country code such as \"US\""));
        }
    }

    private static Currency currency(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("cart.currency", "is required: an ISO 4217 code such as \"USD\""));
            return null;
        }
        if (code.length() != 3) {
            errors.add(new FieldError("cart.currency", "must be a three-letter ISO 4217 code such as \"USD\""));
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
            errors.add(new FieldError("cart.currency", "'" + FieldLimits.excerpt(code) + "' is not an ISO 4217 currency code; use one such as \"USD\""));
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
            else if (line.id().length() > ID) text(at + ".id", line.id(), ID, errors);
            else if (!ids.add(line.id())) errors.add(new FieldError(at + ".id", "'" + FieldLimits.excerpt(line.id()) + "' is used by another line; line ids must be unique"));
            if (line.sku() == null || line.sku().isBlank()) errors.add(new FieldError(at + ".sku", "is required"));
            else text(at + ".sku", line.sku(), ID, errors);
            text(at + ".productId", line.productId(), ID, errors);
            text(at + ".name", line.name(), FieldLimits.NAME, errors);
            text(at + ".brand", line.brand(), LABEL, errors);
            texts(at + ".categories", line.categories(), LIST_ITEMS, LABEL, errors);
            texts(at + ".tags", line.tags(), LIST_ITEMS, LABEL, errors);
            if (line.quantity() == null) errors.add(new FieldError(at + ".quantity", "is required"));
            else if (line.quantity() < 1) errors.add(new FieldError(at + ".quantity", "must be ≥ 1"));
            else if (line.quantity() > MAX_LINE_QUANTITY) errors.add(new FieldError(at + ".quantity", "must be ≤ " + MAX_LINE_QUANTITY));
            else units += line.quantity();
            money(at + ".unitPrice", line.unitPrice(), currency, true, errors);
            money(at + ".unitCost", line.unitCost(), currency, false, errors);
            money(at + ".floorPrice", line.floorPrice(), currency, false, errors);
            rate(at + ".taxRate", line.taxRate(), errors);
            if (line.availableQuantity() != null && line.availableQuantity() < 0) {
                errors.add(new FieldError(at + ".availableQuantity", "must be ≥ 0 (0: none left; leave it out when stock is not short)"));
            }
        }
        if (units > MAX_CART_QUANTITY) {
            errors.add(new FieldError("cart.lines", "hold " + units + " units in all; a cart may hold at most " + MAX_CART_QUANTITY));
        }
    }

    /** Money on a line or on shipping: below {@link FieldLimits#MAX_PRICE}, in the currency's minor unit. */
    static void money(String path, BigDecimal amount, Currency currency, boolean required, List<FieldError> errors) {
        if (amount == null) {
            if (required) errors.add(new FieldError(path, "is required"));
            return;
        }
        String problem = currency == null
                ? FieldLimits.moneyProblem(amount, FieldLimits.MAX_PRICE, FieldLimits.LEDGER_DECIMALS, "any currency")
                : FieldLimits.moneyProblem(amount, FieldLimits.MAX_PRICE, currency.getDefaultFractionDigits(), currency.getCurrencyCode());
        if (problem != null) errors.add(new FieldError(path, problem));
    }

    private static void rate(String path, BigDecimal rate, List<FieldError> errors) {
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
            errors.add(new FieldError(path, "must be a fraction between 0 and 1 (0.08 for 8%)"));
        }
    }
}
