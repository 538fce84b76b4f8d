package kupon.codes;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Inject
    AgroalDataSource dataSource;

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
    void deletingAPromotionDeletesItsCodesEvenThoseABatchIsStillWriting() throws Exception {
        String promotion = promotion();
        String custom = "DEL" + shop.channel.substring(5, 11).toUpperCase();
        Api.marketer().body("{\"code\": \"" + custom + "\"}").when().post("/api/v1/promotions/" + promotion + "/codes")
                .then().statusCode(201);
        String prefix = "D" + shop.channel.substring(5, 9).toUpperCase() + "-";
        String batchId = Api.marketer().body("{\"count\": 200000, \"pattern\": \"" + prefix + "#####-#####\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches")
                .then().statusCode(202).extract().path("batchId");
        Api.marketer().when().get("/api/v1/code-batches/" + batchId).then().statusCode(200).body("status", equalTo("RUNNING"));

        Api.marketer().when().delete("/api/v1/promotions/" + promotion).then().statusCode(204);

        Api.marketer().when().get("/api/v1/codes/" + custom).then().statusCode(404);
        Api.marketer().when().get("/api/v1/code-batches/" + batchId).then().statusCode(404);
        // The batch notices at its next chunk and takes back what it wrote; after that nothing of it is left.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int left = codesOf(promotion), quietChecks = 0;
        while (quietChecks < 3 && System.nanoTime() < deadline) {
            Thread.sleep(300);
            left = codesOf(promotion);
            quietChecks = left == 0 ? quietChecks + 1 : 0;
        }
        assertThat(left).isZero();
    }

    private int codesOf(String promotionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM promotion_code WHERE promotion_id = ?")) {
            count.setString(1, promotionId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
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
