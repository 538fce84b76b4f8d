package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.ApiKeyFilter;
import kupon.auth.Role;
import kupon.customers.EmailNormalizer;
import kupon.fraud.AbusePattern;
import kupon.fraud.AbusePatterns;
import kupon.fraud.Block;
import kupon.fraud.FraudBlocks;
import kupon.fraud.FraudEvent;
import kupon.fraud.FraudEvents;
import kupon.fraud.Subject;
import kupon.fraud.SubjectType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Fraud prevention for admins: blocks (add, list, remove), the events of what fraud prevention did, abuse patterns. */
@Path("/api/v1/fraud")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
public class FraudResource {

    /** Body of a new block: what to block, until when (null: until removed), and why. */
    public record NewBlock(String type, String value, OffsetDateTime until, String reason) {
    }

    /** A page of events, newest first; {@code next} is the {@code before} of the next page, null on the last. */
    public record EventPage(List<FraudEvent> events, Long next) {
    }

    private final FraudBlocks blocks;
    private final FraudEvents events;
    private final AbusePatterns patterns;

    public FraudResource(FraudBlocks blocks, FraudEvents events, AbusePatterns patterns) {
        this.blocks = blocks;
        this.events = events;
        this.patterns = patterns;
    }

    @APIResponse(responseCode = "201", description = "The block",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Block.class)))
    @POST
    @Path("/blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response block(NewBlock request, @Context ContainerRequestContext context) {
        BodyCheck.check(request);
        List<FieldError> errors = new ArrayList<>();
        SubjectType type = type(request == null ? null : request.type(), errors);
        String value = request == null ? null : request.value();
        if (value == null || value.isBlank()) errors.add(new FieldError("value", "is required: the IP, email, customer id, device id or address hash to block"));
        else FieldLimits.text("value", value, FieldLimits.EMAIL, errors);
        if (request != null) FieldLimits.text("reason", request.reason(), FieldLimits.NAME, errors);
        if (request != null && request.until() != null && !request.until().toInstant().isAfter(Instant.now())) {
            errors.add(new FieldError("until", "is in the past; give a later time, or leave it out to block until the block is removed"));
        }
        if (type == SubjectType.ADDRESS && value != null && !value.matches("[0-9a-f]{64}")) {
            errors.add(new FieldError("value", "must be an address hash (64 hex digits, as fraud events and patterns show it):"
                    + " addresses are never stored in the clear"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        String normalized = type == SubjectType.EMAIL ? EmailNormalizer.normalize(value) : value.strip();
        Block block = blocks.add(new Subject(type, normalized), request.until() == null ? null : request.until().toInstant(),
                request.reason(), (String) context.getProperty(ApiKeyFilter.CALLER_PROPERTY), FraudEvent.Type.BLOCKED);
        return Response.created(URI.create("/api/v1/fraud/blocks/" + block.id())).entity(block).build();
    }

    @GET
    @Path("/blocks")
    public List<Block> blocks() {
        return blocks.list();
    }

    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("/blocks/{id}")
    public Response unblock(@PathParam("id") String id, @Context ContainerRequestContext context) {
        if (!blocks.remove(id, (String) context.getProperty(ApiKeyFilter.CALLER_PROPERTY))) {
            return ErrorMappers.json(404, ApiError.of("NOT_FOUND", "No block '" + FieldLimits.excerpt(id)
                    + "' in force; GET /api/v1/fraud/blocks lists them"));
        }
        return Response.noContent().build();
    }

    /** Events newest first, filtered by time ({@code from} inclusive, {@code to} exclusive), type and value. */
    @GET
    @Path("/events")
    public EventPage events(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("type") String type,
                            @QueryParam("value") String value, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        Long beforeId = whole("before", before, errors);
        Long size = whole("limit", limit, errors);
        Instant start = instant("from", from, errors), end = instant("to", to, errors);
        FraudEvent.Type eventType = null;
        if (type != null && !type.isBlank()) {
            try {
                eventType = FraudEvent.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of THROTTLED, BLOCKED, AUTO_BLOCKED, UNBLOCKED"));
            }
        }
        int pageSize = size == null ? 100 : (int) Math.min(size, Integer.MAX_VALUE);
        if (pageSize < 1 || pageSize > FraudEvents.MAX_PAGE) errors.add(new FieldError("limit", "must be between 1 and " + FraudEvents.MAX_PAGE));
        if (!errors.isEmpty()) throw new InvalidRequestException(400, errors);
        List<FraudEvent> page = events.find(start, end, eventType, value == null || value.isBlank() ? null : value.strip(), beforeId, pageSize);
        return new EventPage(page, page.size() < pageSize ? null : page.get(page.size() - 1).id());
    }

    private static Long whole(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        if (!value.strip().matches("\\d{1,18}")) {
            errors.add(new FieldError(name, "must be a whole number" + (name.equals("before") ? ", the `next` of the previous page" : "")));
            return null;
        }
        return Long.parseLong(value.strip());
    }

    /**
     * Groups of distinct accounts sharing a device, IP, normalized email or address that redeemed promotions limited per
     * customer or to first orders, among orders placed in {@code [from, to)} (default: the last 30 days).
     */
    @GET
    @Path("/patterns")
    public List<AbusePattern> patterns(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors), end = instant("to", to, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(400, errors);
        Instant until = end != null ? end : Instant.now();
        Instant since = start != null ? start : until.minus(java.time.Duration.ofDays(30));
        if (!since.isBefore(until)) throw new InvalidRequestException(400, List.of(new FieldError("from", "must be before to")));
        if (java.time.Duration.between(since, until).toDays() > 366) {
            throw new InvalidRequestException(400, List.of(new FieldError("from", "the period may be at most a year; look at it a year at a time")));
        }
        return patterns.find(since, until, AbusePatterns.Thresholds.DEFAULT);
    }

    private static SubjectType type(String type, List<FieldError> errors) {
        if (type == null || type.isBlank()) {
            errors.add(new FieldError("type", "is required: IP, EMAIL, CUSTOMER, DEVICE or ADDRESS"));
            return null;
        }
        try {
            return SubjectType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "must be IP, EMAIL, CUSTOMER, DEVICE or ADDRESS"));
            return null;
        }
    }

    private static Instant instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a time with offset, e.g. 2026-12-01T00:00:00Z"));
            return null;
        }
    }
}
