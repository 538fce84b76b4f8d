package kupon.rules.api;

import kupon.codes.PromoCode;
import kupon.customers.Spending;
import kupon.evaluation.CartEvaluation;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.support.CartBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static kupon.support.CartBuilder.cart;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention rules of docs/rules.md "Customer history and birthdays": a birthday offer, a loyalty tier by what the
 * shopper spent and a win-back offer for shoppers who have not ordered for 90 days. Evaluations run on
 * 2026-11-27 ({@link CartBuilder#NOW}); the recorded history is what the ledger would answer.
 */
@DisplayName("Retention rules: birthday, lifetime spend, last order")
class RetentionRulesTest {

    static final String RETENTION = """
            package kupon.rules.customer;

            import kupon.rules.model.*;
            import kupon.rules.api.*;
            global kupon.rules.api.Actions actions;

            rule "birthday-15: 15% off in the week of a birthday"
            when
                Customer( isBirthdayWithinDays(7) )
            then
                actions.promotion("birthday-15").name("Happy birthday: 15% off").percentOffOrder(15);
            end

            rule "gold-tier-10: 10% off once a shopper has spent 1,000"
            when
                Customer( lifetimeSpend >= 1000 )
            then
                actions.promotion("gold-tier-10").name("Gold tier: 10% off").percentOffOrder(10);
            end

            rule "win-back-20: 20.00 off for shoppers away for 90 days"
            when
                Customer( isInactiveForDays(90) )
            then
                actions.promotion("win-back-20").name("We missed you: 20.00 off").amountOffOrder("20.00");
            end

            rule "staff-5: 5% off for staff"
            when
                Customer( attribute("role") == "staff" )
            then
                actions.promotion("staff-5").name("Staff: 5% off").percentOffOrder(5);
            end
            """;

    /** What the order ledger would say of the shopper; counts how often it is asked. */
    static final class Recorded implements CartEvaluation.Lookups {
        final Spending spending;
        final AtomicInteger asked = new AtomicInteger();

        Recorded(int orders, String spent, Instant lastOrderAt) {
            this.spending = new Spending(orders, new BigDecimal(spent), lastOrderAt);
        }

        @Override
        public Map<String, PromoCode> codes(Collection<String> entered) {
            return Map.of();
        }

        @Override
        public Map<UsageKey, Usage> counters(Collection<UsageKey> keys) {
            return Map.of();
        }

        @Override
        public Spending spending(String customerId, String normalizedEmail, String currency) {
            asked.incrementAndGet();
            return spending;
        }

        @Override
        public Map<String, Integer> stock(Collection<String> skus) {
            return Map.of();
        }
    }

    private static Recorded lastOrderDaysAgo(int days, String spent) {
        return new Recorded(4, spent, CartBuilder.NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void aBirthdayTwoDaysAwayGetsTheBirthdayOfferAndNothingElse() {
        RuleHarness.Evaluated evaluated = RuleHarness.evaluate(RETENTION,
                cart().line("coat", "100.00").birthday("1990-11-29"), lastOrderDaysAgo(10, "250.00"));
        assertThat(evaluated.applied()).containsExactly("birthday-15=15.00");
    }

    @Test
    void aBirthdayGivenAsMonthAndDayWorksTheSameAndOneEightDaysAwayDoesNot() {
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00").birthday("11-27"),
                lastOrderDaysAgo(10, "0.00")).applied()).containsExactly("birthday-15=15.00");
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00").birthday("12-05"),
                lastOrderDaysAgo(10, "0.00")).applied()).isEmpty();
    }

    @Test
    void aShopperWhoSpent1200GetsTheGoldTierAndOneWhoSpent999_99DoesNot() {
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), lastOrderDaysAgo(10, "1200.00")).applied())
                .containsExactly("gold-tier-10=10.00");
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), lastOrderDaysAgo(10, "999.99")).applied())
                .isEmpty();
    }

    @Test
    void aShopperAwayFor120DaysIsWonBackButNotOneAwayFor30NorOneWhoNeverOrdered() {
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), lastOrderDaysAgo(120, "300.00")).applied())
                .containsExactly("win-back-20=20.00");
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), lastOrderDaysAgo(30, "300.00")).applied())
                .isEmpty();
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), new Recorded(0, "0", null)).applied())
                .isEmpty();
    }

    @Test
    void anAttributeSentByCheckoutIsAFact() {
        assertThat(RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00").attribute("role", "staff"),
                lastOrderDaysAgo(10, "0.00")).applied()).containsExactly("staff-5=5.00");
    }

    @Test
    void theHistoryIsReadOnceAndOnlyWhenARuleAsks() {
        Recorded recorded = lastOrderDaysAgo(120, "1200.00");
        RuleHarness.evaluate(RETENTION, cart().line("coat", "100.00"), recorded);
        assertThat(recorded.asked).hasValue(1);

        Recorded untouched = lastOrderDaysAgo(120, "1200.00");
        RuleHarness.evaluate("""
                package kupon.rules.catalog;

                import kupon.rules.model.*;
                global kupon.rules.api.Actions actions;

                rule "coats-10"
                when
                    $line : Line( sku == "coat" )
                then
                    actions.promotion("coats-10").percentOffItems(10).onLine($line);
                end
                """, cart().line("coat", "100.00"), untouched);
        assertThat(untouched.asked).hasValue(0);
    }

    @Test
    void aLeapDayBirthdayIsOnThe28thInOtherYears() {
        kupon.rules.model.Customer customer = new kupon.rules.model.Customer("c", null, List.of(), null, () -> 0,
                java.time.MonthDay.of(2, 29), Map.of(), null, java.time.LocalDate.of(2027, 2, 27));
        assertThat(customer.isBirthdayWithinDays(1)).isTrue();
        assertThat(customer.isBirthdayWithinDays(0)).isFalse();
    }
}
