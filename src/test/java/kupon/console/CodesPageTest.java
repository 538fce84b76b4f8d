package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The codes page of the console, as a marketer uses it with a browser: sign in, add a code, generate a batch and
 * download it, look a code up, switch it off. Every answer is the HTML a browser would show.
 */
@QuarkusTest
class CodesPageTest {

    private final Scenario shop = new Scenario();
    private ConsoleUser marketer;
    private String promotion;

    @BeforeEach
    void signInAsMarketerWithACodePromotion() {
        promotion = shop.promotion("""
                {"id": "%s", "name": "Console codes", "trigger": "CODE", "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}"""
                .formatted(shop.id("console-codes")));
        marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private RequestSpecification browser() {
        return marketer.browser();
    }

    private RequestSpecification form() {
        return marketer.form();
    }




    private String code(String name) {
        return name + shop.channel.substring(5, 11).toUpperCase();
    }

    private Response addCode(String code, String maxUses) {
        return form().formParam("promotionId", promotion).formParam("code", code).formParam("maxUses", maxUses)
                .formParam("perCustomer", "").formParam("customerId", "").formParam("email", "")
                .formParam("startsAt", "").formParam("expiresAt", "")
                .when().post("/console/codes");
    }

    @Test
    void anAddedCodeIsShownOnItsOwnPage() {
        String code = code("ADD");
        String location = addCode(code.toLowerCase(), "5").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/console/codes/lookup?code=" + code.toLowerCase());

        String page = browser().when().get(location).then().statusCode(200).extract().asString();
        assertThat(Html.text(page, "code-code")).isEqualTo(code);
        assertThat(Html.text(page, "code-promotion")).isEqualTo(promotion);
        assertThat(Html.text(page, "code-status")).isEqualTo("ACTIVE");
        assertThat(Html.text(page, "code-uses")).isEqualTo("0 of 5");
        assertThat(page).contains("role=\"status\">Code added.");
    }

    @Test
    void aDuplicateCodeIsRefusedAt409WithTheApisMessageAtTheCodeField() {
        String code = code("DUP");
        addCode(code, "").then().statusCode(303);

        String page = addCode(code.toLowerCase(), "").then().statusCode(409).extract().asString();
        assertThat(Html.attribute(page, "add-code-code", "aria-invalid")).isEqualTo("true");
        assertThat(Html.attribute(page, "add-code-code", "aria-describedby")).contains("add-code-code-error");
        assertThat(Html.text(page, "add-code-code-error")).contains("exists already");
        // What was typed is still there, to correct.
        assertThat(Html.attribute(page, "add-code-code", "value")).isEqualTo(code.toLowerCase());
    }

    @Test
    void aBadFieldAnswers422WithTheErrorNextToThatField() {
        String page = addCode(code("BAD"), "-1").then().statusCode(422).extract().asString();
        assertThat(Html.attribute(page, "add-code-maxUses", "aria-invalid")).isEqualTo("true");
        assertThat(Html.attribute(page, "add-code-maxUses", "aria-describedby")).contains("add-code-maxUses-error");
        assertThat(Html.text(page, "add-code-maxUses-error")).isEqualTo("must be ≥ 1 (leave it out for no limit)");
        assertThat(Html.attribute(page, "add-code-code", "aria-invalid")).isNullOrEmpty();

        page = addCode(code("BAD"), "many").then().statusCode(422).extract().asString();
        assertThat(Html.text(page, "add-code-maxUses-error")).isEqualTo("must be a whole number");
    }

    @Test
    void anUnknownPromotionIs404AtThePromotionField() {
        String page = form().formParam("promotionId", "no-such-" + shop.channel).formParam("code", code("NOPE"))
                .when().post("/console/codes").then().statusCode(404).extract().asString();
        assertThat(Html.text(page, "add-code-promotionId-error")).contains("No promotion");
    }

    @Test
    void aBatchIsFollowedToDoneAndDownloadedAsCsv() throws InterruptedException {
        String prefix = "C" + shop.channel.substring(5, 9).toUpperCase() + "-";
        String location = form().formParam("promotionId", promotion).formParam("count", "50").formParam("pattern", prefix + "####-####")
                .formParam("charset", "").formParam("maxUses", "1").formParam("expiresAt", "")
                .when().post("/console/codes/batches").then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/console/codes/batches/batch-[0-9a-f-]+");
        String batchId = location.substring(location.lastIndexOf('/') + 1);

        // The page polls this fragment every second while the batch runs; once it is done the fragment stops asking.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String fragment = browser().when().get("/console/codes/batches/" + batchId + "/progress").then().statusCode(200).extract().asString();
        while (!Html.text(fragment, "batch-status").equals("DONE") && System.nanoTime() < deadline) {
            assertThat(fragment).contains("hx-trigger=\"every 1s\"");
            Thread.sleep(200);
            fragment = browser().when().get("/console/codes/batches/" + batchId + "/progress").then().statusCode(200).extract().asString();
        }
        assertThat(fragment).doesNotContain("hx-trigger");

        String page = browser().when().get(location).then().statusCode(200).extract().asString();
        assertThat(Html.text(page, "batch-status")).isEqualTo("DONE");
        assertThat(Html.attribute(page, "batch-progress", "value")).isEqualTo("50");
        assertThat(Html.attribute(page, "batch-progress", "max")).isEqualTo("50");
        assertThat(Html.text(page, "batch-progress-text")).isEqualTo("50 of 50");
        String csvHref = Html.attribute(page, "batch-csv", "href");
        assertThat(csvHref).isEqualTo("/console/codes/batches/" + batchId + "/codes.csv");

        String csv = browser().when().get(csvHref).then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", startsWith("attachment")).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.get(0)).isEqualTo("code");
        assertThat(lines.subList(1, lines.size())).hasSize(50).allMatch(c -> c.startsWith(prefix));
        assertThat(new HashSet<>(lines)).hasSize(51);

        // The list shows the batch, filtered by its promotion.
        String list = browser().queryParam("promotionId", promotion).when().get("/console/codes").then().statusCode(200).extract().asString();
        assertThat(Html.text(list, "batches")).contains(batchId).contains("DONE");
    }

    @Test
    void anInfeasibleBatchIsRefusedAtThePatternField() {
        String page = form().formParam("promotionId", promotion).formParam("count", "1000").formParam("pattern", "X-##")
                .when().post("/console/codes/batches").then().statusCode(422).extract().asString();
        assertThat(Html.attribute(page, "batch-pattern", "aria-invalid")).isEqualTo("true");
        assertThat(Html.text(page, "batch-pattern-error")).contains("makes only");
    }

    @Test
    void anUnknownBatchIsAReadable404() {
        String page = browser().when().get("/console/codes/batches/batch-nope").then().statusCode(404)
                .contentType(ContentType.HTML).extract().asString();
        assertThat(Html.text(page, "problem")).contains("No code batch");
        String progress = browser().when().get("/console/codes/batches/batch-nope/progress").then()
                .statusCode(286).extract().asString();
        assertThat(Html.text(progress, "batch-gone")).contains("This batch is gone");
    }

    @Test
    void lookupShowsUsesAndOrdersAndDeactivatingMakesItInactiveAtCheckout() {
        String code = code("USE");
        addCode(code, "5").then().statusCode(303);
        String order = shop.checkout("""
                {"orderId": "console-%s", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "20.00"}]},
                 "codes": ["%s"]}""".formatted(code, code));
        Api.checkout().body(order).when().post("/api/v1/orders").then().statusCode(201).body("applied[0].code", equalTo(code));

        String page = browser().queryParam("code", code.toLowerCase()).when().get("/console/codes/lookup").then().statusCode(200)
                .extract().asString();
        assertThat(Html.text(page, "code-uses")).isEqualTo("1 of 5");
        assertThat(Html.text(page, "code-orders")).contains("console-" + code);

        String location = form().formParam("code", code).when().post("/console/codes/deactivate")
                .then().statusCode(303).extract().header("Location");
        page = browser().when().get(location).then().statusCode(200).extract().asString();
        assertThat(Html.text(page, "code-status")).isEqualTo("INACTIVE");
        assertThat(page).doesNotContain("id=\"deactivate-submit\"");

        var evaluation = shop.evaluate("""
                {"cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "20.00"}]}, "codes": ["%s"]}"""
                .formatted(code));
        assertThat(evaluation.getString("rejectedCodes[0].reason")).isEqualTo("INACTIVE");
    }

    @Test
    void anUnknownCodeIsAReadable404() {
        String page = browser().queryParam("code", "NO-SUCH-" + code("X")).when().get("/console/codes/lookup").then().statusCode(404)
                .extract().asString();
        assertThat(Html.text(page, "lookup-error")).contains("No code");
        assertThat(Html.attribute(page, "lookup-code", "aria-invalid")).isEqualTo("true");
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        browser().contentType(ContentType.URLENC).formParam("promotionId", promotion).formParam("code", code("CSRF"))
                .when().post("/console/codes").then().statusCode(403);
        browser().contentType(ContentType.URLENC).formParam("code", code("CSRF"))
                .when().post("/console/codes/deactivate").then().statusCode(403);
        Api.marketer().when().get("/api/v1/codes/" + code("CSRF")).then().statusCode(404);
    }

    @Test
    void withoutASessionThePageSendsYouToSignIn() {
        RestAssured.given().redirects().follow(false).when().get("/console/codes")
                .then().statusCode(303).header("Location", containsString("/console/sign-in?next="));
    }
}
