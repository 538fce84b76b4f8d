package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

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

    private static List<String> split(String amount, String... weights) {
        return Allocator.split(new BigDecimal(amount), List.of(weights).stream().map(BigDecimal::new).toList(), 2)
                .stream().map(BigDecimal::toPlainString).toList();
    }
}
