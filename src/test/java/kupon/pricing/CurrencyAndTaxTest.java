package kupon.pricing;

import kupon.support.CartBuilder;
import static kupon.support.CartBuilder.cart;
import static kupon.support.CartBuilder.line;
import static kupon.pricing.OfferBuilder.offer;
import static kupon.pricing.Priced.price;
import static kupon.pricing.Rewards.amountOff;
import static kupon.pricing.Rewards.freeShipping;
import static kupon.pricing.Rewards.percentOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Currencies, rounding and tax")
class CurrencyAndTaxTest {

    @Nested
    @DisplayName("currency scales")
    class Scales {

        @Test
        void yenHasNoMinorUnit() {
            // 10% of 1235 = 123.5, half-even to 124.
            Priced priced = price(cart().currency("JPY").line("tea", "1235"), offer("p", percentOff("10")));

            assertThat(priced.discountTotal()).isEqualTo("124");
            assertThat(priced.total()).isEqualTo("1111");
        }

        @Test
        void kuwaitiDinarHasThreeDecimals() {
            Priced priced = price(cart().currency("KWD").line("a", "10.000").line("b", "10.000").line("c", "10.000"),
                    offer("p", amountOff("20", Target.ITEMS)));

            assertThat(priced.lineDiscounts()).containsExactly("6.667", "6.667", "6.666");
            assertThat(priced.result.subtotal().amount().toPlainString()).isEqualTo("30.000");
        }

        @Test
        void everyAmountIsAtTheCurrencyScaleEvenWhenPricesAreNot() {
            Priced priced = price(cart().line("a", 3, "3.3333").shipping("5"), offer("p", percentOff("10")));

            assertThat(priced.result.subtotal().amount().toPlainString()).isEqualTo("10.00");
            assertThat(priced.result.shipping().amount().toPlainString()).isEqualTo("5.00");
            assertThat(priced.total()).isEqualTo("14.00");
        }

        @Test
        void currenciesWithoutMinorUnitsOfMoneyAreRejected() {
            assertThatThrownBy(() -> new PricingCart(Currency.getInstance("XXX"), false, List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XXX");
        }
    }

    @Nested
    @DisplayName("rounding mode")
    class RoundingModes {

        @Test
        void halfEvenByDefaultAndHalfUpWhenConfigured() {
            // 10% of 0.25 = 0.025.
            PricingCart cart = cart().line("a", "0.25").build();
            List<Offer> offers = List.of(offer("p", percentOff("10")).build());

            assertThat(new PricingEngine(Rounding.HALF_EVEN).price(cart, offers).discountTotal().amount())
                    .isEqualByComparingTo("0.02");
            assertThat(new PricingEngine(new Rounding(RoundingMode.HALF_UP)).price(cart, offers).discountTotal()
                    .amount()).isEqualByComparingTo("0.03");
        }
    }

    @Nested
    @DisplayName("tax on top of prices")
    class TaxExclusive {

        @Test
        void theApiExample() {
            Priced priced = price(cart().line(line("l1").quantity(2).price("50.00").taxRate("0.08").floor("30.00"))
                            .shipping("5.00", "0"),
                    offer("summer-10", percentOff("10")).code("SAVE10").priority(2),
                    offer("free-ship-50", freeShipping()).minSubtotal("50").priority(1));

            assertThat(priced.discountTotal()).isEqualTo("10.00");
            assertThat(priced.shippingDiscount()).isEqualTo("5.00");
            assertThat(priced.tax()).isEqualTo("7.20");
            assertThat(priced.total()).isEqualTo("97.20");
            assertThat(priced.line("l1").tax().amount().toPlainString()).isEqualTo("7.20");
            assertThat(priced.line("l1").adjustments()).containsExactly(new PricingResult.Adjustment("summer-10",
                    "SAVE10", Money.of("10.00", java.util.Currency.getInstance("USD"))));
            assertThat(priced.result.applied()).extracting(PricingResult.Applied::code).containsExactly("SAVE10", null);
        }

        @Test
        void shippingIsTaxedWithItsOwnRateAfterItsDiscount() {
            Priced priced = price(cart().line(line("a").price("100.00").taxRate("0.10")).shipping("10.00", "0.20"),
                    offer("half-ship", percentOff("50", Target.SHIPPING)));

            // 10.00 on the line, 20% of the 5.00 shipping left.
            assertThat(priced.tax()).isEqualTo("11.00");
            assertThat(priced.total()).isEqualTo("116.00");
        }

        @Test
        void eachLineIsRoundedOnItsOwn() {
            Priced priced = price(cart().line(line("a").price("0.05").taxRate("0.10"))
                    .line(line("b").price("0.05").taxRate("0.10")), new OfferBuilder[0]);

            // 0.005 per line rounds half-even to 0.00 each, not 0.01 on the 0.10 sum.
            assertThat(priced.tax()).isEqualTo("0.00");
        }
    }

    @Nested
    @DisplayName("tax included in prices")
    class TaxInclusive {

        @Test
        void taxIsExtractedFromTheDiscountedGrossAndNotAdded() {
            Priced priced = price(cart().pricesIncludeTax().line(line("a").price("119.00").taxRate("0.19")),
                    offer("p", percentOff("10")));

            // 119.00 - 11.90 = 107.10 gross, of which 107.10 × 0.19 / 1.19 = 17.10 is tax.
            assertThat(priced.tax()).isEqualTo("17.10");
            assertThat(priced.total()).isEqualTo("107.10");
        }

        @Test
        void shippingTaxIsExtractedToo() {
            Priced priced = price(cart().pricesIncludeTax().line(line("a").price("10.00")).shipping("12.00", "0.20"),
                    new OfferBuilder[0]);

            assertThat(priced.tax()).isEqualTo("2.00");
            assertThat(priced.total()).isEqualTo("22.00");
        }
    }
}
