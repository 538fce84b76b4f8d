package kupon.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document an integrator explores at /q/swagger-ui: every operation under /api says in a sentence what it
 * does, describes it, names the success it answers with a schema, the errors it can answer with the error schema, and
 * the API-key scheme, so that Swagger UI's Authorize button works. Walks every path: a new endpoint must be documented.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumentedWithItsAnswers() {
        JsonPath document = RestAssured.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getMap("components.securitySchemes.apiKey")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(document.getMap("components.schemas.ApiError.properties")).containsKeys("error", "message", "details");

        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) continue;
            for (Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) continue;
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                String summary = (String) operation.get("summary");
                if (summary == null || summary.split(" ").length < 3 || !Character.isUpperCase(summary.charAt(0))) {
                    problems.add(name + ": no sentence as summary (" + summary + ")");
                }
                if (operation.get("description") == null || ((String) operation.get("description")).length() < 20) {
                    problems.add(name + ": no description");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                boolean success = false;
                for (Map.Entry<String, Map<String, Object>> response : responses.entrySet()) {
                    String status = response.getKey();
                    Map<String, Object> content = (Map<String, Object>) response.getValue().get("content");
                    if (status.startsWith("2")) {
                        success = true;
                        if (!status.equals("204") && (content == null || content.isEmpty())) problems.add(name + ": " + status + " has no content");
                        if (content != null && content.containsKey("application/json")
                                && ((Map<String, Object>) content.get("application/json")).get("schema") == null) {
                            problems.add(name + ": " + status + " has no schema");
                        }
                    } else if (content == null || !String.valueOf(content).contains("#/components/schemas/ApiError")) {
                        problems.add(name + ": " + status + " is not an ApiError");
                    }
                }
                if (!success) problems.add(name + ": no success answer");
                for (String status : List.of("401", "403", "503")) {
                    if (!responses.containsKey(status)) problems.add(name + ": " + status + " missing");
                }
                if (operation.containsKey("requestBody") && !responses.containsKey("400") && !responses.containsKey("422")) {
                    problems.add(name + ": takes a body but answers neither 400 nor 422");
                }
                if (path.getKey().contains("{") && !responses.containsKey("404") && !name.startsWith("POST /api/v1/promotions/{id}/code")) {
                    problems.add(name + ": has a path parameter but no 404");
                }
                if (!String.valueOf(operation.get("security")).contains("apiKey")) problems.add(name + ": not secured by the API key");
            }
        }
        assertThat(operations).as("operations under /api").isGreaterThanOrEqualTo(34);
        assertThat(problems).isEmpty();
    }

    @Test
    void theStatusesAreTheOnesTheServiceAnswers() {
        JsonPath document = RestAssured.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getMap("paths.'/api/v1/promotions'.post.responses")).containsKeys("201", "409", "422");
        assertThat(document.getMap("paths.'/api/v1/orders'.post.responses")).containsKeys("201", "200", "409", "429");
        assertThat(document.getMap("paths.'/api/v1/evaluate'.post.responses")).containsKeys("200", "429");
        assertThat(document.getMap("paths.'/api/v1/promotions/{id}/code-batches'.post.responses")).containsKeys("202");
        assertThat(document.getMap("paths.'/api/v1/promotions/{id}'.delete.responses")).containsKeys("204", "404");
        assertThat(document.getString("paths.'/api/v1/evaluate'.post.summary")).isEqualTo("Evaluate a cart without committing anything");
        for (String path : List.of("'/api/v1/evaluate'", "'/api/v1/orders'", "'/api/v1/promotions'")) {
            assertThat(document.getMap("paths." + path + ".post.requestBody.content.'application/json'.examples"))
                    .as("an example body for %s", path).isNotEmpty();
        }
    }

    @Test
    void theExampleBodiesAreAccepted() {
        kupon.support.Api.checkout().body(ApiExamples.CART).when().post("/api/v1/evaluate").then().statusCode(200);
        String orderId = "example-" + java.util.UUID.randomUUID();
        kupon.support.Api.checkout().body(ApiExamples.ORDER.replace("ord-1001", orderId)).when().post("/api/v1/orders").then().statusCode(201);
        String promotion = "example-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        kupon.support.Api.marketer().body(ApiExamples.PROMOTION.replace("bf-shoes-20", promotion)).when().post("/api/v1/promotions")
                .then().statusCode(201);
        kupon.support.Api.marketer().when().delete("/api/v1/promotions/" + promotion).then().statusCode(204);
    }
}
