package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import kupon.events.DeliveryLog;
import kupon.events.EventType;
import kupon.events.Webhook;
import kupon.events.Webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/webhooks} (admin): receivers of signed events, and the log of what was delivered to each. */
@Path("/api/v1/webhooks")
@Allowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;
    private static final int MAX_URL = 2000;

    /** The body of a registration. */
    public record NewWebhook(String url, List<String> events, String secret) {
    }

    private final Webhooks webhooks;
    private final DeliveryLog deliveryLog;

    public WebhookResource(Webhooks webhooks, DeliveryLog deliveryLog) {
        this.webhooks = webhooks;
        this.deliveryLog = deliveryLog;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewWebhook request, @Context ContainerRequestContext context) {
        BodyCheck.check(request);
        List<FieldError> errors = new ArrayList<>();
        URI url = url(request == null ? null : request.url(), errors);
        List<EventType> events = events(request == null ? null : request.events(), errors);
        String secret = request == null ? null : request.secret();
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(new FieldError("secret", "is required: " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters that only Kupon and the receiver know (deliveries are signed with it)"));
        } else {
            FieldLimits.text("secret", secret, MAX_SECRET, errors);
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Webhook webhook = webhooks.register(url, events, secret, (String) context.getProperty(ApiKeyFilter.CALLER_PROPERTY));
        return Response.created(URI.create("/api/v1/webhooks/" + webhook.id())).entity(webhook).build();
    }

    private URI url(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("url", "is required: where to POST events, such as https://shop.example/kupon-events"));
            return null;
        }
        if (text.length() > MAX_URL) {
            errors.add(new FieldError("url", "is longer than " + MAX_URL + " characters"));
            return null;
        }
        try {
            URI url = new URI(text.strip());
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null || url.getUserInfo() != null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL with a host and no user:password"));
                return null;
            }
            Optional<String> refused = webhooks.refusal(url);
            refused.ifPresent(why -> errors.add(new FieldError("url", why)));
            return url;
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a URL: " + FieldLimits.excerpt(e.getReason())));
            return null;
        }
    }

    private static List<EventType> events(List<String> names, List<FieldError> errors) {
        List<EventType> events = new ArrayList<>();
        String known = String.join(", ", Arrays.stream(EventType.values()).map(EventType::wire).toList());
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("events", "is required: one or more of " + known));
            return events;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<EventType> type = name == null ? Optional.empty() : EventType.ofWire(name.strip());
            if (type.isEmpty()) errors.add(new FieldError("events[" + i + "]", "'" + FieldLimits.excerpt(name) + "' is not an event type; use " + known));
            else events.add(type.get());
        }
        return events;
    }

    @GET
    public List<Webhook> list() {
        return webhooks.list();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!webhooks.delete(id)) throw notFound(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryLog.Delivery> deliveries(@PathParam("id") String id, @QueryParam("before") String before,
                                                @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        Long below = null;
        int pageSize = 50;
        try {
            if (before != null) below = Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("before", "must be an event number from an earlier page"));
        }
        try {
            if (limit != null) pageSize = Integer.parseInt(limit.strip());
            if (pageSize < 1 || pageSize > 500) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to 500"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(400, errors);
        if (webhooks.list().stream().noneMatch(w -> w.id().equals(id))) throw notFound(id);
        return deliveryLog.deliveries(id, below, pageSize);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("NOT_FOUND", "No webhook '" + FieldLimits.excerpt(id) + "'; GET /api/v1/webhooks lists them")).build());
    }
}
