package kupon.console;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's main tasks done in a real headless Chromium against the running service, as a marketer does them:
 * sign in, create a promotion through the form and see it apply in the preview, read the charts. Every page visited
 * is saved under target/console-screenshots/, at laptop and tablet width. Skipped, with a notice, without Chromium.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private final Scenario shop = new Scenario();

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable(ConsoleBrowserTest.class);
    }

    @BeforeEach
    void startBrowser() {
        if (browser == null) browser = new Browser(base.toString());
        browser.resize(Browser.LAPTOP);
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    @Test
    void signingInStartsAtTheKeyAndLandsOnTheDashboardWithItsChart() {
        browser.open("/console/sign-out-first-" + UUID.randomUUID());
        browser.open("/console/sign-in");
        assertThat(browser.focused()).as("the key input has the focus").isEqualTo("input#key");
        browser.shoot("sign-in");
        browser.type("#key", "not-a-key");
        browser.click("button[type=submit]");
        assertThat(browser.waitFor("#key-error").getText()).contains("not a marketer or admin key");
        assertThat(browser.find("#key").getAttribute("aria-describedby")).isEqualTo("key-error");

        browser.signIn(Api.MARKETER_KEY);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text("h1")).isEqualTo("Dashboard");
        Long datasets = browser.waitUntil(d -> (Long) browser.script(
                "var c = window.Chart && Chart.getChart(document.getElementById('chart-30-days')); return c ? c.data.datasets.length : null;"),
                Duration.ofSeconds(10));
        assertThat(datasets).as("revenue, discount and orders are drawn").isEqualTo(3L);
        browser.shoot("dashboard");
    }

    @Test
    void aPromotionMadeInTheFormAppliesInThePreviewAndAtCheckout() {
        browser.signIn(Api.MARKETER_KEY);
        String id = shop.id("browser-5-off");
        browser.open("/console/promotions/new");
        browser.type("#f-id", id);
        browser.type("#f-name", "5 off the order");
        browser.choose("#f-reward-type", "AMOUNT_OFF");
        browser.type("#f-reward-value", "5.00");
        browser.choose("#f-reward-target", "ORDER");
        browser.type("#f-conditions-minSubtotal", "50.00");
        browser.type("#f-conditions-channels", shop.channel);
        browser.click("#save");
        assertThat(browser.waitFor(".notice").getText()).startsWith("Created.");
        try {
            assertThat(browser.text("#current-status")).isEqualTo("ACTIVE");
            String cart = shop.checkout("""
                    {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 3, "unitPrice": "20.00"}]}}""");
            browser.script("document.getElementById('sampleCart').value = arguments[0];", cart);
            browser.click("#preview");
            assertThat(browser.waitFor("#preview-result .applied").getText()).isEqualTo("Applies to this cart.");
            assertThat(browser.text("[data-figure=preview-discount]")).isEqualTo("5.00");
            assertThat(browser.text("[data-figure=preview-total]")).isEqualTo("55.00 USD");
            browser.shoot("promotion-form");

            JsonPath atCheckout = Api.checkout().body(cart).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
            assertThat(atCheckout.getString("discountTotal")).isEqualTo("5.00");
        } finally {
            Api.marketer().when().delete("/api/v1/promotions/" + id);
        }
    }

    @Test
    void theFormShowsOnlyTheChosenRewardsInputsAndPutsErrorsAtTheirField() {
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/promotions/new");
        browser.choose("#f-reward-type", "BUY_X_GET_Y");
        assertThat(browser.find("#f-reward-buy-quantity").isDisplayed()).isTrue();
        assertThat(browser.find("#f-reward-value").isDisplayed()).isFalse();
        browser.choose("#f-reward-type", "PERCENT_OFF");
        browser.type("#f-id", shop.id("too-much"));
        browser.type("#f-name", "Too much");
        browser.type("#f-reward-value", "150");
        browser.click("#save");
        assertThat(browser.waitFor("#form-errors").getText()).contains("Not saved");
        assertThat(browser.find("#f-reward-value").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#f-reward-value-error")).isNotBlank();
        browser.shoot("promotion-form-errors");
        Api.marketer().when().get("/api/v1/promotions/" + shop.id("too-much")).then().statusCode(404);
    }

    @Test
    void thePromotionListFindsWhatWasSearched() {
        String id = shop.promotion("""
                {"id": "%s", "name": "Browser list", "reward": {"type": "PERCENT_OFF", "value": 5}}""".formatted(shop.id("listed")));
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/promotions");
        browser.type("#q", id);
        browser.click(".filters button[type=submit]");
        browser.waitFor("a[href='/console/promotions/" + id + "']");
        assertThat(browser.text("p.count")).startsWith("1 promotion");
        browser.shoot("promotions");
    }

    @Test
    void theAnalyticsChartDrawsThePromotionsFigures() {
        String id = shop.promotion("""
                {"id": "%s", "name": "Kettles 10%%", "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(shop.id("kettles")));
        for (String price : List.of("40.00", "60.00")) {
            Api.checkout().body(shop.checkout("""
                    {"orderId": "ord-%s", "cart": {"currency": "NOK", "lines": [{"id": "l1", "sku": "KETTLE", "quantity": 1, "unitPrice": "%s"}]},
                     "customer": {"id": "%s"}}""".formatted(UUID.randomUUID(), price, UUID.randomUUID())))
                    .when().post("/api/v1/orders").then().statusCode(201);
        }
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/analytics/promotions/" + id + "?currency=NOK");
        assertThat(browser.text("[data-figure=revenue]")).isEqualTo("90.00 NOK");
        Object revenue = browser.waitUntil(d -> browser.script(
                "var c = window.Chart && Chart.getChart(document.getElementById('chart-series'));"
                        + " return c ? c.data.datasets[0].data.reduce(function (a, b) { return a + b; }, 0) : null;"), Duration.ofSeconds(10));
        assertThat(((Number) revenue).doubleValue()).as("the chart's revenue points add up to the revenue").isEqualTo(90.0);
        browser.shoot("analytics-promotion");
        browser.open("/console/analytics?currency=NOK");
        browser.waitFor("#analytics-promotions");
        browser.shoot("analytics");
        browser.open("/console/analytics/compare?promotions=" + id + "&currency=NOK");
        assertThat(browser.waitFor("#analytics-compare").getText()).contains(id).contains("90.00");
        browser.shoot("analytics-compare");
    }
}
