package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    @Test
    void twentyOverThreeEqualWeightsGivesTheOddCentToTheFirst() {
        assertThat(split("20.00", "1", "1", "1")).containsExactly("6.67", "6.67", "6.66");
    }

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        // exact shares 2.222…, 2.666…, 3.111… of 8.00
        assertThat(split("8.00", "5.00", "6.00", "7.00")).containsExactly("2.22", "2.67", "3.11");
    }

    @Test
    void zeroWeightsGetNothingUnlessAllAreZero() {
        assertThat(split("1.00", "0", "3")).containsExactly("0.00", "1.00");
        assertThat(split("1.00", "0", "0")).containsExactly("0.50", "0.50");
    }

    @Test
    void amountsBeyondEveryRealCartAreSplitTheSameWay() {
        // 10^17 units and weights too large for long arithmetic take the exact BigInteger path: same rule, same result.
        assertThat(split("100000000000000000.00", "1", "1", "1"))
                .containsExactly("33333333333333333.34", "33333333333333333.33", "33333333333333333.33");
        assertThat(split("8.00", "5000000000000000000.00", "6000000000000000000.00", "7000000000000000000.00"))
                .containsExactly("2.22", "2.67", "3.11");
    }

    @Property(tries = 300)
    void partsAddUpAndStayWithinOneCentOfTheExactShare(@ForAll @LongRange(min = 0, max = 10_000_000) long cents,
                                                       @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000) Long> weightCents,
                                                       @ForAll boolean huge) {
        // "huge" multiplies everything by 10^12, past what a long product holds: both paths must agree with the rule.
        BigDecimal factor = huge ? BigDecimal.TEN.pow(12) : BigDecimal.ONE;
        BigDecimal amount = BigDecimal.valueOf(cents, 2).multiply(factor).setScale(2);
        List<BigDecimal> weights = weightCents.stream().map(w -> BigDecimal.valueOf(w, 2).multiply(factor)).toList();
        List<BigDecimal> parts = Allocator.split(amount, weights, 2);

        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = sum.signum() == 0
                    ? amount.divide(BigDecimal.valueOf(parts.size()), 10, RoundingMode.DOWN)
                    : amount.multiply(weights.get(i)).divide(sum, 10, RoundingMode.DOWN);
            assertThat(parts.get(i).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
        }
    }

    private static List<String> split(String amount, String... weights) {
        return Allocator.split(new BigDecimal(amount), List.of(weights).stream().map(BigDecimal::new).toList(), 2)
                .stream().map(BigDecimal::toPlainString).toList();
    }
}
