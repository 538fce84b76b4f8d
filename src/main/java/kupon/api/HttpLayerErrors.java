package kupon.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contract's JSON errors for what the HTTP layer refuses before any resource runs: bad percent-escapes, bodies
 * over {@code quarkus.http.limits.max-body-size} (413), URIs over {@link #MAX_URI} characters (414), multipart bodies
 * without a usable boundary, and failures no exception mapper saw. Quarkus and Vert.x would answer them with empty bodies.
 */
@ApplicationScoped
public class HttpLayerErrors {

    /** Longer URIs are refused with 414; Netty's own limit (quarkus.http.limits.max-initial-line-length) is above it. */
    public static final int MAX_URI = 8192;
    static final String CONTENT_TYPE_HELP = "Send Content-Type: application/json (multipart/form-data for POST /api/v1/rulesets)";
    static final String MULTIPART_HELP = "The multipart body is malformed or cut off; send multipart/form-data with a non-empty "
            + "boundary, a part named 'file' with the rule file and a part named 'name', e.g. curl -F file=@tiers.xlsx -F name=tiers.xlsx";

    private static final Logger LOG = Logger.getLogger(HttpLayerErrors.class);
    /** RFC 2046: 1 to 70 characters, optionally quoted. */
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"?)([0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?])\\1\\s*(;|$)");
    private static final List<Integer> STATUSES = List.of(400, 404, 405, 413, 414, 415, 500);

    private final long maxBodyBytes;
    /**
     * Reads a body sent without Content-Length up to the limit, failing with 413 through {@link #failed}: Quarkus REST
     * would find out only while reading it, and then answers 413 with an empty body.
     */
    private final BodyHandler chunkedBodies;

    public HttpLayerErrors(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    /** A filter of the highest priority runs before every route, Quarkus' own included (one answers 413 with an empty body). */
    void screenFirst(@Observes Filters filters) {
        filters.register(this::screen, Integer.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // vertx-web sends some failures (a path it cannot normalise) straight to these, bypassing failure handlers.
        STATUSES.forEach(status -> router.errorHandler(status, this::failed));
    }

    /** Refuses, before a body is read, what no endpoint could take. */
    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI) {
            send(context, 414, "URI_TOO_LONG", "The URI is " + request.uri().length() + " characters long; keep it under "
                    + MAX_URI + " and send long values in a JSON body");
            return;
        }
        String invalid = uriProblem(request.uri());
        if (invalid != null) {
            send(context, 400, "BAD_URI", "The URI is not valid (" + invalid + "): every '%' must be followed by two hex digits"
                    + " (%25 for '%' itself), and spaces and characters such as { } | \\ \" must be percent-encoded, e.g. %20");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            // The rest of the body is not read: closing the connection is the only way to be done with it.
            context.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(done -> request.connection().close());
            send(context, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage());
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/") && !BOUNDARY.matcher(type).find()) {
            send(context, 400, "MALFORMED_MULTIPART", MULTIPART_HELP);
            return;
        }
        if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING) && !isMultipart(request)) {
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    /**
     * Quarkus' first handler answers a URI that java.net.URI cannot parse (a bad escape) with an empty 400 before any
     * route runs, unless vertx.disableURIValidation is set (KuponMain and the test JVM set it): this is that check.
     * Returns why (without repeating the URI), or null when it is fine.
     */
    private static String uriProblem(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
    }

    private void failed(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            // Part of an answer is out: only closing the connection tells the client it is incomplete.
            if (!response.ended()) response.reset();
            return;
        }
        int status = context.statusCode() < 400 ? 500 : context.statusCode();
        Throwable failure = context.failure();
        if (failure instanceof IOException && isMultipart(context.request())) {
            send(context, 400, "MALFORMED_MULTIPART", MULTIPART_HELP);
            return;
        }
        switch (status) {
            case 400 -> send(context, 400, "BAD_REQUEST", "The request could not be read: check the percent-escapes in its path and"
                    + " query ('%' must be followed by two hex digits, e.g. %3F for '?') and send the body the endpoint expects");
            case 404 -> send(context, 404, "NOT_FOUND", "No such resource; check the path against the API reference at /q/swagger-ui");
            case 405 -> send(context, 405, "METHOD_NOT_ALLOWED", "This path does not take " + context.request().method()
                    + "; see the API reference at /q/swagger-ui");
            case 413 -> send(context, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage());
            case 414 -> send(context, 414, "URI_TOO_LONG", "The URI is too long; keep it under " + MAX_URI + " characters");
            case 415 -> send(context, 415, "UNSUPPORTED_MEDIA_TYPE", CONTENT_TYPE_HELP);
            default -> {
                if (status >= 500) {
                    LOG.error("Unexpected failure while handling " + context.request().method() + " " + context.request().path(), failure);
                    send(context, 500, "INTERNAL_ERROR", "Kupon failed to handle this request; the server log has the details");
                } else {
                    send(context, status, "BAD_REQUEST", "The request was refused (HTTP " + status + "); check it against the API reference");
                }
            }
        }
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private String tooLargeMessage() {
        return "The body is larger than " + maxBodyBytes / (1024 * 1024) + " MB; send a smaller one (for simulate, fewer carts per call)";
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static void send(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(ApiError.of(code, message)));
    }
}
