package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import kupon.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule sets page as a merchandiser uses it: a spreadsheet is only tried first (errors at their cells, or the rules it
 * becomes and what it does to sample carts), then published; versions say who changed what; rollback asks first.
 */
@QuarkusTest
class RuleSetsPageTest {

    private final String category = "rs-" + UUID.randomUUID().toString().substring(0, 8);
    private final String file = category + ".csv";
    private ConsoleUser marketer;

    @BeforeEach
    void signIn() {
        marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
    }

    @AfterEach
    void putTheRuleSetBack() {
        Api.admin().when().post("/api/v1/rulesets/reload");
        Api.marketer().when().delete("/api/v1/rulesets/files/" + file);
    }

    private String table() throws IOException {
        return memberGrid(category);
    }

    /** The example member grid, made to give gold members 10% off {@code category} only, as promotion {@code <category>-gold}. */
    static String memberGrid(String category) throws IOException {
        return Files.readString(Path.of("rules/tables/segment-grid.csv"))
                .replace("kupon.rules.tables.segment_grid", "kupon.rules.tables." + category.replace("-", "_"))
                .replace(",loyalty-gold,paper,false,gold-paper,", ",loyalty-gold," + category + ",false," + category + "-gold,")
                .replace("gold-pens: 15% off pens for gold members,loyalty-gold,pens,false,gold-pens,Gold members: 15% off pens,80,15\n", "")
                .replace("silver-paper: 5% off paper for silver members,loyalty-silver,paper,false,silver-paper,Silver members: 5% off paper,80,5\n", "")
                .replace("silver-pens: 5% off pens for silver members,loyalty-silver,pens,false,silver-pens,Silver members: 5% off pens,80,5", "");
    }

    private String cart() {
        return goldCart(category);
    }

    /** A gold member buying two 10.00 items of {@code category}. */
    static String goldCart(String category) {
        return """
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "NOTEBOOK", "categories": ["%s"], "quantity": 2, "unitPrice": "10.00"}]},
                 "customer": {"id": "gold-1", "segments": ["loyalty-gold"]}}""".formatted(category);
    }

    private BigDecimal discountAtCheckout() {
        return Api.checkout().body(cart()).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath()
                .getObject("discountTotal", BigDecimal.class);
    }

    private io.restassured.response.Response tryFile(String name, String content) {
        return marketer.browser().queryParam("_csrf", marketer.csrf)
                .multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/rulesets/upload");
    }

    private static int servingVersion() {
        return Api.marketer().when().get("/api/v1/rulesets/active").then().extract().path("version");
    }


    private static String draftAction(String page, String action) {
        Matcher m = Pattern.compile("action=\"(/console/rulesets/drafts/draft-[0-9a-f-]+/" + action + ")\"").matcher(page);
        assertThat(m.find()).as("the draft page has its " + action + " form").isTrue();
        return m.group(1);
    }

    @Test
    void thePageShowsWhatServesTheVersionsAndAnUploadFormThatCarriesItsToken() {
        String page = marketer.browser().when().get("/console/rulesets").then().statusCode(200).extract().asString();
        XmlPath html = Html.of(page);
        assertThat(html.getString("**.find { it.@id == 'serving-version' }")).isEqualTo(String.valueOf(servingVersion()));
        assertThat(html.getList("**.find { it.@id == 'sources' }.tbody.tr.th", String.class))
                .contains("tables/segment-grid.csv", "order/spend-50-save-5.drl");
        assertThat(page).contains("action=\"/console/rulesets/upload?_csrf=" + marketer.csrf + "\"");
        assertThat(page).contains("id=\"version-" + servingVersion() + "\"");
        assertThat(page).as("only admins reload").doesNotContain("id=\"reload-submit\"");
        assertThat(ConsoleUser.signIn(Api.ADMIN_KEY).browser().get("/console/rulesets").asString()).contains("id=\"reload-submit\"");
    }

    @Test
    void aSpreadsheetWithAnErrorIsShownAtItsCellAndNothingChanges() throws IOException {
        int before = servingVersion();
        String page = tryFile(file, table().replace(",80,10", ",80,ten")).then().statusCode(422).extract().asString();
        XmlPath html = Html.of(page);
        assertThat(html.getString("**.find { it.@id == 'upload-errors' }")).contains(file).contains("nothing was stored");
        List<String> cells = html.getList("**.findAll { it.@class == 'cell' }", String.class);
        List<String> messages = html.getList("**.findAll { it.@class == 'message' }", String.class);
        assertThat(cells).as("the error names its cell").hasSize(1);
        assertThat(cells.get(0)).matches("[A-Z]+[0-9]+");
        assertThat(messages.get(0)).isNotBlank();
        assertThat(servingVersion()).isEqualTo(before);
        assertThat(discountAtCheckout()).isEqualByComparingTo("0.00");
    }

