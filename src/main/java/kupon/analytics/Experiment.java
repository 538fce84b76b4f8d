package kupon.analytics;

import kupon.pricing.Rounding;

import java.math.BigDecimal;

/**
 * The result of a holdout experiment: each group's exposed shoppers, their orders and revenue, and what the promotion
 * added. Lift is the ratio of revenue per exposed shopper, treatment over control, minus one; its 95% confidence
 * interval comes from the delta method on the two groups' means of revenue per shopper (shoppers who did not order
 * count as zero), with a normal approximation. Money figures are exact; the lift and its interval are estimates.
 */
public record Experiment(Group treatment, Group control, BigDecimal incrementalRevenue, BigDecimal lift,
                         java.util.List<BigDecimal> liftConfidence95, String method) {

    static final String METHOD = "delta method on revenue per exposed shopper, normal approximation";
    private static final double Z95 = 1.959963984540054;

    /** One group: who was exposed, who ordered, what they spent. */
    public record Group(long exposedCustomers, long orderingCustomers, long orders, BigDecimal conversion, BigDecimal revenue,
                        BigDecimal revenuePerExposedCustomer, BigDecimal averageOrderValue) {
    }

    /** A group's raw figures: exposed shoppers, and per ordering shopper the revenue (as a sum and a sum of squares). */
    record Sample(long exposed, long ordering, long orders, BigDecimal revenue, double sumOfSquares) {
    }

    static Experiment of(Sample treatment, Sample control, int currencyScale) {
        Group t = group(treatment, currencyScale), c = group(control, currencyScale);
        BigDecimal incremental = null, lift = null;
        java.util.List<BigDecimal> interval = null;
        if (t.revenuePerExposedCustomer() != null && c.revenuePerExposedCustomer() != null) {
            // What the treated shoppers spent beyond what as many control shoppers spend: one rounding, at the end.
            incremental = treatment.revenue().subtract(Rounding.HALF_EVEN.divide(
                    control.revenue().multiply(BigDecimal.valueOf(treatment.exposed())), BigDecimal.valueOf(control.exposed()), currencyScale));
            double meanT = mean(treatment), meanC = mean(control);
            if (meanC > 0) {
                double ratio = meanT / meanC;
                lift = decimal(ratio - 1);
                if (treatment.exposed() > 1 && control.exposed() > 1) {
                    // Var(T/C) ≈ Var(T)/C² + T²·Var(C)/C⁴, with T and C the groups' mean revenue per shopper.
                    double se = Math.sqrt(varianceOfMean(treatment) / (meanC * meanC)
                            + meanT * meanT * varianceOfMean(control) / (meanC * meanC * meanC * meanC));
                    interval = java.util.List.of(decimal(ratio - 1 - Z95 * se), decimal(ratio - 1 + Z95 * se));
                }
            }
        }
        return new Experiment(t, c, incremental, lift, interval, METHOD);
    }

    private static Group group(Sample s, int scale) {
        BigDecimal exposed = BigDecimal.valueOf(s.exposed());
        return new Group(s.exposed(), s.ordering(), s.orders(),
                s.exposed() == 0 ? null : Rounding.HALF_EVEN.divide(BigDecimal.valueOf(s.ordering()), exposed, 4),
                AnalyticsReports.money(s.revenue(), scale),
                s.exposed() == 0 ? null : Rounding.HALF_EVEN.divide(s.revenue(), exposed, scale),
                s.orders() == 0 ? null : Rounding.HALF_EVEN.divide(s.revenue(), BigDecimal.valueOf(s.orders()), scale));
    }

    private static double mean(Sample s) {
        return s.revenue().doubleValue() / s.exposed();
    }

    /** The variance of a group's mean revenue per shopper: the sample variance over n, zeros included. */
    private static double varianceOfMean(Sample s) {
        double n = s.exposed(), mean = mean(s);
        double variance = Math.max(0, (s.sumOfSquares() - n * mean * mean) / (n - 1));
        return variance / n;
    }

    private static BigDecimal decimal(double value) {
        return Rounding.HALF_EVEN.divide(BigDecimal.valueOf(value), BigDecimal.ONE, 4);
    }
}
