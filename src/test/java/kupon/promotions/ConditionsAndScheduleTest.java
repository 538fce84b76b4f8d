package kupon.promotions;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets a promotion, and when: segments, first order, country, required items, schedules. */
@QuarkusTest
class ConditionsAndScheduleTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private static String cart(String customer, String shippingCountry) {
        return """
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "categories": ["shoes"], "quantity": 1, "unitPrice": "100.00"}],
                          "shipping": {"price": "5.00", "country": "%s"}},
                 "customer": %s}""".formatted(shippingCountry, customer);
    }

    private String tenOff(String name, String conditions) {
        return shop.promotion("""
                {"id": "%s", "name": "%s", "conditions": %s, "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}"""
                .formatted(shop.id(name), name, conditions));
    }

    @Test
    void customerSegmentsMustOverlap() {
        tenOff("gold", "{\"customerSegments\": [\"loyalty-gold\"]}");
        assertThat(shop.evaluate(cart("{\"segments\": [\"loyalty-gold\"]}", "US")).getString("discountTotal")).isEqualTo("10.00");
        assertThat(shop.evaluate(cart("{\"segments\": [\"new\"]}", "US")).getString("discountTotal")).isEqualTo("0.00");
        assertThat(shop.evaluate(cart("null", "US")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void firstOrderOnlyLooksAtTheCustomersOrderCount() {
        tenOff("welcome", "{\"firstOrderOnly\": true}");
        assertThat(shop.evaluate(cart("{\"id\": \"u-new\", \"orderCount\": 0}", "US")).getString("discountTotal")).isEqualTo("10.00");
        assertThat(shop.evaluate(cart("{\"id\": \"u-old\", \"orderCount\": 3}", "US")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void countriesAreTheShippingCountry() {
        tenOff("north-america", "{\"countries\": [\"US\", \"CA\"]}");
        assertThat(shop.evaluate(cart("null", "CA")).getString("discountTotal")).isEqualTo("10.00");
        assertThat(shop.evaluate(cart("null", "DE")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void requiredItemsMustBeInTheCart() {
        tenOff("with-socks", "{\"requiresItems\": {\"selector\": {\"categories\": [\"socks\"]}, \"minQuantity\": 1}}");
        assertThat(shop.evaluate(cart("null", "US")).getString("discountTotal")).isEqualTo("0.00");
        tenOff("with-shoes", "{\"requiresItems\": {\"selector\": {\"categories\": [\"shoes\"]}, \"minQuantity\": 1}}");
        assertThat(shop.evaluate(cart("null", "US")).getString("discountTotal")).isEqualTo("10.00");
    }

    @Test
    void aPromotionOutsideItsWindowDoesNotApply() {
        shop.promotion("""
                {"id": "%s", "name": "Last year", "schedule": {"startsAt": "2025-11-27T00:00:00-05:00", "endsAt": "2025-11-30T23:59:59-05:00",
                 "timeZone": "America/New_York"}, "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}"""
                .formatted(shop.id("last-year")));
        assertThat(shop.evaluate(cart("null", "US")).getString("discountTotal")).isEqualTo("0.00");
    }

    @Test
    void weekdaysAreReadInThePromotionsTimeZone() {
        DayOfWeek todayInTokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).getDayOfWeek();
        shop.promotion("""
                {"id": "%s", "name": "Today in Tokyo", "schedule": {"timeZone": "Asia/Tokyo", "daysOfWeek": ["%s"]},
                 "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""".formatted(shop.id("today"), todayInTokyo));
        shop.promotion("""
                {"id": "%s", "name": "Tomorrow in Tokyo", "schedule": {"timeZone": "Asia/Tokyo", "daysOfWeek": ["%s"]},
                 "reward": {"type": "AMOUNT_OFF", "value": "1.00", "target": "ORDER"}}""".formatted(shop.id("tomorrow"), todayInTokyo.plus(1)));
        assertThat(shop.evaluate(cart("null", "US")).getString("discountTotal")).isEqualTo("10.00");
    }
}
