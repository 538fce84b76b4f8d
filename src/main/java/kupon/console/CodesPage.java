package kupon.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import kupon.api.ApiError;
import kupon.api.CodeBatchResource;
import kupon.api.CodeResource;
import kupon.api.FieldError;
import kupon.api.FieldLimits;
import kupon.api.InvalidRequestException;
import kupon.api.PromotionCodeBatchResource;
import kupon.api.PromotionCodeResource;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;
import kupon.codes.CodeBatchService;
import kupon.codes.CodeBatchService.BatchState;
import kupon.codes.CodeBatchService.BatchStatus;
import kupon.codes.CodeService;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Codes: add one to a promotion, generate a batch and follow it to its CSV, list batches, look a code up and switch it off. */
@Path("/console/codes")
@SessionAuthenticated
@Allowed({Role.MARKETER})
@Produces(MediaType.TEXT_HTML)
public class CodesPage {

    /** The codes page: its two forms as typed (or empty), and the batches of the promotion filtered on (or all). */
    public record CodesView(PlainForm addCode, PlainForm batch, String promotionId, List<BatchStatus> batches) {
    }

    /** One batch and how far it got; {@code running} decides whether the page keeps polling. */
    public record BatchView(String batchId, String promotionId, String status, int generated, int count, String error,
                            Instant createdAt, boolean running, boolean done) {
        static BatchView of(BatchStatus s) {
            return new BatchView(s.batchId(), s.promotionId(), s.status().name(), s.generated(), s.count(), s.error(),
                    s.createdAt(), s.status() == BatchState.RUNNING, s.status() == BatchState.DONE);
        }
    }

    /** A looked-up code, or why there is none ({@code error}); {@code query} is what was typed. */
    public record LookupView(String query, CodeResource.CodeView code, String error) {
        public boolean active() {
            return code != null && "ACTIVE".equals(code.status());
        }

        /** "3 of 10", or "3 (no limit)". */
        public String usesText() {
            return code == null ? "" : code.uses() + (code.maxUses() == null ? " (no limit)" : " of " + code.maxUses());
        }
    }

    static final List<PlainForm.Spec> ADD_CODE = List.of(
            PlainForm.Spec.text("promotionId", "Promotion id", "The promotion the code unlocks, e.g. black-friday."),
            PlainForm.Spec.text("code", "Code", "Letters A–Z, digits and " + FieldLimits.CODE_PUNCTUATION + "; matched ignoring case."),
            PlainForm.Spec.text("maxUses", "Uses in all", "Leave empty for no limit."),
            PlainForm.Spec.text("perCustomer", "Uses per customer", "Leave empty for no limit."),
            PlainForm.Spec.text("customerId", "Only for customer id", "Makes it a personal code; leave empty for anyone."),
            PlainForm.Spec.text("email", "Only for email", "Makes it a personal code; leave empty for anyone."),
            PlainForm.Spec.text("startsAt", "Valid from", "A date-time with offset, e.g. 2026-11-27T00:00:00-05:00; empty: now."),
            PlainForm.Spec.text("expiresAt", "Expires at", "A date-time with offset; empty: never."));

    static final List<PlainForm.Spec> BATCH = List.of(
            PlainForm.Spec.text("promotionId", "Promotion id", "The promotion the codes unlock."),
            PlainForm.Spec.text("count", "How many codes", "Between 1 and 10,000,000."),
            PlainForm.Spec.text("pattern", "Pattern", "Each # becomes a random character, e.g. BF-####-####."),
            PlainForm.Spec.text("charset", "Characters for #", "Empty: upper-case letters and digits without look-alikes (0, O, 1, I, L)."),
            PlainForm.Spec.text("maxUses", "Uses per code", "Leave empty for no limit."),
            PlainForm.Spec.text("expiresAt", "Expires at", "A date-time with offset; empty: never."));

    /** The status that tells htmx to stop polling, with content it still swaps in. */
    static final int GONE_STOP_POLLING = 286;

    private final PromotionCodeResource codeApi;
    private final PromotionCodeBatchResource batchApi;
    private final CodeBatchResource batches;
    private final CodeResource code;

    public CodesPage(PromotionCodeResource codeApi, PromotionCodeBatchResource batchApi, CodeBatchResource batches, CodeResource code) {
        this.codeApi = codeApi;
        this.batchApi = batchApi;
        this.batches = batches;
        this.code = code;
    }

