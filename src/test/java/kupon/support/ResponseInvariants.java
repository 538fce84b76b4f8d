package kupon.support;

import io.restassured.path.json.JsonPath;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The money invariants of docs/api.md, checked on an evaluate (or order) response. */
public final class ResponseInvariants {

    private ResponseInvariants() {
    }

    public static void assertHold(JsonPath response) {
        assertHold(response, false);
    }

    public static void assertHold(JsonPath response, boolean pricesIncludeTax) {
        int scale = Currency.getInstance(response.getString("currency")).getDefaultFractionDigits();
        BigDecimal subtotal = money(response.get("subtotal"), scale, "subtotal");
        BigDecimal discountTotal = money(response.get("discountTotal"), scale, "discountTotal");
        BigDecimal shipping = money(response.get("shipping"), scale, "shipping");
        BigDecimal shippingDiscount = money(response.get("shippingDiscount"), scale, "shippingDiscount");
        BigDecimal tax = money(response.get("tax"), scale, "tax");
        BigDecimal total = money(response.get("total"), scale, "total");

        BigDecimal lineSubtotals = BigDecimal.ZERO, lineDiscounts = BigDecimal.ZERO, lineTax = BigDecimal.ZERO;
        List<Map<String, Object>> lines = response.getList("lines");
        for (Map<String, Object> line : lines) {
            BigDecimal lineSubtotal = money(line.get("subtotal"), scale, "line subtotal");
            BigDecimal lineDiscount = money(line.get("discount"), scale, "line discount");
            BigDecimal lineTotal = money(line.get("total"), scale, "line total");
            lineTax = lineTax.add(money(line.get("tax"), scale, "line tax"));
            BigDecimal adjustments = BigDecimal.ZERO;
            for (Object adjustment : (List<?>) line.get("adjustments")) {
                adjustments = adjustments.add(money(((Map<?, ?>) adjustment).get("amount"), scale, "adjustment"));
            }
            assertThat(lineDiscount).as("line %s discount = Σ adjustments", line.get("id")).isEqualByComparingTo(adjustments);
            assertThat(lineTotal).as("line %s total = subtotal − discount", line.get("id")).isEqualByComparingTo(lineSubtotal.subtract(lineDiscount));
            assertThat(lineTotal.signum()).as("line %s total never negative", line.get("id")).isGreaterThanOrEqualTo(0);
            lineSubtotals = lineSubtotals.add(lineSubtotal);
            lineDiscounts = lineDiscounts.add(lineDiscount);
        }
        BigDecimal appliedToItems = BigDecimal.ZERO;
        BigDecimal appliedToShipping = BigDecimal.ZERO;
        for (Map<String, Object> applied : response.<Map<String, Object>>getList("applied")) {
            BigDecimal amount = money(applied.get("amount"), scale, "applied amount");
            if ("SHIPPING".equals(applied.get("target"))) appliedToShipping = appliedToShipping.add(amount);
            else appliedToItems = appliedToItems.add(amount);
        }
        assertThat(subtotal).as("subtotal = Σ line subtotals").isEqualByComparingTo(lineSubtotals);
        assertThat(discountTotal).as("discountTotal = Σ line discounts").isEqualByComparingTo(lineDiscounts);
        assertThat(discountTotal).as("discountTotal = Σ applied (items and order)").isEqualByComparingTo(appliedToItems);
        assertThat(shippingDiscount).as("shippingDiscount = Σ applied (shipping)").isEqualByComparingTo(appliedToShipping);
        assertThat(shippingDiscount).as("shippingDiscount ≤ shipping").isLessThanOrEqualTo(shipping);
        assertThat(tax).as("tax = Σ line tax + shipping tax").isGreaterThanOrEqualTo(lineTax);
        BigDecimal expectedTotal = subtotal.subtract(discountTotal).add(shipping).subtract(shippingDiscount)
                .add(pricesIncludeTax ? BigDecimal.ZERO : tax);
        assertThat(total).as("total = subtotal − discountTotal + shipping − shippingDiscount (+ tax when prices are net)")
                .isEqualByComparingTo(expectedTotal);
        assertThat(total.signum()).as("total never negative").isGreaterThanOrEqualTo(0);
    }

    private static BigDecimal money(Object value, int scale, String what) {
        assertThat(value).as(what + " is a JSON number").isInstanceOf(Number.class);
        // Whole JSON numbers arrive as Integer/Long; their scale is 0, which is right only for currencies like JPY.
        BigDecimal amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        assertThat(amount.scale()).as(what + " " + amount + " has the currency's scale").isEqualTo(scale);
        assertThat(amount.signum()).as(what + " is not negative").isGreaterThanOrEqualTo(0);
        return amount;
    }
}
