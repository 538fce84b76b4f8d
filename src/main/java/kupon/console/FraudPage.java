package kupon.console;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import kupon.api.FieldError;
import kupon.api.FraudResource;
import kupon.api.InvalidRequestException;
import kupon.auth.SessionAuthenticated;
import kupon.fraud.AbusePattern;
import kupon.fraud.Block;
import kupon.fraud.FraudEvent;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fraud, for admins only (no {@code @Allowed}: the console filter lets only admins in): what fraud prevention did,
 * the blocks in force (add one, remove one), and groups of accounts that look like one shopper abusing first-order offers.
 */
@Path("/console/fraud")
@SessionAuthenticated
@Produces(MediaType.TEXT_HTML)
public class FraudPage {

    static final String PAGE_SIZE = "50";

    /** The fraud page: one page of events with its filters, the blocks in force and the form to add one. */
    public record FraudView(PlainForm filters, List<FraudEvent> events, String olderHref, String newestHref, List<Block> blocks,
                            PlainForm block, String error) {
    }

    /** Abuse patterns for a period, with the period's inputs. */
    public record PatternsView(PlainForm period, List<AbusePattern> patterns) {
    }

    static final List<PlainForm.Spec> FILTERS = List.of(
            PlainForm.Spec.text("from", "From", "Inclusive, with offset, e.g. 2026-12-01T00:00:00Z"),
            PlainForm.Spec.text("to", "To", "Exclusive, with offset"),
            new PlainForm.Spec("type", "Type", null, List.of("THROTTLED", "BLOCKED", "AUTO_BLOCKED", "UNBLOCKED")),
            PlainForm.Spec.text("value", "Value", "An IP, email, customer id, device id or address hash"));

    static final List<PlainForm.Spec> BLOCK = List.of(
            new PlainForm.Spec("type", "Type", "What the value is", List.of("IP", "EMAIL", "CUSTOMER", "DEVICE", "ADDRESS")),
            PlainForm.Spec.text("value", "Value", "The IP, email, customer id, device id, or address hash (64 hex digits) to block"),
            PlainForm.Spec.text("until", "Until", "A date-time with offset, e.g. 2026-12-01T00:00:00Z; empty: until removed"),
            PlainForm.Spec.text("reason", "Reason", "For the record, e.g. chargebacks"));

    static final List<PlainForm.Spec> PERIOD = List.of(
            PlainForm.Spec.text("from", "From", "With offset; empty: 30 days before To"),
            PlainForm.Spec.text("to", "To", "With offset; empty: now"));

    private final FraudResource api;

    public FraudPage(FraudResource api) {
        this.api = api;
    }

    @GET
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("type") String type,
                         @QueryParam("value") String value, @QueryParam("before") String before, @QueryParam("done") String done,
                         @Context ContainerRequestContext request) {
        String notice = done == null ? null : switch (done) {
            case "blocked" -> "Blocked: its codes are refused as BLOCKED on every node within seconds.";
            case "unblocked" -> "Block removed.";
            default -> null;
        };
        Map<String, String> filters = new HashMap<>();
        put(filters, "from", from);
        put(filters, "to", to);
        put(filters, "type", type);
        put(filters, "value", value);
        Frame frame = Frame.of(request, "fraud", "Fraud", notice);
        try {
            FraudResource.EventPage page = api.events(from, to, type, value, before, PAGE_SIZE);
            String query = "/console/fraud?from=" + PromotionsPage.enc(from) + "&to=" + PromotionsPage.enc(to)
                    + "&type=" + PromotionsPage.enc(type) + "&value=" + PromotionsPage.enc(value);
            FraudView view = new FraudView(PlainForm.of("events-filter", FILTERS, filters, List.of()), page.events(),
                    page.next() == null ? null : query + "&before=" + page.next(),
                    before == null || before.isBlank() ? null : query, api.blocks(), emptyBlockForm(), null);
            return Response.ok(FraudPages.fraud(frame, view)).build();
        } catch (InvalidRequestException e) {
            FraudView view = new FraudView(PlainForm.of("events-filter", FILTERS, filters, e.errors()), List.of(), null, null,
                    api.blocks(), emptyBlockForm(), null);
            return Response.status(e.status()).entity(FraudPages.fraud(frame, view)).build();
        }
    }

    @POST
    @Path("/blocks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PlainForm.Reader in = new PlainForm.Reader(form);
        FraudResource.NewBlock block = new FraudResource.NewBlock(in.text("type"), in.text("value"), in.dateTime("until"), in.text("reason"));
        List<FieldError> errors = new ArrayList<>(in.errors);
        if (errors.isEmpty()) {
            try {
                api.block(block, request);
                return Response.seeOther(URI.create("/console/fraud?done=blocked")).build();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        return Response.status(422).entity(FraudPages.fraud(Frame.of(request, "fraud", "Fraud"), new FraudView(
                PlainForm.of("events-filter", FILTERS, Map.of(), List.of()), recentEvents(), null, null, api.blocks(),
                PlainForm.of("block", BLOCK, PlainForm.values(form), errors), null))).build();
    }

    @POST
    @Path("/blocks/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblock(@PathParam("id") String id, @Context ContainerRequestContext request) {
        // Block ids are ours ("block-" and a UUID); anything else is not looked for, so odd bytes never reach the database.
        boolean removed = id.matches("[A-Za-z0-9-]{1,100}") && api.unblock(id, request).getStatus() == 204;
        if (removed) return Response.seeOther(URI.create("/console/fraud?done=unblocked")).build();
        return Response.status(404).entity(FraudPages.fraud(Frame.of(request, "fraud", "Fraud"), new FraudView(
                PlainForm.of("events-filter", FILTERS, Map.of(), List.of()), recentEvents(), null, null, api.blocks(), emptyBlockForm(),
                "That block is not in force any more (removed, or it ran out); the list below is what is in force now."))).build();
    }

    /** Groups for a period (the API's default: the last 30 days). */
    @GET
    @Path("/patterns")
    public Response patterns(@QueryParam("from") String from, @QueryParam("to") String to, @Context ContainerRequestContext request) {
        Map<String, String> period = new HashMap<>();
        put(period, "from", from);
        put(period, "to", to);
        Frame frame = Frame.of(request, "fraud", "Abuse patterns");
        try {
            return Response.ok(FraudPages.fraudPatterns(frame, new PatternsView(PlainForm.of("patterns", PERIOD, period, List.of()),
                    api.patterns(from, to)))).build();
        } catch (InvalidRequestException e) {
            return Response.status(e.status()).entity(FraudPages.fraudPatterns(frame, new PatternsView(
                    PlainForm.of("patterns", PERIOD, period, e.errors()), List.of()))).build();
        }
    }

    private List<FraudEvent> recentEvents() {
        return api.events(null, null, null, null, null, PAGE_SIZE).events();
    }

    private static PlainForm emptyBlockForm() {
        return PlainForm.of("block", BLOCK, Map.of(), List.of());
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) values.put(name, value);
    }
}
