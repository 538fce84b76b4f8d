package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The analytics pages show the API's figures: two orders in Danish kroner with a 10% promotion and one without, so
 * that no other test's orders enter them.
 */
@QuarkusTest
class AnalyticsPageTest {

    private final Scenario shop = new Scenario();
    private ConsoleUser marketer;

    @BeforeEach
    void signIn() {
        marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private void order(String sku, String price, String campaign) {
        Api.checkout().body(shop.checkout("""
                {"orderId": "ord-%s", "cart": {"currency": "DKK", "lines": [{"id": "l1", "sku": "%s", "quantity": 1, "unitPrice": "%s"}]},
                 "customer": {"id": "%s"}, "context": {"campaign": "%s"}}""".formatted(UUID.randomUUID(), sku, price, UUID.randomUUID(), campaign)))
                .when().post("/api/v1/orders").then().statusCode(201);
    }

    private String withOrders() {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Lamps 10%%", "reward": {"type": "PERCENT_OFF", "value": 10, "items": {"skus": ["LAMP"]}}}"""
                .formatted(shop.id("lamps")));
        order("LAMP", "200.00", "spring-" + shop.channel);
        order("LAMP", "300.00", "spring-" + shop.channel);
        order("RUG", "150.00", "spring-" + shop.channel);
        return promotion;
    }

    @Test
    void aPromotionsPageShowsItsFiguresTheSameAsTheApi() {
        String promotion = withOrders();
        String page = marketer.browser().queryParam("currency", "DKK").when().get("/console/analytics/promotions/" + promotion)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("data-figure=\"orders\">2<").contains("data-figure=\"revenue\">450.00 DKK<")
                .contains("data-figure=\"discount\">50.00 DKK<");
        // The chart's data travel as JSON in the page, and the same figures are in a table for those without JavaScript.
        assertThat(page).contains("data-chart=\"chart-series\">{").contains("\"450.00\"").contains("<td class=\"num\">450.00</td>");
    }

    @Test
    void theOverviewListsPromotionsAndCampaignsAndTheyComeAsCsv() {
        String promotion = withOrders();
        String overview = marketer.browser().queryParam("currency", "DKK").when().get("/console/analytics").then().statusCode(200)
                .extract().asString();
        assertThat(overview).contains("href=\"/console/analytics/campaigns/spring-" + shop.channel);
        marketer.browser().queryParam("currency", "DKK").queryParam("campaigns", "spring-" + shop.channel)
                .when().get("/console/analytics/compare").then().statusCode(200)
                .body(containsString("data-value=\"spring-" + shop.channel + "\""), containsString("<td class=\"num\">600.00</td>"));
        String csv = marketer.browser().queryParam("currency", "DKK").queryParam("promotions", promotion)
                .when().get("/console/analytics/compare.csv").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().filter(l -> l.contains(promotion)).findFirst()).get().asString().contains("450.00").contains("50.00");
    }

    @Test
    void aPeriodThatDoesNotCheckOutIsShownAtItsField() {
        String page = marketer.browser().queryParam("from", "yesterday").when().get("/console/analytics").then().statusCode(400)
                .extract().asString();
        assertThat(page).containsPattern("id=\"f-from\"[^>]*value=\"yesterday\"[^>]*aria-invalid=\"true\"").contains("id=\"f-from-error\"");
        marketer.browser().queryParam("timeZone", "+02:00").when().get("/console/analytics/promotions/anything")
                .then().statusCode(400).body(containsString("id=\"f-timeZone-error\""));
    }

    @Test
    void aPromotionNoOrderUsedSaysSo() {
        marketer.browser().when().get("/console/analytics/promotions/never-used-" + shop.channel).then().statusCode(404)
                .body(containsString("No recorded order used this promotion yet"));
    }
}
