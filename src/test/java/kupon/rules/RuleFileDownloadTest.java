package kupon.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** An uploaded file downloads as it serves, under its own name or as the rule set lists it ({@code uploaded/…}). */
@QuarkusTest
class RuleFileDownloadTest {

    private static RequestSpecification upload(String name, String content) {
        return RestAssured.given().header("Authorization", "Bearer " + Api.MARKETER_KEY)
                .multiPart("file", "table.csv", content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("name", name);
    }

    @Test
    void anUploadedTableDownloadsByEitherNameAndIsRemovedByTheListedOne() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "grid-" + suffix + ".csv";
        String table = Files.readString(Path.of("rules/tables/segment-grid.csv"))
                .replace("kupon.rules.tables.segment_grid", "kupon.rules.tables.grid_" + suffix.replace('-', '_'))
                .replace("gold-paper", "g" + suffix + "-paper");
        upload(name, table).when().post("/api/v1/rulesets").then().statusCode(201);
        Api.marketer().when().get("/api/v1/rulesets/active").then().body("sources.name", hasItem("uploaded/" + name));

        for (String asListed : new String[] {name, "uploaded/" + name}) {
            byte[] downloaded = Api.marketer().when().get("/api/v1/rulesets/files/" + asListed).then().statusCode(200)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .extract().asByteArray();
            assertThat(new String(downloaded, StandardCharsets.UTF_8)).isEqualTo(table);
        }

        Api.marketer().when().delete("/api/v1/rulesets/files/uploaded/" + name).then().statusCode(200);
        Api.marketer().when().get("/api/v1/rulesets/files/" + name).then().statusCode(404).body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void aFileMayBeUploadedUnderItsListedName() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String table = Files.readString(Path.of("rules/tables/segment-grid.csv"))
                .replace("kupon.rules.tables.segment_grid", "kupon.rules.tables.listed_" + suffix.replace('-', '_'))
                .replace("gold-paper", "l" + suffix + "-paper");
        upload("uploaded/listed-" + suffix + ".csv", table).when().post("/api/v1/rulesets").then().statusCode(201)
                .body("name", equalTo("listed-" + suffix + ".csv"));
        Api.marketer().when().delete("/api/v1/rulesets/files/listed-" + suffix + ".csv").then().statusCode(200);
    }
}
