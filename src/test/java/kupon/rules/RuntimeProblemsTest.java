package kupon.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kupon.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rule whose values are known only when it fires can still fail on a cart: checkout goes on without it, and the
 * failure is counted in {@code GET /api/v1/rulesets/active} ({@code runtimeProblems}) and in the metrics.
 */
@QuarkusTest
class RuntimeProblemsTest {

    private final String sku = "RP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String id = sku.toLowerCase();
    private final String file = id + ".drl";

    /** The percentage is the line's quantity: fine for 10 units, refused for 150. */
    private String rules() {
        return """
                package kupon.rules.problems;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;

                rule "%1$s: quantity as percent"
                when
                    $line : Line( sku == "%2$s" )
                then
                    actions.promotion("%1$s").percentOffItems($line.getQuantity()).onLine($line);
                end

                rule "%1$s: promotion named by the sku"
                when
                    $line : Line( sku == "%2$s-NAMED" )
                then
                    actions.promotion($line.getSku()).freeShipping();
                end
                """.formatted(id, sku);
    }

    private BigDecimal discount(int quantity) {
        return discount(sku, quantity);
    }

    private BigDecimal discount(String sku, int quantity) {
        return Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku
                        + "\", \"quantity\": " + quantity + ", \"unitPrice\": \"1.00\"}]}}")
                .when().post("/api/v1/evaluate").then().statusCode(200).extract().jsonPath().getObject("discountTotal", BigDecimal.class);
    }

    private void upload() {
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .multiPart("file", file, rules().getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", file)
                .when().post("/api/v1/rulesets").then().statusCode(201);
    }

    @AfterEach
    void cleanUp() {
        Api.admin().when().delete("/api/v1/rulesets/files/" + file);
    }

    @Test
    void aRuleThatFailsOnSomeCartsIsSkippedCountedAndShown() {
        upload();
        double before = metric();

        assertThat(discount(10)).isEqualByComparingTo("1.00");
        assertThat(discount(150)).isEqualByComparingTo("0.00");
        assertThat(discount(150)).isEqualByComparingTo("0.00");
        assertThat(discount(sku + "-NAMED", 1)).isEqualByComparingTo("0.00");
        assertThat(discount(sku + "-NAMED", 1)).isEqualByComparingTo("0.00");

        JsonPath active = Api.marketer().when().get("/api/v1/rulesets/active").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> problems = active.getList("runtimeProblems");
        assertThat(problems).filteredOn(p -> (id + ": quantity as percent").equals(p.get("rule"))).singleElement().satisfies(p -> {
            assertThat(p.get("count")).isEqualTo(2);
            assertThat((String) p.get("message")).isEqualTo("percent must be between 0 and 100, was 150");
            assertThat(p.get("lastSeen")).isNotNull();
            assertThat(p.get("ruleSetVersion")).isEqualTo(active.getInt("version"));
        });
        // The failed rule had named its promotion before the reward was refused: that is reported too.
        assertThat(problems).filteredOn(p -> id.equals(p.get("promotionId"))).singleElement()
                .satisfies(p -> assertThat((String) p.get("message")).contains("given no reward"));
        assertThat(problems).filteredOn(p -> (id + ": promotion named by the sku").equals(p.get("rule"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.get("count")).isEqualTo(2);
                    assertThat((String) p.get("message")).contains("is not a slug").doesNotContain("Exception", "\tat ");
                });
        assertThat(metric() - before).isEqualTo(6.0);
    }

    private static double metric() {
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("kupon_rule_runtime_problems_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void theAnswerStillComesWhenEveryRuleFails() {
        upload();
        Api.checkout().body("{\"cart\": {\"currency\": \"USD\", \"lines\": [{\"id\": \"l1\", \"sku\": \"" + sku
                        + "\", \"quantity\": 200, \"unitPrice\": \"1.00\"}]}}")
                .when().post("/api/v1/evaluate").then().statusCode(200).body("total", equalTo(new BigDecimal("200.00")));
    }

    @Test
    void theOtherRulesGoOnFiringAfterOneFails() {
        String both = """
                package kupon.rules.problems;
                import kupon.rules.model.Line;
                global kupon.rules.api.Actions actions;

                rule "%1$s: fails first"
                salience 10
                when
                    $line : Line( sku == "%2$s" )
                then
                    actions.promotion($line.getSku()).freeShipping();
                end

                rule "%1$s: 1.00 off"
                when
                    $line : Line( sku == "%2$s" )
                then
                    actions.promotion("%1$s-after").amountOffEachItem("1.00").onLine($line);
                end
                """.formatted(id, sku);
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY)
                .multiPart("file", file, both.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", file)
                .when().post("/api/v1/rulesets").then().statusCode(201);
        // The failing rule fires first; the rule after it still gives its 1.00.
        assertThat(discount(3)).isEqualByComparingTo("3.00");
        List<Map<String, Object>> problems = Api.marketer().when().get("/api/v1/rulesets/active").then().statusCode(200)
                .extract().jsonPath().getList("runtimeProblems");
        assertThat(problems).filteredOn(p -> (id + ": fails first").equals(p.get("rule"))).singleElement()
                .satisfies(p -> assertThat((String) p.get("message")).contains("is not a slug"));
    }
}
