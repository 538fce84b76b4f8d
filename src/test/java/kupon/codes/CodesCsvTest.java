package kupon.codes;

import io.quarkus.test.junit.QuarkusTest;
import kupon.support.Api;
import kupon.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/v1/code-batches/{id}/codes.csv: RFC 4180 cells that a spreadsheet opens without running any of them. */
@QuarkusTest
class CodesCsvTest {

    private final Scenario shop = new Scenario();

    @AfterEach
    void closeShop() {
        shop.close();
    }

    @Test
    void codesThatStartLikeAFormulaArePrefixedWithAQuote() {
        String promotion = shop.promotion("""
                {"id": "%s", "name": "Formula-looking codes", "trigger": "CODE", "reward": {"type": "PERCENT_OFF", "value": 5}}"""
                .formatted(shop.id("csv")));
        String prefix = shop.channel.substring(5, 9).toUpperCase();
        String batchId = Api.marketer().body("{\"count\": 20, \"pattern\": \"=" + prefix + "-####-####\"}")
                .when().post("/api/v1/promotions/" + promotion + "/code-batches")
                .then().statusCode(202).extract().path("batchId");
        awaitDone(batchId);

        String csv = Api.marketer().when().get("/api/v1/code-batches/" + batchId + "/codes.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.get(0)).isEqualTo("code");
        assertThat(lines.subList(1, lines.size())).hasSize(20).allMatch(line -> line.startsWith("'=" + prefix + "-"));
        // The stored code has no quote: it is the CSV cell that protects the spreadsheet
        String code = lines.get(1).substring(1);
        Api.marketer().when().get("/api/v1/codes/{code}", code).then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void aCellIsQuotedAsRfc4180Says() {
        assertThat(CsvCell.of("SAVE10")).isEqualTo("SAVE10");
        assertThat(CsvCell.of("A,B")).isEqualTo("\"A,B\"");
        assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCell.of("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCell.of("")).isEmpty();
    }

    @Test
    void aCellThatStartsLikeAFormulaGetsAQuoteFirst() {
        assertThat(CsvCell.of("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCell.of("+SAVE")).isEqualTo("'+SAVE");
        assertThat(CsvCell.of("-SAVE")).isEqualTo("'-SAVE");
        assertThat(CsvCell.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCell.of("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    private static void awaitDone(String batchId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "RUNNING";
        while (status.equals("RUNNING") && System.nanoTime() < deadline) {
            status = Api.marketer().when().get("/api/v1/code-batches/" + batchId).then().statusCode(200).extract().path("status");
        }
        assertThat(status).isEqualTo("DONE");
    }
}
