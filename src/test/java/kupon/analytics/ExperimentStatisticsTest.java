package kupon.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiment's statistics on generated shoppers with a known effect: each exposed shopper orders with some
 * probability and spends a random amount; the treatment's spend is raised by a known lift. The 95% interval must
 * cover the true lift about 95% of the time, and an A/A split (no effect) must show none in at least 90% of seeds.
 */
class ExperimentStatisticsTest {

    private static final int SEEDS = 200;

    /** A group of {@code n} shoppers: 30% order once or twice, spending 20 to 180 each time, times {@code factor}. */
    private static Experiment.Sample group(Random random, int n, double factor) {
        long ordering = 0, orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() >= 0.3) continue;
            int count = 1 + random.nextInt(2);
            double spent = 0;
            for (int k = 0; k < count; k++) spent += Math.round((20 + random.nextDouble() * 160) * factor * 100) / 100.0;
            ordering++;
            orders += count;
            BigDecimal cents = BigDecimal.valueOf(Math.round(spent * 100), 2);
            revenue = revenue.add(cents);
            squares += cents.doubleValue() * cents.doubleValue();
        }
        return new Experiment.Sample(n, ordering, orders, revenue, squares);
    }

    private static boolean covers(Experiment e, double value) {
        return e.liftConfidence95().get(0).doubleValue() <= value && value <= e.liftConfidence95().get(1).doubleValue();
    }

    @Test
    void anAaSplitShowsNoEffectInAtLeastNinetyPercentOfSeeds() {
        int noEffect = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            Experiment aa = Experiment.of(group(random, 2000, 1.0), group(random, 2000, 1.0), 2);
            if (covers(aa, 0)) noEffect++;
        }
        assertThat(noEffect).as("seeds of %d whose interval holds 0", SEEDS).isGreaterThanOrEqualTo(SEEDS * 9 / 10);
    }

    @Test
    void aKnownLiftIsCoveredAndTellsFromNoEffect() {
        int covered = 0, significant = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(1000 + seed);
            Experiment e = Experiment.of(group(random, 5000, 1.25), group(random, 5000, 1.0), 2);
            if (covers(e, 0.25)) covered++;
            if (e.liftConfidence95().get(0).signum() > 0) significant++;
        }
        assertThat(covered).as("seeds whose interval holds the true lift 0.25").isGreaterThanOrEqualTo(SEEDS * 9 / 10);
        assertThat(significant).as("seeds that find the lift above 0").isGreaterThanOrEqualTo(SEEDS * 9 / 10);
    }

    @Test
    void theFiguresOfEachGroupAreExact() {
        Experiment e = Experiment.of(new Experiment.Sample(4, 2, 3, new BigDecimal("120.00"), 100 * 100 + 20 * 20),
                new Experiment.Sample(4, 1, 1, new BigDecimal("80.00"), 80 * 80), 2);

        assertThat(e.treatment().conversion()).isEqualByComparingTo("0.5");
        assertThat(e.treatment().revenuePerExposedCustomer()).isEqualTo(new BigDecimal("30.00"));
        assertThat(e.treatment().averageOrderValue()).isEqualTo(new BigDecimal("40.00"));
        assertThat(e.control().revenuePerExposedCustomer()).isEqualTo(new BigDecimal("20.00"));
        assertThat(e.incrementalRevenue()).as("(30 - 20) per shopper times 4 treated shoppers").isEqualTo(new BigDecimal("40.00"));
        assertThat(e.lift()).isEqualTo(new BigDecimal("0.5000"));
        assertThat(e.liftConfidence95().get(0)).isLessThan(e.lift());
        assertThat(e.liftConfidence95().get(1)).isGreaterThan(e.lift());
    }

    @Test
    void withoutControlRevenueThereIsNoLift() {
        Experiment e = Experiment.of(new Experiment.Sample(3, 1, 1, new BigDecimal("10.00"), 100),
                new Experiment.Sample(3, 0, 0, BigDecimal.ZERO, 0), 2);
        assertThat(e.lift()).isNull();
        assertThat(e.liftConfidence95()).isNull();
        assertThat(e.incrementalRevenue()).isEqualTo(new BigDecimal("10.00"));
    }
}
