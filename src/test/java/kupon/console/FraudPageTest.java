package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A browser signed in with {@code key}: its session cookie and the form token of its pages. */
    private record Browser(String cookie, String csrf) {
        RequestSpecification get() {
            return RestAssured.given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, cookie);
        }

        RequestSpecification post() {
            return get().contentType(ContentType.URLENC).formParam("_csrf", csrf);
        }
    }

    private static Browser signIn(String key) {
        Response signIn = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", key).formParam("next", "/console").when().post("/console/sign-in");
        signIn.then().statusCode(303);
        String cookie = signIn.getCookie(ConsoleFilter.COOKIE);
        String page = RestAssured.given().cookie(ConsoleFilter.COOKIE, cookie).when().get("/console").then().statusCode(200)
                .extract().asString();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return new Browser(cookie, token.group(1));
    }

    private static XmlPath html(String page) {
        return new XmlPath(XmlPath.CompatibilityMode.HTML, page);
    }

    private static String text(String page, String id) {
        return html(page).getString("**.find { it.@id == '" + id + "' }").strip();
    }

    private static String attribute(String page, String id, String name) {
        return html(page).getString("**.find { it.@id == '" + id + "' }.@" + name);
    }

    @Test
    void aMarketerIsNotLetIn() {
        Browser marketer = signIn(Api.MARKETER_KEY);
        String page = marketer.get().when().get("/console/fraud").then().statusCode(403).extract().asString();
        assertThat(page).contains("needs an admin key");
        marketer.get().when().get("/console/fraud/patterns").then().statusCode(403);
        marketer.post().formParam("type", "IP").formParam("value", ip).when().post("/console/fraud/blocks").then().statusCode(403);
    }

    @Test
    void anAdminBlocksAnIpSeesItListedAndRemovesIt() {
        Browser admin = signIn(Api.ADMIN_KEY);
        String location = admin.post().formParam("type", "IP").formParam("value", ip).formParam("until", "")
                .formParam("reason", "chargebacks").when().post("/console/fraud/blocks")
                .then().statusCode(303).extract().header("Location");

        String page = admin.get().when().get(location).then().statusCode(200).extract().asString();
        assertThat(page).contains("role=\"status\">Blocked");
        assertThat(text(page, "blocks")).contains(ip).contains("chargebacks").contains("until removed");
        String blockId = Api.admin().when().get("/api/v1/fraud/blocks").then().statusCode(200)
                .extract().jsonPath().getString("find { it.value == '" + ip + "' }.id");
        assertThat(attribute(page, "remove-" + blockId, "action")).isEqualTo("/console/fraud/blocks/" + blockId + "/remove");

        // The block is an event too; the filters find it by value.
        page = admin.get().queryParam("value", ip).queryParam("type", "BLOCKED").when().get("/console/fraud")
                .then().statusCode(200).extract().asString();
        assertThat(text(page, "events")).contains("BLOCKED").contains(ip);

        admin.post().when().post("/console/fraud/blocks/" + blockId + "/remove").then().statusCode(303);
        page = admin.get().when().get("/console/fraud").then().statusCode(200).extract().asString();
        assertThat(page).as("no longer listed").doesNotContain("id=\"remove-" + blockId + "\"");
        Api.admin().when().get("/api/v1/fraud/blocks").then().body("value", not(hasItem(ip)));

        // Removing it again: it is not in force, said on the page.
        page = admin.post().when().post("/console/fraud/blocks/" + blockId + "/remove").then().statusCode(404).extract().asString();
        assertThat(text(page, "fraud-error")).contains("not in force");
    }

    @Test
    void aBadBlockAnswers422WithTheErrorsAtTheirFields() {
        Browser admin = signIn(Api.ADMIN_KEY);
        String page = admin.post().formParam("type", "ADDRESS").formParam("value", "12 Main Street").formParam("until", "2001-01-01T00:00:00Z")
                .when().post("/console/fraud/blocks").then().statusCode(422).extract().asString();
        assertThat(attribute(page, "block-until", "aria-invalid")).isEqualTo("true");
        assertThat(text(page, "block-until-error")).contains("is in the past");
        assertThat(text(page, "block-value-error")).contains("address hash");
        assertThat(page).as("the type chosen stays chosen").contains("<option value=\"ADDRESS\" selected>");

        page = admin.post().formParam("type", "IP").formParam("value", ip).formParam("until", "tomorrow")
                .when().post("/console/fraud/blocks").then().statusCode(422).extract().asString();
        assertThat(text(page, "block-until-error")).contains("date-time with offset");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        Browser admin = signIn(Api.ADMIN_KEY);
        admin.get().contentType(ContentType.URLENC).formParam("type", "IP").formParam("value", ip)
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

            String page = signIn(Api.ADMIN_KEY).get().when().get("/console/fraud/patterns").then().statusCode(200).extract().asString();
            String group = html(page).getString("**.find { it.name() == 'section' && it.h2.text().contains('" + device + "') }");
            assertThat(group).contains("3 accounts sharing DEVICE " + device).contains("15.00 USD").contains(device + "-account-2")
                    .contains(promotion);
        }
    }

    @Test
    void badEventFiltersAreShownAtTheirFieldsAndPatternsRender() {
        Browser admin = signIn(Api.ADMIN_KEY);
        String page = admin.get().queryParam("from", "yesterday").when().get("/console/fraud").then().statusCode(400).extract().asString();
        assertThat(text(page, "events-filter-from-error")).contains("time with offset");

        page = admin.get().when().get("/console/fraud/patterns").then().statusCode(200).extract().asString();
        assertThat(text(page, "patterns-count")).endsWith("group(s)");
        page = admin.get().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/console/fraud/patterns").then().statusCode(400).extract().asString();
        assertThat(text(page, "patterns-from-error")).contains("before to");
    }
}
