package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * The fraud page of the console, for admins only: the blocks in force (add one, remove one), the events of what fraud
 * prevention did, and abuse patterns. Every answer is the HTML a browser would show.
 */
@QuarkusTest
class FraudPageTest {

    private final String ip = "ip-console-" + UUID.randomUUID().toString().substring(0, 8);




    @Test
    void aMarketerIsNotLetIn() {
        ConsoleUser marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
        String page = marketer.browser().when().get("/console/fraud").then().statusCode(403).extract().asString();
        assertThat(page).contains("needs an admin key");
        marketer.browser().when().get("/console/fraud/patterns").then().statusCode(403);
        marketer.form().formParam("type", "IP").formParam("value", ip).when().post("/console/fraud/blocks").then().statusCode(403);
    }

    @Test
    void anAdminBlocksAnIpSeesItListedAndRemovesIt() {
        ConsoleUser admin = ConsoleUser.signIn(Api.ADMIN_KEY);
        String location = admin.form().formParam("type", "IP").formParam("value", ip).formParam("until", "")
                .formParam("reason", "chargebacks").when().post("/console/fraud/blocks")
                .then().statusCode(303).extract().header("Location");

        String page = admin.browser().when().get(location).then().statusCode(200).extract().asString();
        assertThat(page).contains("role=\"status\">Blocked");
        assertThat(Html.text(page, "blocks")).contains(ip).contains("chargebacks").contains("until removed");
        String blockId = Api.admin().when().get("/api/v1/fraud/blocks").then().statusCode(200)
                .extract().jsonPath().getString("find { it.value == '" + ip + "' }.id");
        assertThat(Html.attribute(page, "remove-" + blockId, "action")).isEqualTo("/console/fraud/blocks/" + blockId + "/remove");

        // The block is an event too; the filters find it by value.
        page = admin.browser().queryParam("value", ip).queryParam("type", "BLOCKED").when().get("/console/fraud")
                .then().statusCode(200).extract().asString();
        assertThat(Html.text(page, "events")).contains("BLOCKED").contains(ip);

        admin.form().when().post("/console/fraud/blocks/" + blockId + "/remove").then().statusCode(303);
        page = admin.browser().when().get("/console/fraud").then().statusCode(200).extract().asString();
        assertThat(page).as("no longer listed").doesNotContain("id=\"remove-" + blockId + "\"");
        Api.admin().when().get("/api/v1/fraud/blocks").then().body("value", not(hasItem(ip)));

        // Removing it again: it is not in force, said on the page.
        page = admin.form().when().post("/console/fraud/blocks/" + blockId + "/remove").then().statusCode(404).extract().asString();
        assertThat(Html.text(page, "fraud-error")).contains("not in force");
    }

    @Test
    void aBadBlockAnswers422WithTheErrorsAtTheirFields() {
        ConsoleUser admin = ConsoleUser.signIn(Api.ADMIN_KEY);
        String page = admin.form().formParam("type", "ADDRESS").formParam("value", "12 Main Street").formParam("until", "2001-01-01T00:00:00Z")
                .when().post("/console/fraud/blocks").then().statusCode(422).extract().asString();
        assertThat(Html.attribute(page, "block-until", "aria-invalid")).isEqualTo("true");
        assertThat(Html.text(page, "block-until-error")).contains("is in the past");
        assertThat(Html.text(page, "block-value-error")).contains("address hash");
        assertThat(page).as("the type chosen stays chosen").contains("<option value=\"ADDRESS\" selected>");

        page = admin.form().formParam("type", "IP").formParam("value", ip).formParam("until", "tomorrow")
                .when().post("/console/fraud/blocks").then().statusCode(422).extract().asString();
        assertThat(Html.text(page, "block-until-error")).contains("date-time with offset");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        ConsoleUser admin = ConsoleUser.signIn(Api.ADMIN_KEY);
        admin.browser().contentType(ContentType.URLENC).formParam("type", "IP").formParam("value", ip)
                .when().post("/console/fraud/blocks").then().statusCode(403);
        Api.admin().when().get("/api/v1/fraud/blocks").then().body("value", not(hasItem(ip)));
    }

    @Test
    void threeAccountsOnOneDeviceTakingAOncePerCustomerOfferShowAsAPattern() {
        try (Scenario shop = new Scenario()) {
            String promotion = shop.promotion("""
                    {"id": "%s", "name": "Welcome", "trigger": "AUTOMATIC", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"},
                     "limits": {"perCustomer": 1}}""".formatted(shop.id("welcome")));
            String device = "device-" + shop.channel;
            for (int account = 1; account <= 3; account++) {
                Api.checkout().body(shop.checkout("""
                        {"orderId": "%s-%d", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "A", "quantity": 1, "unitPrice": "20.00"}]},
                         "customer": {"id": "%s-account-%d"}, "context": {"deviceId": "%s"}}""".formatted(device, account, device, account, device)))
                        .when().post("/api/v1/orders").then().statusCode(201);
            }

            String page = ConsoleUser.signIn(Api.ADMIN_KEY).browser().when().get("/console/fraud/patterns").then().statusCode(200).extract().asString();
            String group = Html.of(page).getString("**.find { it.name() == 'section' && it.h2.text().contains('" + device + "') }");
            assertThat(group).contains("3 accounts sharing DEVICE " + device).contains("15.00 USD").contains(device + "-account-2")
                    .contains(promotion);
        }
    }

    @Test
    void badEventFiltersAreShownAtTheirFieldsAndPatternsRender() {
        ConsoleUser admin = ConsoleUser.signIn(Api.ADMIN_KEY);
        String page = admin.browser().queryParam("from", "yesterday").when().get("/console/fraud").then().statusCode(400).extract().asString();
        assertThat(Html.text(page, "events-filter-from-error")).contains("time with offset");

        page = admin.browser().when().get("/console/fraud/patterns").then().statusCode(200).extract().asString();
        assertThat(Html.text(page, "patterns-count")).endsWith("group(s)");
        page = admin.browser().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/console/fraud/patterns").then().statusCode(400).extract().asString();
        assertThat(Html.text(page, "patterns-from-error")).contains("before to");
    }
}