    @Test
    void aTriedSpreadsheetShowsItsRulesSimulatesOnCartsAndServesOnlyOncePublished() throws IOException {
        String page = tryFile(file, table()).then().statusCode(200).extract().asString();
        XmlPath html = Html.of(page);
        assertThat(html.getList("**.findAll { it.@class == 'generated-rule' }")).hasSize(1);
        assertThat(html.getString("**.find { it.@id == 'generated-rules' }")).contains(category + "-gold").contains("percentOffItems(10)");
        assertThat(discountAtCheckout()).as("a tried file does not serve").isEqualByComparingTo("0.00");

        String simulated = marketer.form().formParam("name", file).formParam("carts", "[" + cart() + "]")
                .when().post(draftAction(page, "simulate")).then().statusCode(200).extract().asString();
        XmlPath sim = Html.of(simulated);
        assertThat(sim.getString("**.find { it.@id == 'cart-0' }.td.find { it.'@data-figure' == 'discount-change' }")).isEqualTo("2.00");
        assertThat(sim.getString("**.find { it.@id == 'cart-0' }.td.find { it.@class == 'added' }")).isEqualTo(category + "-gold");

        String badCarts = marketer.form().formParam("name", file).formParam("carts", "[{\"cart\": {\"currency\": \"USD\"}}]")
                .when().post(draftAction(page, "simulate")).then().statusCode(422).extract().asString();
        assertThat(Html.of(badCarts).getString("**.find { it.@id == 'simulate-errors' }")).contains("sample carts[0].cart.lines");

        io.restassured.response.Response published = marketer.form().formParam("name", file).when().post(draftAction(page, "publish"));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.header("Location")).endsWith("/console/rulesets?done=published&version=" + servingVersion());
        assertThat(discountAtCheckout()).isEqualByComparingTo("2.00");

        String overview = marketer.browser().get("/console/rulesets?done=published&version=" + servingVersion()).asString();
        assertThat(overview).contains("Published: version " + servingVersion());
        assertThat(Html.of(overview).getString("**.find { it.@id == 'version-" + servingVersion() + "' }"))
                .contains("added uploaded/" + file).contains("in the console");
        String downloaded = marketer.browser().when().get("/console/rulesets/files/" + file).then().statusCode(200).extract().asString();
        assertThat(downloaded).isEqualTo(table());
    }

    @Test
    void rollingBackAsksFirstSaysWhatItStopsServingAndThenServesTheOlderFiles() throws IOException {
        int before = servingVersion();
        String page = tryFile(file, table()).then().statusCode(200).extract().asString();
        marketer.form().formParam("name", file).when().post(draftAction(page, "publish")).then().statusCode(303);
        assertThat(discountAtCheckout()).isEqualByComparingTo("2.00");

        String confirm = marketer.browser().when().get("/console/rulesets/versions/" + before + "/rollback").then().statusCode(200).extract().asString();
        assertThat(Html.of(confirm).getString("**.find { it.@id == 'rollback-changes' }")).isEqualTo("stops serving uploaded/" + file);
        assertThat(discountAtCheckout()).as("the confirmation page changes nothing").isEqualByComparingTo("2.00");

        io.restassured.response.Response rolledBack = marketer.form().when().post("/console/rulesets/versions/" + before + "/rollback");
        assertThat(rolledBack.statusCode()).isEqualTo(303);
        assertThat(rolledBack.header("Location")).contains("done=rolledback");
        assertThat(discountAtCheckout()).isEqualByComparingTo("0.00");
        String overview = marketer.browser().get("/console/rulesets").asString();
        assertThat(Html.of(overview).getString("**.find { it.@id == 'pinned' }")).contains("version " + before);

        marketer.browser().when().get("/console/rulesets/versions/999999999/rollback").then().statusCode(404);
    }

    @Test
    void uploadsNeedTheFormTokenAndMarketersCannotTryDrl() {
        marketer.browser().multiPart("file", file, "x".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/rulesets/upload").then().statusCode(403);
        String drl = tryFile(category + ".drl", "rule \"x\" when then end").then().statusCode(403).extract().asString();
        assertThat(drl).contains("admin key");
        marketer.form().formParam("name", file).when().post("/console/rulesets/drafts/draft-00000000-0000/publish").then().statusCode(404);
        marketer.form().when().post("/console/rulesets/reload").then().statusCode(403);
    }
}
