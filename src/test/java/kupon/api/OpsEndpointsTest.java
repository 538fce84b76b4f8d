package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** /q/health, /q/metrics and /q/openapi, which ops tooling reads without an API key. */
@QuarkusTest
class OpsEndpointsTest {

    @Test
    void readinessReportsTheDatabaseAndTheActiveRuleSet() {
        RestAssured.when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("rule-set"))
                .body("checks.name", hasItem("Database connections health check"));
        RestAssured.when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsCountEvaluationsAndTheirLatency() {
        Api.checkout().body(Api.body("evaluate-readme-cart.json")).when().post("/api/v1/evaluate").then().statusCode(200);
        RestAssured.when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kupon_evaluations_seconds_count"))
                .body(containsString("kupon_evaluations_seconds_bucket"));
    }

    @Test
    void theOpenApiDocumentDescribesEvaluate() {
        RestAssured.given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/v1/evaluate"));
    }
}
