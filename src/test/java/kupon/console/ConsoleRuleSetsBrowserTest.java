package kupon.console;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchandiser's spreadsheet round trip in a real headless Chromium: upload one with an error and find the cell,
 * upload it fixed, read the rules it becomes, simulate, publish, and roll back after the confirmation. Skipped, with a
 * notice, without Chromium.
 */
@QuarkusTest
class ConsoleRuleSetsBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    private final String category = "rsb-" + UUID.randomUUID().toString().substring(0, 8);
    private final String file = category + ".csv";

    @BeforeAll
    static void needsChromium() {
        Browser.assumeAvailable(ConsoleRuleSetsBrowserTest.class);
    }

    @AfterEach
    void putTheRuleSetBack() {
        Api.admin().when().post("/api/v1/rulesets/reload");
        Api.marketer().when().delete("/api/v1/rulesets/files/" + file);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    /** The spreadsheet as a file on disk, where the browser's file input picks it up. */
    private Path saved(String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "console-uploads").toAbsolutePath());
        return Files.writeString(dir.resolve(file), content);
    }

    private void upload(Path spreadsheet) {
        browser.open("/console/rulesets");
        browser.find("#upload-file").sendKeys(spreadsheet.toString());
        browser.click("#upload-submit");
    }

    private BigDecimal discountAtCheckout() {
        return Api.checkout().body(RuleSetsPageTest.goldCart(category)).when().post("/api/v1/evaluate").then().statusCode(200)
                .extract().jsonPath().getObject("discountTotal", BigDecimal.class);
    }

    @Test
    void aSpreadsheetGoesFromAnErrorAtItsCellToLiveAndBackByRollback() throws IOException {
        if (browser == null) browser = new Browser(base.toString());
        browser.signIn(Api.MARKETER_KEY);
        int before = Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
        browser.open("/console/rulesets");
        browser.shoot("rulesets");

        upload(saved(RuleSetsPageTest.memberGrid(category).replace(",80,10", ",80,ten")));
        assertThat(browser.waitFor("#upload-errors").getText()).contains(file);
        assertThat(browser.text("#rule-errors .cell")).as("the cell of the bad percentage").matches("[A-Z]+[0-9]+");
        assertThat(browser.text("#rule-errors .message")).isNotBlank();
        browser.shoot("ruleset-errors");

        upload(saved(RuleSetsPageTest.memberGrid(category)));
        assertThat(browser.waitFor("#generated-rules").getText()).contains(category + "-gold");
        browser.script("document.getElementById('sim-carts').value = arguments[0];", "[" + RuleSetsPageTest.goldCart(category) + "]");
        browser.click("#simulate-submit");
        assertThat(browser.waitFor("#simulation").isDisplayed()).isTrue();
        assertThat(browser.text("#cart-0 [data-figure=discount-change]")).isEqualTo("2.00");
        assertThat(browser.text("#cart-0 .added")).isEqualTo(category + "-gold");
        browser.shoot("ruleset-draft");
        assertThat(discountAtCheckout()).as("nothing serves before publishing").isEqualByComparingTo("0.00");

        browser.click("#publish-submit");
        assertThat(browser.waitFor(".notice").getText()).startsWith("Published");
        assertThat(discountAtCheckout()).isEqualByComparingTo("2.00");

        browser.click("#rollback-" + before);
        assertThat(browser.waitFor("#rollback-changes").getText()).isEqualTo("stops serving uploaded/" + file);
        browser.shoot("ruleset-rollback");
        browser.click("#rollback-confirm");
        assertThat(browser.waitFor(".notice").getText()).startsWith("Rolled back");
        assertThat(browser.text("#pinned")).contains("version " + before);
        assertThat(discountAtCheckout()).isEqualByComparingTo("0.00");
    }
}
