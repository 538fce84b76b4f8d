package kupon.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import kupon.support.Eventually;
import kupon.support.TestRulesFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Rule files are picked up from the folder while the service runs: added, edited, deleted, or broken. */
@QuarkusTest
class HotReloadTest {

    /** Generous on purpose: this checks that reload happens on its own; `make bench` measures how fast. */

    private static final String MUG_CART = """
            {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 2, "unitPrice": "12.00"}]}}""";

    private static final Path MUG_RULE = TestRulesFolder.ROOT.resolve("flash/mugs-off.drl");

    private static String mugRule(String amount) {
        return """
                package kupon.rules.flash;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;

                rule "mugs-off: %s off each mug"
                when
                    $line : Line( sku == "MUG" )
                then
                    actions.promotion("mugs-off").name("Mugs on offer").amountOffEachItem("%s").onLine($line);
                end
                """.formatted(amount, amount);
    }

    @AfterEach
    void restoreShippedRules() {
        TestRulesFolder.reset();
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
    }

    @Test
    void aRuleFileAddedEditedAndDeletedChangesTheNextAnswers() throws IOException {
        assertThat(evaluate().getList("applied")).isEmpty();

        Files.createDirectories(MUG_RULE.getParent());
        Files.writeString(MUG_RULE, mugRule("2.00"));
        JsonPath added = awaitEvaluation(r -> r.getList("applied.promotionId").contains("mugs-off"));
        assertThat(added.getString("discountTotal")).isEqualTo("4.00");

        Files.writeString(MUG_RULE, mugRule("3.50"));
        JsonPath edited = awaitEvaluation(r -> "7.00".equals(r.getString("discountTotal")));
        assertThat(edited.getLong("ruleSetVersion")).isGreaterThan(added.getLong("ruleSetVersion"));

        Files.delete(MUG_RULE);
        awaitEvaluation(r -> r.getList("applied").isEmpty());
    }

    @Test
    void aBrokenFileIsReportedWithItsLocationWhileThePreviousVersionKeepsServing() throws IOException {
        Files.createDirectories(MUG_RULE.getParent());
        Files.writeString(MUG_RULE, mugRule("2.00"));
        long workingVersion = awaitEvaluation(r -> r.getList("applied.promotionId").contains("mugs-off")).getLong("ruleSetVersion");

        // A rule with a misspelt fact type on line 6.
        Files.writeString(MUG_RULE, mugRule("2.00").replace("$line : Line(", "$line : Lnie("));

        Api.admin().when().post("/api/v1/rulesets/reload")
                .then().statusCode(422)
                .body("error", equalTo("RULE_ERRORS"))
                .body("errors[0].file", equalTo("flash/mugs-off.drl"))
                .body("errors[0].line", greaterThan(0))
                .body("errors[0].message", containsString("Lnie"));

        Api.marketer().when().get("/api/v1/rulesets/active")
                .then().statusCode(200)
                .body("version", equalTo((int) workingVersion))
                .body("lastError.errors.file", hasItem("flash/mugs-off.drl"));

        // Evaluation keeps working on the version that compiled.
        JsonPath stillServing = evaluate();
        assertThat(stillServing.getLong("ruleSetVersion")).isEqualTo(workingVersion);
        assertThat(stillServing.getString("discountTotal")).isEqualTo("4.00");

        // Fixing the file clears the error.
        Files.writeString(MUG_RULE, mugRule("1.00"));
        awaitEvaluation(r -> "2.00".equals(r.getString("discountTotal")));
        Api.marketer().when().get("/api/v1/rulesets/active")
                .then().body("lastError", nullValue());
    }

    @Test
    void aRuleThatFailsWhileFiringDoesNotFailCheckout() throws IOException {
        // "MUG" is not a slug, which shows only on a cart (a constant id would be refused when the file compiles).
        Files.createDirectories(MUG_RULE.getParent());
        Files.writeString(MUG_RULE, mugRule("2.00") + """

                rule "broken: a promotion id that is not a slug"
                salience -1
                when
                    $line : Line( sku == "MUG" )
                then
                    actions.promotion($line.getSku()).percentOffItems(10);
                end
                """);
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
        JsonPath answer = evaluate();
        assertThat(answer.getList("applied.promotionId")).containsExactly("mugs-off");
        assertThat(answer.getString("discountTotal")).isEqualTo("4.00");
    }

    @Test
    void aRuleThatWouldFireForeverIsRefusedAndCheckoutKeepsItsAnswer() throws IOException {
        Files.createDirectories(MUG_RULE.getParent());
        Files.writeString(MUG_RULE, mugRule("2.00"));
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(200);
        Files.writeString(MUG_RULE, mugRule("2.00") + """

                rule "loop: every code makes another one"
                salience -10
                when
                    $code : kupon.rules.model.EnteredCode( )
                then
                    insert(new kupon.rules.model.EnteredCode($code.getCode() + "X"));
                end
                """);
        Api.admin().when().post("/api/v1/rulesets/reload").then().statusCode(422)
                .body("errors.message", hasItem(containsString("insert")));
        JsonPath answer = Api.checkout().body(MUG_CART.replace("]}}", "]}, \"codes\": [\"LOOP\"]}"))
                .when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("discountTotal")).isEqualTo("4.00");
        assertThat(answer.getString("rejectedCodes[0].reason")).isEqualTo("UNKNOWN_CODE");
    }

    @Test
    void theActiveRuleSetListsItsSourcesWithHashes() {
        Api.marketer().when().get("/api/v1/rulesets/active")
                .then().statusCode(200)
                .body("sources.name", hasItem("catalog/electronics-10.drl"))
                .body("sources[0].kind", equalTo("DRL"))
                .body("sources[0].hash.size()", equalTo(64));
    }

    @Test
    void reloadIsForAdminsOnly() {
        Api.marketer().when().post("/api/v1/rulesets/reload").then().statusCode(403);
        Api.checkout().when().get("/api/v1/rulesets/active").then().statusCode(403);
        Api.admin().when().post("/api/v1/rulesets/reload")
                .then().statusCode(200)
                .body("changed", equalTo(false));
    }

    private static JsonPath evaluate() {
        return Api.checkout().body(MUG_CART).when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitEvaluation(Predicate<JsonPath> expected) {
        return Eventually.answer(() -> evaluate(), expected, "rules folder change picked up");
    }

}
