package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A marketer creates, finds, edits, switches off and previews promotions through the console's forms. */
@QuarkusTest
class PromotionsPageTest {

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

    private String cart() {
        return shop.checkout("""
                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "BOOT", "categories": ["shoes"], "quantity": 2, "unitPrice": "80.00"},
                                                       {"id": "l2", "sku": "SOCK", "categories": ["socks"], "quantity": 1, "unitPrice": "10.00"}]},
                 "customer": {"id": "ann"}}""");
    }

    @Test
    void aPromotionCreatedThroughTheFormAppliesAtCheckout() {
        String id = shop.id("shoes-15");
        marketer.form().formParam("id", id).formParam("name", "15% off shoes").formParam("trigger", "AUTOMATIC")
                .formParam("reward.type", "PERCENT_OFF").formParam("reward.value", "15").formParam("reward.items.categories", "shoes")
                .formParam("conditions.channels", shop.channel).formParam("limits.perCustomer", "2")
                .when().post("/console/promotions")
                .then().statusCode(303).header("Location", containsString("/console/promotions/" + id + "?saved=created"));
        try {
            JsonPath stored = Api.marketer().when().get("/api/v1/promotions/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(stored.getString("status")).isEqualTo("ACTIVE");
            assertThat(stored.getInt("limits.perCustomer")).isEqualTo(2);
            JsonPath result = Api.checkout().body(cart()).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
            assertThat(result.getString("discountTotal")).isEqualTo("24.00"); // 15% of 2 × 80.00; the socks are not shoes
            marketer.browser().when().get("/console/promotions/" + id + "?saved=created").then().statusCode(200)
                    .body(containsString("Created."), containsString("value=\"15\""), containsString("id=\"current-status\">ACTIVE"));
        } finally {
            Api.marketer().when().delete("/api/v1/promotions/" + id);
        }
    }

    @Test
    void theApisFieldErrorsAreShownAtTheirFields() {
        String id = shop.id("too-much");
        String page = marketer.form().formParam("id", id).formParam("name", "Too much").formParam("reward.type", "PERCENT_OFF")
                .formParam("reward.value", "150").formParam("limits.totalUses", "lots")
                .when().post("/console/promotions").then().statusCode(422).extract().asString();
        assertThat(page).contains("Not saved");
        assertThat(page).containsPattern("id=\"f-limits-totalUses\"[^>]*value=\"lots\"[^>]*aria-invalid=\"true\"");
        assertThat(page).contains("id=\"f-limits-totalUses-error\"");
        Api.marketer().when().get("/api/v1/promotions/" + id).then().statusCode(404);
    }

    @Test
    void aValueTheApiRefusesIsShownAtItsFieldToo() {
        String id = shop.id("over-100");
        String page = marketer.form().formParam("id", id).formParam("name", "Over 100").formParam("reward.type", "PERCENT_OFF")
                .formParam("reward.value", "150").when().post("/console/promotions").then().statusCode(422).extract().asString();
        assertThat(page).containsPattern("id=\"f-reward-value\"[^>]*value=\"150\"[^>]*aria-invalid=\"true\"");
        assertThat(page).contains("id=\"f-reward-value-error\"");
    }

    @Test
    void theListFindsByTextStatusAndCampaign() {
        String id = shop.promotion("""
                {"id": "%s", "name": "Winter boots", "campaign": "winter-%s", "reward": {"type": "AMOUNT_OFF", "value": "5.00"}}"""
                .formatted(shop.id("boots"), shop.channel));
        marketer.browser().queryParam("q", "boots-" + shop.channel.substring(5)).when().get("/console/promotions").then().statusCode(200)
                .body(containsString("href=\"/console/promotions/" + id + "\""), containsString("1 promotion(s)"));
        marketer.browser().queryParam("q", id).queryParam("status", "INACTIVE").when().get("/console/promotions").then().statusCode(200)
                .body(not(containsString("href=\"/console/promotions/" + id + "\"")));
        marketer.browser().queryParam("campaign", "winter-" + shop.channel).when().get("/console/promotions").then().statusCode(200)
                .body(containsString("href=\"/console/promotions/" + id + "\""));
    }

    @Test
    void deactivatingArchivingAndCloningChangeThePromotion() {
        String id = shop.promotion("""
                {"id": "%s", "name": "Socks", "reward": {"type": "PERCENT_OFF", "value": 10}}""".formatted(shop.id("socks")));
        marketer.form().when().post("/console/promotions/" + id + "/deactivate").then().statusCode(303);
        Api.marketer().when().get("/api/v1/promotions/" + id).then().body("status", equalTo("INACTIVE"));
        marketer.form().formParam("newId", id + "-b").when().post("/console/promotions/" + id + "/clone")
                .then().statusCode(303).header("Location", containsString("/console/promotions/" + id + "-b"));
        Api.marketer().when().get("/api/v1/promotions/" + id + "-b").then().statusCode(200).body("status", equalTo("INACTIVE"));
        Api.marketer().when().delete("/api/v1/promotions/" + id + "-b");
        marketer.form().when().post("/console/promotions/" + id + "/archive").then().statusCode(303);
        Api.marketer().when().get("/api/v1/promotions/" + id).then().body("status", equalTo("ARCHIVED"));
    }

    @Test
    void thePreviewShowsWhatAnUnsavedPromotionGivesTheSampleCart() {
        String id = shop.id("preview");
        String applies = marketer.form().formParam("id", id).formParam("name", "Preview").formParam("reward.type", "AMOUNT_OFF")
                .formParam("reward.value", "7.50").formParam("reward.target", "ORDER").formParam("sampleCart", cart())
                .when().post("/console/promotions/preview").then().statusCode(200).extract().asString();
        assertThat(applies).contains("Applies to this cart").contains("data-figure=\"preview-discount\">7.50<");
        String minimum = marketer.form().formParam("id", id).formParam("name", "Preview").formParam("reward.type", "AMOUNT_OFF")
                .formParam("reward.value", "7.50").formParam("reward.target", "ORDER").formParam("conditions.minSubtotal", "500.00")
                .formParam("sampleCart", cart()).when().post("/console/promotions/preview").then().statusCode(200).extract().asString();
        assertThat(minimum).contains("Does not apply").doesNotContain("Applies to this cart");
        Api.marketer().when().get("/api/v1/promotions/" + id).then().statusCode(404);
        marketer.form().formParam("id", id).formParam("name", "Preview").formParam("reward.type", "AMOUNT_OFF")
                .formParam("reward.value", "7.50").formParam("sampleCart", "{not json")
                .when().post("/console/promotions/preview").then().statusCode(200).body(containsString("needs these fixed first"));
    }

    @Test
    void everyRewardTypeHasItsInputsOnTheForm() {
        String form = marketer.browser().when().get("/console/promotions/new").then().statusCode(200).extract().asString();
        for (String path : new String[] {"reward.type", "reward.value", "reward.buy.quantity", "reward.get.percentOff", "reward.tiers",
                "reward.gift.sku", "conditions.minSubtotal", "conditions.birthdayWithinDays", "schedule.startsAt", "schedule.daysOfWeek",
                "limits.budget", "limits.perAddress", "holdout.percent"}) {
            assertThat(form).as(path).contains("name=\"" + path + "\"");
        }
        assertThat(form).containsPattern("<label for=\"f-reward-value\">");
        for (String type : new String[] {"PERCENT_OFF", "AMOUNT_OFF", "FIXED_PRICE", "FREE_SHIPPING", "BUY_X_GET_Y", "TIERED", "FREE_GIFT"}) {
            assertThat(form).as(type).contains("<option value=\"" + type + "\"");
        }
    }
}
