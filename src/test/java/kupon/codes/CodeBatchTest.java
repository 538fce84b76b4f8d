package kupon.codes;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bulk code batches: generated in the background, unique, downloadable, usable at checkout. */
@QuarkusTest
class CodeBatchTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private String promotion() {
        return shop.promotion("""
                {"id": "%s", "name": "Mailing", "trigger": "CODE", "reward": {"type": "PERCENT_OFF", "value": 15, "target": "ORDER"}}"""
                .formatted(shop.id("mailing")));
    }

    @Test
    void aBatchIsGeneratedInTheBackgroundAndDownloadedAsCsv() {
        String promotion = promotion();
        String prefix = "M" + shop.channel.substring(5, 9).toUpperCase() + "-";
        String batchId = Api.marketer().body("{\"count\": 3000, \"pattern\": \"" + prefix + "####-####\", \"maxUses\": 1}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches")
                .then().statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("count", equalTo(3000))
                .extract().path("batchId");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "RUNNING";
        while (status.equals("RUNNING") && System.nanoTime() < deadline) {
            status = Api.marketer().when().get("/api/v1/code-batches/" + batchId).then().statusCode(200).extract().path("status");
        }
        Api.marketer().when().get("/api/v1/code-batches/" + batchId)
                .then().body("status", equalTo("DONE")).body("generated", equalTo(3000));

        String csv = Api.marketer().when().get("/api/v1/code-batches/" + batchId + "/codes.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.get(0)).isEqualTo("code");
        List<String> codes = lines.subList(1, lines.size());
        assertThat(codes).hasSize(3000);
        assertThat(new HashSet<>(codes)).hasSize(3000);
        assertThat(codes).allMatch(c -> c.matches(prefix + "[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"));

        // A generated code works at checkout, once.
        String code = codes.get(0);
        String order = shop.checkout("""
                {"orderId": "batch-%s", "cart": {"currency": "USD", "lines": [{"id": "a", "sku": "A", "quantity": 1, "unitPrice": "20.00"}]},
                 "codes": ["%s"]}""".formatted(code, code.toLowerCase()));
        Api.checkout().body(order).when().post("/api/v1/orders").then().statusCode(201).body("applied[0].code", equalTo(code));
        Api.marketer().when().get("/api/v1/codes/" + code)
                .then().body("uses", equalTo(1)).body("maxUses", equalTo(1)).body("orders.orderId", hasItem("batch-" + code));
    }

    @Test
    void anInfeasibleBatchIsRefusedBeforeAnyWork() {
        String promotion = promotion();
        Api.marketer().body("{\"count\": 1000, \"pattern\": \"X-##\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches")
                .then().statusCode(422)
                .body("details[0].path", equalTo("pattern"));
        Api.marketer().body("{\"count\": 0, \"pattern\": \"X\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches")
                .then().statusCode(422)
                .body("details.path", hasItem("count"))
                .body("details.path", hasItem("pattern"));
    }

    @Test
    void anUnknownBatchIs404() {
        Api.marketer().when().get("/api/v1/code-batches/batch-nope").then().statusCode(404);
    }
}