    @GET
    public TemplateInstance show(@QueryParam("promotionId") String promotionId, @Context ContainerRequestContext request) {
        String filter = promotionId == null ? "" : promotionId.strip();
        Map<String, String> prefilled = filter.isEmpty() ? Map.of() : Map.of("promotionId", filter);
        return page(Frame.of(request, "codes", "Codes"), PlainForm.of("add-code", ADD_CODE, prefilled, List.of()),
                PlainForm.of("batch", BATCH, prefilled, List.of()), filter);
    }

    /** Adds one code; on success the code's own page shows it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCode(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PlainForm.Reader in = new PlainForm.Reader(form);
        String promotionId = in.text("promotionId");
        CodeService.NewCode newCode = new CodeService.NewCode(form.getFirst("code"), in.whole("maxUses"), in.whole("perCustomer"),
                in.text("customerId"), in.text("email"), in.instant("startsAt"), in.instant("expiresAt"));
        Sent sent = send(promotionId, in.errors, id -> {
            Response created = codeApi.create(id, newCode);
            return created.getStatus() == 201
                    ? Sent.to("/console/codes/lookup?code=" + PromotionsPage.enc(newCode.code().strip()) + "&done=created")
                    : Sent.refused(created.getStatus(), new FieldError("code", message(created.getEntity(), "The code exists already")));
        });
        if (sent.next() != null) return Response.seeOther(sent.next()).build();
        return Response.status(sent.status()).entity(page(Frame.of(request, "codes", "Codes"),
                PlainForm.of("add-code", ADD_CODE, PlainForm.values(form), sent.errors()), PlainForm.of("batch", BATCH, Map.of(), List.of()),
                "")).build();
    }

    /** Starts a batch and goes to its page, which follows it until it is done. */
    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PlainForm.Reader in = new PlainForm.Reader(form);
        String promotionId = in.text("promotionId");
        CodeBatchService.NewBatch batch = new CodeBatchService.NewBatch(in.whole("count"), in.text("pattern"), in.text("charset"),
                in.whole("maxUses"), null, null, in.instant("expiresAt"));
        Sent sent = send(promotionId, in.errors,
                id -> Sent.to("/console/codes/batches/" + ((BatchStatus) batchApi.start(id, batch).getEntity()).batchId()));
        if (sent.next() != null) return Response.seeOther(sent.next()).build();
        return Response.status(sent.status()).entity(page(Frame.of(request, "codes", "Codes"),
                PlainForm.of("add-code", ADD_CODE, Map.of(), List.of()), PlainForm.of("batch", BATCH, PlainForm.values(form), sent.errors()),
                "")).build();
    }

    /** A form's trip to the API: where the browser goes next, or the status and the errors to show at the form. */
    private record Sent(URI next, int status, List<FieldError> errors) {
        static Sent to(String next) {
            return new Sent(URI.create(next), 303, List.of());
        }

        static Sent refused(int status, FieldError error) {
            return new Sent(null, status, List.of(error));
        }
    }

    /**
     * Sends a form about a promotion to the API once the form itself is right; the API's refusals become errors at
     * the form's fields, an unknown promotion at its id.
     */
    private static Sent send(String promotionId, List<FieldError> formErrors, java.util.function.Function<String, Sent> call) {
        List<FieldError> errors = new ArrayList<>(formErrors);
        if (promotionId == null) errors.add(new FieldError("promotionId", "is required"));
        else FieldLimits.text("promotionId", promotionId, FieldLimits.ID, errors);
        if (!errors.isEmpty()) return new Sent(null, 422, errors);
        try {
            return call.apply(promotionId);
        } catch (InvalidRequestException e) {
            return new Sent(null, e.status(), e.errors());
        } catch (NotFoundException e) {
            return Sent.refused(404, new FieldError("promotionId", message(e.getResponse().getEntity(), "No such promotion")));
        }
    }

    @GET
    @Path("/batches/{batchId}")
    public Response batch(@PathParam("batchId") String batchId, @Context ContainerRequestContext request) {
        try {
            BatchView batch = BatchView.of(status(batchId));
            return Response.ok(CodePages.codesBatch(Frame.of(request, "codes", "Code batch"), batch)).build();
        } catch (NotFoundException e) {
            return missing(request, e, "No such code batch");
        }
    }

    /** The progress bar alone, for htmx to swap in every second while the batch runs. */
    @GET
    @Path("/batches/{batchId}/progress")
    public Response progress(@PathParam("batchId") String batchId, @Context ContainerRequestContext request) {
        try {
            return Response.ok(CodePages.codesBatch$progress(BatchView.of(status(batchId)))).build();
        } catch (NotFoundException e) {
            // 286 is htmx's "stop polling": a batch whose promotion was deleted meanwhile is gone for good.
            return Response.status(GONE_STOP_POLLING).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity("""
                    <section id="batch-live"><p class="error" role="alert" id="batch-gone">This batch is gone: its promotion \
                    was deleted, and its codes with it.</p></section>""").build();
        }
    }

    /** The same CSV as the API streams (a million codes never sit in memory), as a download. */
    @GET
    @Path("/batches/{batchId}/codes.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("batchId") String batchId, @Context ContainerRequestContext request) {
        try {
            status(batchId);
            return batches.csv(batchId);
        } catch (NotFoundException e) {
            return missing(request, e, "No such code batch");
        }
    }

    @GET
    @Path("/lookup")
    public Response lookup(@QueryParam("code") String query, @QueryParam("done") String done, @Context ContainerRequestContext request) {
        String typed = query == null ? "" : query.strip();
        String notice = done == null ? null : switch (done) {
            case "created" -> "Code added.";
            case "deactivated" -> "Deactivated: checkout now rejects it as INACTIVE.";
            default -> null;
        };
        Frame frame = Frame.of(request, "codes", typed.isEmpty() ? "Look up a code" : "Code " + typed, notice);
        if (typed.isEmpty()) return Response.ok(CodePages.codesLookup(frame, new LookupView("", null, null))).build();
        // A code that no code may be is not looked for: it cannot exist, and NUL and the like never reach the database.
        if (FieldLimits.codeProblem(typed) != null) return notFound(frame, typed, "No code '" + FieldLimits.excerpt(typed) + "'");
        try {
            CodeResource.CodeView found = code.get(typed);
            Frame titled = Frame.of(request, "codes", "Code " + found.code(), notice);
            return Response.ok(CodePages.codesLookup(titled, new LookupView(typed, found, null))).build();
        } catch (NotFoundException e) {
            return notFound(frame, typed, message(e.getResponse().getEntity(), "No such code"));
        }
    }

    @POST
    @Path("/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        String typed = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
        Frame frame = Frame.of(request, "codes", "Code " + typed);
        if (FieldLimits.codeProblem(typed) != null) return notFound(frame, typed, "No code '" + FieldLimits.excerpt(typed) + "'");
        try {
            code.deactivate(typed);
        } catch (NotFoundException e) {
            return notFound(frame, typed, message(e.getResponse().getEntity(), "No such code"));
        }
        return Response.seeOther(URI.create("/console/codes/lookup?code=" + PromotionsPage.enc(typed) + "&done=deactivated")).build();
    }

    /** A batch id is ours ("batch-" and a UUID); anything else is not looked for, so odd bytes never reach the database. */
    private BatchStatus status(String batchId) {
        if (batchId == null || !batchId.matches("[A-Za-z0-9-]{1,100}")) {
            throw new NotFoundException(Response.status(404).entity(ApiError.of("NOT_FOUND", "No code batch '"
                    + FieldLimits.excerpt(batchId) + "'")).build());
        }
        return batches.status(batchId);
    }

    private TemplateInstance page(Frame frame, PlainForm addCode, PlainForm batch, String promotionId) {
        return CodePages.codes(frame, new CodesView(addCode, batch, promotionId, batches.list(promotionId)));
    }

    private static Response notFound(Frame frame, String typed, String message) {
        return Response.status(404).entity(CodePages.codesLookup(frame, new LookupView(typed, null, message))).build();
    }

    private static Response missing(ContainerRequestContext request, NotFoundException e, String fallback) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(CodePages.codesProblem(Frame.of(request, "codes", "Not found"), message(e.getResponse().getEntity(), fallback))
                        .render()).build();
    }

    /** The API's own words for a refusal, when it gave any. */
    static String message(Object entity, String fallback) {
        return entity instanceof ApiError error && error.message() != null ? error.message() : fallback;
    }
}
