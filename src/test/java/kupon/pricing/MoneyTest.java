package kupon.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void equalityIsByValueNotScale() {
        assertThat(Money.of("10.0", USD)).isEqualTo(Money.of("10.00", USD)).hasSameHashCodeAs(Money.of("10", USD));
        assertThat(Money.of("10.00", USD)).isNotEqualTo(Money.of("10.00", EUR));
    }

    @Test
    void mixingCurrenciesNamesBoth() {
        assertThatThrownBy(() -> Money.of("1", USD).plus(Money.of("1", EUR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
    }

    @Test
    void arithmeticIsExactAndRoundingExplicit() {
        Money third = Money.of("10.00", USD).multiply(new BigDecimal("0.333"));

        assertThat(third.amount()).isEqualByComparingTo("3.33");
        assertThat(third.with(Rounding.HALF_EVEN).amount().toPlainString()).isEqualTo("3.33");
        assertThat(Money.of("5", USD).minus(Money.of("7.5", USD)).isNegative()).isTrue();
    }

    @Test
    void zeroAndMinorUnitsUseTheCurrencyScale() {
        assertThat(Money.zero(Currency.getInstance("KWD")).amount().toPlainString()).isEqualTo("0.000");
        assertThat(Money.ofMinor(1250, USD).amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.ofMinor(1250, Currency.getInstance("JPY")).amount().toPlainString()).isEqualTo("1250");
    }

    @Test
    void predicatesSpeakDomain() {
        assertThat(Money.of("2", USD).isGreaterThan(Money.of("1.99", USD))).isTrue();
        assertThat(Money.of("0.00", USD).isZero()).isTrue();
    }

    @Test
    void roundingRefusesUnnecessary() {
        assertThatThrownBy(() -> new Rounding(RoundingMode.UNNECESSARY)).isInstanceOf(IllegalArgumentException.class);
    }
}
