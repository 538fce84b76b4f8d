package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard points at what needs attention: promotions that end this week and budgets that are nearly spent. */
@QuarkusTest
class DashboardPageTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void aPromotionEndingInThreeDaysIsListedAndOneEndingNextMonthIsNot() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String soon = shop.promotion("""
                {"id": "%s", "name": "Ends soon %s", "reward": {"type": "PERCENT_OFF", "value": 5},
                 "schedule": {"endsAt": "%s"}}""".formatted(shop.id("soon"), shop.channel, now.plusDays(3)));
        String later = shop.promotion("""
                {"id": "%s", "name": "Ends later %s", "reward": {"type": "PERCENT_OFF", "value": 5},
                 "schedule": {"endsAt": "%s"}}""".formatted(shop.id("later"), shop.channel, now.plusDays(30)));
        String page = ConsoleUser.signIn(Api.MARKETER_KEY).browser().when().get("/console").then().statusCode(200).extract().asString();
        String ending = page.substring(page.indexOf("id=\"ending\""), page.indexOf("id=\"budgets\""));
        assertThat(ending).contains("href=\"/console/promotions/" + soon + "\"").doesNotContain(later);
    }

    @Test
    void aBudgetWithFourPercentLeftIsListedWithWhatIsLeft() {
        String nearlySpent = shop.promotion("""
                {"id": "%s", "name": "Budget %s", "reward": {"type": "AMOUNT_OFF", "value": "48.00", "target": "ORDER"},
                 "limits": {"budget": "100.00"}}""".formatted(shop.id("budget"), shop.channel));
        for (int i = 0; i < 2; i++) {
            Api.checkout().body(shop.checkout("""
                    {"orderId": "ord-%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "TENT", "quantity": 1, "unitPrice": "200.00"}]},
                     "customer": {"id": "%s"}}""".formatted(UUID.randomUUID(), UUID.randomUUID())))
                    .when().post("/api/v1/orders").then().statusCode(201);
        }
        String page = ConsoleUser.signIn(Api.MARKETER_KEY).browser().when().get("/console").then().statusCode(200).extract().asString();
        String budgets = page.substring(page.indexOf("id=\"budgets\""));
        assertThat(budgets).containsPattern("href=\"/console/promotions/" + nearlySpent + "\">Budget [^<]*</a></td><td class=\"num\">100.00</td>"
                + "<td class=\"num\">4.00</td><td class=\"num\">4.0</td>");
    }
}
