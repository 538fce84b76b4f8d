package kupon.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a promotion, code, channel, source or campaign earned and cost in a period (docs/analytics.md defines each
 * figure). {@code codes}, {@code experiment} and {@code series} are there when they apply and were asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figures(String dimension, String value, String currency, long orders, long cancelledOrders,
                      long uniqueCustomers, long newCustomers, BigDecimal revenue, BigDecimal discountTotal,
                      BigDecimal discountCost, BigDecimal averageOrderValue, BigDecimal averageOrderValueWithout,
                      BigDecimal grossMargin, BigDecimal roi, BigDecimal influencedRevenue, BigDecimal influenceRate,
                      CodeFigures codes, Experiment experiment, List<Point> series) {

    /** For promotions with codes: codes entered (evaluations and orders), orders that redeemed one, rejections by reason. */
    public record CodeFigures(long attempts, long redemptions, Map<String, Long> rejections) {
    }

    /** One day, week or month (its first day, in the period's time zone). */
    public record Point(String start, long orders, long cancelledOrders, BigDecimal revenue, BigDecimal discountTotal,
                        BigDecimal discountCost) {
    }

    Figures with(CodeFigures codeFigures, Experiment experimentResult, List<Point> points) {
        return new Figures(dimension, value, currency, orders, cancelledOrders, uniqueCustomers, newCustomers, revenue,
                discountTotal, discountCost, averageOrderValue, averageOrderValueWithout, grossMargin, roi,
                influencedRevenue, influenceRate, codeFigures, experimentResult, points);
    }
}
