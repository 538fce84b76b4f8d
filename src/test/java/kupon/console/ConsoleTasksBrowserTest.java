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
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes and fraud pages in a real headless Chromium: a batch followed live and downloaded, a code switched off, a buyer blocked. */
@QuarkusTest
class ConsoleTasksBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private final Scenario shop = new Scenario();
    private String promotion;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable(ConsoleTasksBrowserTest.class);
    }

    @BeforeEach
    void startBrowserWithACodePromotion() {
        if (browser == null) browser = new Browser(base.toString());
        browser.resize(Browser.LAPTOP);
        promotion = shop.promotion("""
                {"id": "%s", "name": "Five off", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                .formatted(shop.id("browser-codes")));
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

    /** A code unique to this test, so that runs against one database never collide. */
    private String code(String name) {
        return name + shop.channel.substring(5, 11).toUpperCase();
    }

    private JsonPath checkoutWith(String code, String email) {
        return shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "20.00"}]},
                 "customer": {"email": "%s"}, "codes": ["%s"]}""".formatted(email, code));
    }

    @Test
    void aBatchIsFollowedLiveToDoneAndItsCsvCodesWorkAtCheckout() {
        String prefix = "T" + shop.channel.substring(5, 9).toUpperCase() + "-";
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/codes");
        browser.type("#batch-promotionId", promotion);
        browser.type("#batch-count", "500");
        browser.type("#batch-pattern", prefix + "####-####");
        browser.type("#batch-maxUses", "1");
        browser.shoot("codes");
        browser.click("#batch-submit");
        String batchPage = browser.waitForPath("/console/codes/batches/");
        assertThat(batchPage).matches("/console/codes/batches/batch-[0-9a-f-]+");

        // A mark on this page's window: were the page reloaded to show progress, the mark would be gone.
        browser.script("window.sameBatchPage = true;");
        browser.waitForText("#batch-status", "DONE", Duration.ofSeconds(60));
        browser.waitForText("#batch-progress-text", "500 of 500", Duration.ofSeconds(5));
        assertThat(browser.script("return window.sameBatchPage === true;")).as("the progress came without a reload").isEqualTo(true);
        assertThat(browser.find("#batch-progress").getAttribute("value")).isEqualTo("500");
        assertThat(browser.has("#batch-live[hx-trigger]")).as("a finished batch stops polling").isFalse();
        browser.shoot("codes-batch");

        String csvHref = browser.find("#batch-csv").getAttribute("href");
        assertThat(csvHref).endsWith(batchPage + "/codes.csv");
        List<String> lines = browser.fetchText(csvHref).lines().toList();
        assertThat(lines.get(0)).isEqualTo("code");
        List<String> codes = lines.subList(1, lines.size());
        assertThat(codes).hasSize(500).allMatch(c -> c.matches(Pattern.quote(prefix) + "[A-Z0-9]{4}-[A-Z0-9]{4}"));
        assertThat(new HashSet<>(codes)).as("every code differs").hasSize(500);

        String picked = codes.get(237);
        JsonPath atCheckout = checkoutWith(picked.toLowerCase(), "someone@example.com");
        assertThat(atCheckout.getString("applied[0].promotionId")).isEqualTo(promotion);
        assertThat(atCheckout.getString("applied[0].code")).isEqualTo(picked);
        assertThat(atCheckout.getString("discountTotal")).isEqualTo("5.00");

        browser.open("/console/codes");
        browser.type("#lookup-code", picked);
        browser.click("#lookup-submit");
        browser.waitForPath("/console/codes/lookup?code=");
        assertThat(browser.text("#code-promotion")).isEqualTo(promotion);
        assertThat(browser.text("#code-uses")).isEqualTo("0 of 1");
    }

    @Test
    void theProgressBarOfALargeBatchMovesOnThePageWhileItRuns() {
        int count = 300_000;
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/codes");
        browser.type("#batch-promotionId", promotion);
        browser.type("#batch-count", Integer.toString(count));
        browser.type("#batch-pattern", "L" + shop.channel.substring(5, 9).toUpperCase() + "-#####-#####");
        browser.click("#batch-submit");
        browser.waitForPath("/console/codes/batches/");
        browser.script("window.sameBatchPage = true;");

        // Chunks of 10,000 are committed one by one, and the page asks every second: it shows a part done first.
        String partway = browser.waitUntil(d -> {
            String text = (String) browser.script("var e = document.getElementById('batch-progress-text'); return e ? e.textContent.trim() : null;");
            if (text == null || !text.matches("[0-9,]+ of [0-9,]+")) return null;
            int done = Integer.parseInt(text.substring(0, text.indexOf(' ')).replace(",", ""));
            return done > 0 && done < count ? text : null;
        }, Duration.ofSeconds(60));
        assertThat(partway).endsWith(" of " + count);
        assertThat(browser.text("#batch-status")).isEqualTo("RUNNING");
        browser.shoot("codes-batch-running");

        browser.waitForText("#batch-status", "DONE", Duration.ofSeconds(120));
        browser.waitForText("#batch-progress-text", count + " of " + count, Duration.ofSeconds(5));
        assertThat(browser.script("return window.sameBatchPage === true;")).as("the bar moved without a reload").isEqualTo(true);
    }

    @Test
    void anAddedCodeIsDeactivatedFromItsPageAndCheckoutThenRejectsIt() {
        String code = code("SOLO");
        browser.signIn(Api.MARKETER_KEY);
        browser.open("/console/codes");
        browser.type("#add-code-promotionId", promotion);
        browser.type("#add-code-code", code.toLowerCase());
        browser.type("#add-code-maxUses", "3");
        browser.click("#add-code-submit");
        assertThat(browser.waitForPath("/console/codes/lookup?code=")).contains("done=created");
        assertThat(browser.waitFor(".notice").getText()).isEqualTo("Code added.");
        assertThat(browser.text("#code-code")).as("codes are kept in capitals").isEqualTo(code);
        assertThat(browser.text("#code-status")).isEqualTo("ACTIVE");
        assertThat(browser.text("#code-uses")).isEqualTo("0 of 3");
        assertThat(checkoutWith(code, "someone@example.com").getString("discountTotal")).isEqualTo("5.00");

        browser.click("#deactivate-submit");
        browser.waitForPath("/console/codes/lookup?code=" + code + "&done=deactivated");
        assertThat(browser.text("#code-status")).isEqualTo("INACTIVE");
        assertThat(browser.has("#deactivate-submit")).as("nothing left to switch off").isFalse();
        browser.shoot("codes-lookup");

        JsonPath atCheckout = checkoutWith(code, "someone@example.com");
        assertThat(atCheckout.getString("discountTotal")).isEqualTo("0.00");
        assertThat(atCheckout.getString("rejectedCodes[0].code")).isEqualTo(code);
        assertThat(atCheckout.getString("rejectedCodes[0].reason")).isEqualTo("INACTIVE");
    }

    @Test
    void anAdminBlocksABuyersEmailSoTheirCodeIsRefusedThenRemovesTheBlock() {
        String code = code("BLK");
        Api.marketer().body("{\"code\": \"" + code + "\"}").when().post("/api/v1/promotions/" + promotion + "/codes").then().statusCode(201);
        String email = "buyer-" + shop.channel + "@example.com";
        assertThat(checkoutWith(code, email).getString("discountTotal")).isEqualTo("5.00");
        browser.signIn(Api.ADMIN_KEY);
        try {
            browser.open("/console/fraud");
            browser.choose("#block-type", "EMAIL");
            browser.type("#block-value", email);
            browser.type("#block-reason", "chargebacks");
            browser.click("#block-submit");
            browser.waitForPath("/console/fraud?done=blocked");
            String block = (String) browser.script("var email = arguments[0];"
                    + " var row = Array.from(document.querySelectorAll('#blocks tbody tr')).find(function (r) {"
                    + " return r.querySelector('.block-value').textContent.trim() === email; }); return row ? row.id : null;", email);
            assertThat(block).as("the block is listed by its email").isNotNull();
            assertThat(browser.text("#blocks tr#" + block)).contains("EMAIL").contains("until removed").contains("chargebacks");
            browser.shoot("fraud");

            JsonPath blocked = checkoutWith(code, email);
            assertThat(blocked.getString("discountTotal")).isEqualTo("0.00");
            assertThat(blocked.getString("rejectedCodes[0].reason")).isEqualTo("BLOCKED");
            assertThat(checkoutWith(code, "someone-else-" + email).getString("discountTotal")).as("other buyers keep the code").isEqualTo("5.00");

            browser.click("#remove-" + block + "-submit");
            browser.waitForPath("/console/fraud?done=unblocked");
            assertThat(browser.has("#remove-" + block + "-submit")).as("no longer listed").isFalse();
            assertThat(checkoutWith(code, email).getString("discountTotal")).isEqualTo("5.00");

            // What happened stays on record among the events, found by the email.
            browser.type("#events-filter-value", email);
            browser.click("#events-filter-submit");
            browser.waitForPath("/console/fraud?from=");
            assertThat(browser.waitFor("#events").getText()).contains("UNBLOCKED").contains("BLOCKED").contains(email);

            browser.open("/console/fraud/patterns");
            assertThat(browser.text("#patterns-count")).endsWith("group(s)");
            browser.shoot("fraud-patterns");
        } finally {
            List<String> left = Api.admin().when().get("/api/v1/fraud/blocks").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.value == '" + email + "' }.id");
            left.forEach(id -> Api.admin().when().delete("/api/v1/fraud/blocks/" + id));
        }
    }

    @Test
    void aMarketerWhoOpensTheFraudPageIsToldItNeedsAnAdminKey() {
        browser.signIn(Api.MARKETER_KEY);
        assertThat(browser.has("nav a[href='/console/fraud']")).as("no Fraud section for a marketer").isFalse();
        browser.open("/console/fraud");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        assertThat(browser.text("[role=alert]")).startsWith("This page needs an admin key; you signed in as");
        assertThat(browser.has("#blocks, #block-submit, #events")).isFalse();
        browser.shoot("not-allowed");
    }
}
