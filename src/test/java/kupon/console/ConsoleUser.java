package kupon.console;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone signed in to the console, as a browser is: a session cookie, and the form token the pages carry. */
final class ConsoleUser {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

    final String cookie;
    final String csrf;

    private ConsoleUser(String cookie, String csrf) {
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in with the key through the sign-in form and reads the form token off the dashboard. */
    static ConsoleUser signIn(String key) {
        Response signedIn = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("key", key).formParam("next", "/console").when().post("/console/sign-in");
        assertThat(signedIn.statusCode()).as("signing in with " + key).isEqualTo(303);
        String cookie = signedIn.getCookie(ConsoleFilter.COOKIE);
        String page = RestAssured.given().cookie(ConsoleFilter.COOKIE, cookie).when().get("/console").then().statusCode(200)
                .extract().asString();
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as("the dashboard carries a form token").isTrue();
        return new ConsoleUser(cookie, token.group(1));
    }

    /** A request as this user's browser sends it: with the cookie, not following redirects. */
    RequestSpecification browser() {
        return RestAssured.given().redirects().follow(false).cookie(ConsoleFilter.COOKIE, cookie);
    }

    /** A form post with the page's token, as a console form sends it. */
    RequestSpecification form() {
        return browser().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("_csrf", csrf);
    }
}
