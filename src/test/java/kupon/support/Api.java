package kupon.support;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** REST Assured requests as each role sends them, reading JSON numbers as exact BigDecimals. */
public final class Api {

    public static final String CHECKOUT_KEY = "test-checkout";
    public static final String MARKETER_KEY = "test-marketer";
    public static final String ADMIN_KEY = "test-admin";

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    public static RequestSpecification as(String key) {
        return RestAssured.given().config(EXACT_NUMBERS).contentType(ContentType.JSON).header("Authorization", "Bearer " + key);
    }

    public static RequestSpecification checkout() {
        return as(CHECKOUT_KEY);
    }

    public static RequestSpecification marketer() {
        return as(MARKETER_KEY);
    }

    public static RequestSpecification admin() {
        return as(ADMIN_KEY);
    }

    /** A request body kept under src/test/resources/api/. */
    public static String body(String name) {
        try (InputStream in = Api.class.getResourceAsStream("/api/" + name)) {
            if (in == null) throw new IllegalArgumentException("No test body /api/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
