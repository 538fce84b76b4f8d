package kupon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import kupon.auth.AccessRefused;
import kupon.database.DatabaseOutage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into the JSON error of the contract; a client never sees a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final int MAX_PATH = 200;
    private static final int MAX_PARSER_MESSAGE = 160;
    private static final int RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response refused(AccessRefused e) {
        return json(e.status(), ApiError.of(e.error(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        LOG.debugf("Rejected request: %s", e.getMessage());
        return json(e.status(), new ApiError("VALIDATION_FAILED", e.getMessage(), e.errors()));
    }

    // Declared for the exact subtype so it wins over Quarkus' built-in mapper, which answers with an empty body.
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        // A body cut off mid-value is reported as a mapping problem by Jackson; to the caller it is JSON that does not parse.
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) return malformed(e, uri);
        String path = FieldLimits.excerpt(path(e.getPath()), MAX_PATH);
        // Something other than an object at the top ([], "text", 42): say what the endpoint takes.
        String message = path.isEmpty()
                ? "The body must be " + BodyShapes.expected(uri.getPath()) + "; it is " + found(e)
                : "Expected " + expected(e) + " at " + path + "; fix the value and retry";
        LOG.debugf("Unreadable request: %s", e.getOriginalMessage());
        return json(400, new ApiError("MALFORMED_REQUEST", message,
                path.isEmpty() ? List.of() : List.of(new FieldError(path, "has the wrong type: expected " + expected(e)))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String problem = FieldLimits.excerpt(e.getOriginalMessage(), MAX_PARSER_MESSAGE).lines().findFirst().orElse("")
                .replaceAll("\\s*\\(for [^)]*\\)", "").replaceAll(" \\(code \\d+\\)", "");
        return json(400, ApiError.of("MALFORMED_JSON", "The body is not valid JSON" + where + ": " + problem
                + ". Send " + BodyShapes.expected(uri.getPath()) + ", with Content-Type: application/json"));
    }

    /** Thrown while the multipart body of an upload is parsed: cut off, or not multipart at all. */
    @ServerExceptionMapper
    public Response malformedMultipart(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e) {
        return json(400, ApiError.of("MALFORMED_MULTIPART", HttpLayerErrors.MULTIPART_HELP));
    }

    /** A body that cannot be read to its end (a truncated multipart upload, a dropped connection) is the request's fault. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, HttpHeaders headers) {
        LOG.debugf("Unreadable request body: %s", e.getMessage());
        MediaType type = headers.getMediaType();
        return type != null && type.getType().equals("multipart")
                ? json(400, ApiError.of("MALFORMED_MULTIPART", HttpLayerErrors.MULTIPART_HELP))
                : json(400, ApiError.of("MALFORMED_REQUEST", "The request body could not be read to its end; send it again, whole"));
    }

    @ServerExceptionMapper
    public Response noRuleSet(kupon.evaluation.NoActiveRuleSetException e) {
        return json(503, ApiError.of("NO_ACTIVE_RULE_SET", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(kupon.promotions.PromotionService.ConflictException e) {
        return json(409, ApiError.of("CONFLICT", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        if (e.getResponse().getEntity() instanceof ApiError) {
            return e.getResponse();
        }
        return json(404, ApiError.of("NOT_FOUND", "No such resource; check the path against the API reference at /q/swagger-ui"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformed(parsing, uri);
        }
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity() && e.getResponse().getEntity() instanceof ApiError) {
            return e.getResponse();
        }
        String code = switch (status) {
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status < 500 ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
        return json(status, ApiError.of(code, status == 415 ? HttpLayerErrors.CONTENT_TYPE_HELP : FieldLimits.excerpt(e.getMessage(), MAX_PARSER_MESSAGE)));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.isOutage(e)) {
            LOG.warnf("The database is unreachable, answering 503: %s", e.getMessage());
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(ApiError.of("DATABASE_UNAVAILABLE", "The database cannot be reached just now; nothing was changed. "
                            + "Retry in a few seconds: Kupon reconnects by itself")).build();
        }
        LOG.error("Unexpected error while handling a request", e);
        return json(500, ApiError.of("INTERNAL_ERROR", "Kupon failed to handle this request; the server log has the details"));
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** A body value Jackson could not read, as a field error at its path (the console shows it at its input). */
    public static FieldError fieldError(JsonMappingException e) {
        return new FieldError(FieldLimits.excerpt(path(e.getPath()), MAX_PATH), "has the wrong type: expected " + expected(e));
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Class<?> type = m.getTargetType();
            if (type == Integer.class || type == int.class || type == Long.class) return "a whole number";
            if (type == java.math.BigDecimal.class) return "a number or a decimal string like \"49.99\"";
            if (type == Boolean.class || type == boolean.class) return "true or false";
            if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
            if (type == java.time.OffsetDateTime.class) return "a date-time with offset like \"2026-11-27T00:00:00-05:00\"";
            if (type == java.time.LocalTime.class) return "a time like \"18:00\"";
            if (type == String.class) return "a string";
            if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
            return "an object";
        }
        return "a different value";
    }

    /** What the body held instead of an object, from Jackson's "Cannot deserialize ... from Array value". */
    private static String found(JsonMappingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("Array value") || message.contains("START_ARRAY")) return "an array";
        if (message.contains("String value") || message.contains("VALUE_STRING")) return "a string";
        if (message.contains("Integer value") || message.contains("Floating-point value") || message.contains("VALUE_NUMBER")) return "a number";
        if (message.contains("Boolean value") || message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) return "true or false";
        return "something else";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream().map(r -> r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
