package kupon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.evaluation.EvaluationResponse;
import kupon.fraud.Requester;
import kupon.orders.OrderOutcome;
import kupon.orders.OrderRequest;
import kupon.orders.OrderService;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;

/** {@code POST /api/v1/orders} commits an order (idempotent by order id); {@code /cancel} releases what it used. */
@Path("/api/v1/orders")
@Allowed(Role.CHECKOUT)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** The most a cart can come to: 50,000 units at the highest price, with shipping and tax. */
    private static final java.math.BigDecimal MAX_TOTAL = new java.math.BigDecimal("1000000000000000");

    /** The answer to a cancel. */
    public record CancelView(String orderId, String status, boolean released) {
    }

    /** A committed order's answer: the evaluation it committed, under the shop's order id. */
    record Answer(String orderId, @JsonUnwrapped EvaluationResponse evaluation) {
    }

    /** A refused order's answer: why, what to do next, and the evaluation that decided it (none for an id conflict). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String error, String message, String orderId, @JsonUnwrapped EvaluationResponse evaluation) {
    }

    private final OrderService orders;
    private final ObjectMapper json;

    private final GuessingThrottle throttle;

    public OrderResource(OrderService orders, ObjectMapper json, GuessingThrottle throttle) {
        this.throttle = throttle;
        this.orders = orders;
        this.json = json;
    }

    @APIResponse(responseCode = "201", description = "The order is recorded: the evaluation plus orderId",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvaluationResponse.class)))
    @APIResponse(responseCode = "200", description = "A replay of an order placed before: its original answer, with status CANCELLED if cancelled since",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvaluationResponse.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "An order", value = ApiExamples.ORDER))) OrderRequest request, @Context HttpServerRequest http) {
        validate(request);
        String ip = ClientAddress.of(http);
        Requester requester = request.checkout().hasCodes() ? request.checkout().guesser(ip) : null;
        if (requester != null) throttle.admit(requester);
        OrderOutcome outcome = orders.place(request, ip,
                (orderId, evaluation) -> write(new Answer(orderId, EvaluationResponse.of(evaluation))));
        if (requester != null && outcome instanceof OrderOutcome.CodeRejected rejected) {
            throttle.count(requester, rejected.evaluation().rejectedCodes());
        }
        if (outcome instanceof OrderOutcome.Placed placed) return json(201, placed.answer());
        if (outcome instanceof OrderOutcome.Replayed replayed) {
            return json(200, replayed.cancelled() ? withFields(replayed.answer(), Map.of("status", "CANCELLED")) : replayed.answer());
        }
        return json(409, write(refusal((OrderOutcome.Refused) outcome)));
    }

    private static Refusal refusal(OrderOutcome.Refused refused) {
        if (refused instanceof OrderOutcome.CodeRejected rejected) {
            return new Refusal("CODE_REJECTED", "An entered code cannot be used; drop it and place the order again",
                    rejected.orderId(), EvaluationResponse.of(rejected.evaluation()));
        }
        if (refused instanceof OrderOutcome.TotalChanged changed) {
            return new Refusal("TOTAL_CHANGED", "The total is now " + changed.total().toPlainString() + ", not "
                    + changed.expected().toPlainString() + "; show the shopper the new total", changed.orderId(),
                    EvaluationResponse.of(changed.evaluation()));
        }
        return new Refusal("ORDER_ID_CONFLICT", "Order " + refused.orderId()
                + " was placed before with a different body; use a new order id for a new order", refused.orderId(), null);
    }

    /** With the service's mapper, so amounts keep their plain form (1250, never 1.25E+3). */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order answer cannot be written as JSON", e);
        }
    }

    /** The recorded answer, with where the order stands: {@code status}, {@code placedAt}, {@code cancelledAt}. */
    @APIResponse(responseCode = "200", description = "The recorded answer plus status, placedAt and cancelledAt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvaluationResponse.class)))
    @GET
    @Path("/{orderId}")
    @Allowed({Role.CHECKOUT, Role.MARKETER})
    public Response get(@PathParam("orderId") String orderId) {
        OrderService.RecordedOrder order = orders.find(orderId).orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ApiError.of("NOT_FOUND", "No order '" + FieldLimits.excerpt(orderId) + "'")).build()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", order.status());
        fields.put("placedAt", order.placedAt().toString());
        fields.put("cancelledAt", order.cancelledAt() == null ? null : order.cancelledAt().toString());
        return json(200, withFields(order.answer(), fields));
    }

    /**
     * The stored answer (one JSON object, written by this class when the order was placed, without these fields) with
     * these fields added at its end. Spliced as text: reading it into a tree would rewrite its amounts (30.00 as 30).
     */
    private String withFields(String answer, Map<String, Object> fields) {
        StringBuilder added = new StringBuilder();
        fields.forEach((name, value) -> added.append(',').append(write(name)).append(':').append(write(value)));
        int end = answer.lastIndexOf('}');
        return answer.substring(0, end) + added + answer.substring(end);
    }

    @POST
    @Path("/{orderId}/cancel")
    public CancelView cancel(@PathParam("orderId") String orderId) {
        return switch (orders.cancel(orderId)) {
            case NOW -> new CancelView(orderId, "CANCELLED", true);
            case ALREADY -> new CancelView(orderId, "CANCELLED", false);
            case UNKNOWN -> throw new jakarta.ws.rs.NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("NOT_FOUND", "No order '" + FieldLimits.excerpt(orderId) + "'")).build());
        };
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static void validate(OrderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        BodyCheck.check(request);
        if (request == null || request.orderId() == null || request.orderId().isBlank()) {
            errors.add(new FieldError("orderId", "is required: the shop's own id for this order"));
        } else if (!ORDER_ID.matcher(request.orderId()).matches()) {
            errors.add(new FieldError("orderId", "must be 1–128 letters, digits, '.', '_', ':' or '-'"));
        }
        if (request != null && request.expectedTotal() != null) {
            String problem = FieldLimits.moneyProblem(request.expectedTotal(), MAX_TOTAL, FieldLimits.LEDGER_DECIMALS, "an order total");
            if (problem != null) errors.add(new FieldError("expectedTotal", problem));
        }
        try {
            CheckoutRequestValidator.validate(request == null ? null : request.checkout());
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }
}
