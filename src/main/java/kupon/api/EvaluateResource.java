package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import kupon.auth.Allowed;
import kupon.auth.ApiKeyFilter;
import kupon.auth.Role;
import kupon.evaluation.CheckoutRequest;
import kupon.evaluation.Evaluation;
import kupon.fraud.Requester;
import kupon.evaluation.EvaluationResponse;
import kupon.evaluation.Evaluator;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import java.time.Instant;
import kupon.analytics.CheckoutCounting;

/**
 * {@code POST /api/v1/evaluate}: what would this cart get? Consumes no usage limit. Checkout keys call it; marketer
 * keys may only with {@code ?explain=true}, to try a cart and see why each promotion did or did not apply.
 */
@Path("/api/v1/evaluate")
@Allowed({Role.CHECKOUT, Role.MARKETER})
public class EvaluateResource {

    private final Evaluator evaluator;
    private final GuessingThrottle throttle;
    private final CheckoutCounting counting;

    public EvaluateResource(Evaluator evaluator, GuessingThrottle throttle, CheckoutCounting counting) {
        this.evaluator = evaluator;
        this.throttle = throttle;
        this.counting = counting;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluationResponse evaluate(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "A cart with a code", value = ApiExamples.CART))) CheckoutRequest request, @QueryParam("explain") boolean explain,
                                       @Context HttpServerRequest http, @Context ContainerRequestContext requestContext) {
        if (!explain && request != null && requestContext.getProperty(ApiKeyFilter.ROLE_PROPERTY) == Role.MARKETER) {
            throw new ForbiddenException(ErrorMappers.json(403, ApiError.of("FORBIDDEN", "Evaluating carts for checkout needs a"
                    + " checkout key; a marketer key may try a cart with POST /api/v1/evaluate?explain=true")));
        }
        String ip = ClientAddress.of(http);
        // A throttled requester is refused before its cart is even checked: refusing it must cost next to nothing.
        Requester requester = request != null && request.hasCodes() ? request.guesser(ip) : null;
        if (requester != null) throttle.admit(requester);
        CheckoutRequestValidator.validate(request);
        Evaluation evaluation = evaluator.evaluate(request, Instant.now(), ip);
        // A marketer trying a cart is not a shopper: analytics count checkout's evaluations only.
        if (requestContext.getProperty(ApiKeyFilter.ROLE_PROPERTY) != Role.MARKETER) counting.count(evaluation);
        if (requester != null) throttle.count(requester, evaluation.rejectedCodes());
        return EvaluationResponse.of(evaluation, explain);
    }
}
