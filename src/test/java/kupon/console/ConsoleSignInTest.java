package kupon.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kupon.support.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Signing in to the console: which keys may, what the cookie is like, and what a forged or stale form gets. */
@QuarkusTest
class ConsoleSignInTest {

    private static Response signIn(String key, String next) {
        return RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", key).formParam("next", next).when().post("/console/sign-in");
    }

    @Test
    void aPageAsksForTheKeyFirstAndComesBackAfterwards() {
        RestAssured.given().redirects().follow(false).when().get("/console/promotions?status=ACTIVE")
                .then().statusCode(303).header("Location", containsString("/console/sign-in?next=%2Fconsole%2Fpromotions%3Fstatus%3DACTIVE"));
        signIn(Api.MARKETER_KEY, "/console/promotions?status=ACTIVE")
                .then().statusCode(303).header("Location", containsString("/console/promotions?status=ACTIVE"));
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndOnlyForTheConsole() {
        String setCookie = signIn(Api.MARKETER_KEY, "/console").getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(ConsoleFilter.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console").doesNotContain(Api.MARKETER_KEY);
    }

    @Test
    void checkoutKeysAndUnknownKeysCannotSignIn() {
        signIn(Api.CHECKOUT_KEY, "/console").then().statusCode(401).body(containsString("not a marketer or admin key"));
        signIn("no-such-key", "/console").then().statusCode(401).body(containsString("not a marketer or admin key"));
    }

    @Test
    void signingInNeverLeadsToAnotherSite() {
        for (String next : new String[] {"https://evil.example/console", "//evil.example/console", "/console\\@evil.example", "/api/v1/promotions"}) {
            signIn(Api.MARKETER_KEY, next).then().statusCode(303).header("Location", not(containsString("evil")))
                    .header("Location", not(containsString("/api/")));
        }
    }

    @Test
    void aMarketerSeesNoFraudAndMayNotOpenAdminPages() {
        ConsoleUser marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
        marketer.browser().when().get("/console").then().statusCode(200)
                .body(containsString("Dashboard"), not(containsString("Recent fraud events")), not(containsString("href=\"/console/fraud\"")));
        ConsoleUser admin = ConsoleUser.signIn(Api.ADMIN_KEY);
        admin.browser().when().get("/console").then().statusCode(200)
                .body(containsString("Recent fraud events"), containsString("href=\"/console/fraud\""));
    }

    @Test
    void aFormWithoutItsTokenOrFromAnotherSiteIsRefused() {
        ConsoleUser marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
        String body = "id=forged-" + System.nanoTime() + "&name=Forged&reward.type=PERCENT_OFF&reward.value=10";
        marketer.browser().contentType(ContentType.URLENC).body(body).when().post("/console/promotions")
                .then().statusCode(403).body(containsString("did not come from the console"));
        marketer.browser().contentType(ContentType.URLENC).body(body + "&_csrf=" + "0".repeat(64)).when().post("/console/promotions")
                .then().statusCode(403);
        marketer.browser().header("Origin", "https://evil.example").contentType(ContentType.URLENC).body(body + "&_csrf=" + marketer.csrf)
                .when().post("/console/promotions").then().statusCode(403);
    }

    @Test
    void pagesKeepOutOfFramesAndCachesAndRunOnlyTheirOwnScripts() {
        ConsoleUser.signIn(Api.MARKETER_KEY).browser().when().get("/console").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleUser marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
        marketer.browser().contentType(ContentType.URLENC).formParam("_csrf", "f".repeat(64)).when().post("/console/sign-out")
                .then().statusCode(403);
        marketer.form().when().post("/console/sign-out").then().statusCode(303).header("Location", containsString("/console/sign-in"));
        marketer.browser().when().get("/console").then().statusCode(303).header("Location", containsString("/console/sign-in"));
    }

    @Test
    void theApiStillWantsItsBearerKeyNotTheConsoleCookie() {
        ConsoleUser marketer = ConsoleUser.signIn(Api.MARKETER_KEY);
        marketer.browser().when().get("/api/v1/promotions").then().statusCode(401);
    }
}
