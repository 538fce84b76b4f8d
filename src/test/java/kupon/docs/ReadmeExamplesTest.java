package kupon.docs;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;

/** The README's JSON promotion, sent as the README shows it, applies today: its example must not expire. */
@QuarkusTest
class ReadmeExamplesTest {

    private static final Pattern PROMOTION = Pattern.compile(
            "curl -s -X POST http://localhost:8080/api/v1/promotions .*?-d '(\\{.*?})'\\n", Pattern.DOTALL);

    @Test
    void theJsonPromotionOfTheReadmeAppliesToday() throws IOException {
        Matcher example = PROMOTION.matcher(Files.readString(Path.of("README.md")));
        org.assertj.core.api.Assertions.assertThat(example.find()).as("the README's POST /api/v1/promotions example").isTrue();
        String id = "readme-" + UUID.randomUUID().toString().substring(0, 8);
        String promotion = example.group(1).replace("\"shoes-20\"", "\"" + id + "\"").replace("\"shoes\"", "\"" + id + "-shoes\"");
        Api.marketer().body(promotion).when().post("/api/v1/promotions").then().statusCode(201);
        try {
            Api.checkout().body("""
                    {"cart": {"currency": "USD", "lines": [
                       {"id": "l1", "sku": "RUNNER-42", "categories": ["%s-shoes"], "quantity": 1, "unitPrice": "120.00"}]},
                     "customer": {"id": "readme-shopper"}}""".formatted(id))
                    .when().post("/api/v1/evaluate")
                    .then().statusCode(200)
                    .body("applied.promotionId", hasItem(id))
                    .body("applied.find { it.promotionId == '" + id + "' }.amount", equalTo(new java.math.BigDecimal("24.00")));
        } finally {
            Api.marketer().when().post("/api/v1/promotions/" + id + "/deactivate");
        }
    }
}
