package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import kupon.api.ApiError;
import kupon.api.ErrorMappers;
import kupon.api.FieldError;
import kupon.api.InvalidRequestException;
import kupon.api.RuleSetResource;
import kupon.api.RuleSetResource.SourceView;
import kupon.api.RuleSetResource.VersionView;
import kupon.api.SimulationResource;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;
import kupon.evaluation.CheckoutRequest;
import kupon.rules.RuleSetAuthoring;
import kupon.rules.RuleSourceStore;
import kupon.rules.decisiontable.DecisionTableConverter.Conversion.GeneratedRule;
import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule sets: what serves, uploading a spreadsheet (always tried first: its errors at their cells, the rules it became,
 * a simulation on sample carts, then publish), the versions with who changed what, and rollback after a confirmation.
 */
@Path("/console/rulesets")
@SessionAuthenticated
@Allowed({Role.MARKETER})
@Produces(MediaType.TEXT_HTML)
public class RuleSetsPage {

    /** A rule file serving now; {@code uploaded} files can be downloaded as they serve. */
    public record SourceRow(String name, String kind, String hash, boolean uploaded) {
        static SourceRow of(SourceView s) {
            return new SourceRow(s.name(), s.kind(), s.hash().substring(0, Math.min(12, s.hash().length())),
                    s.name().startsWith(RuleSourceStore.UPLOADED));
        }

        /** The name an upload was given, which its download link takes. */
        public String fileName() {
            return uploaded ? name.substring(RuleSourceStore.UPLOADED.length()) : name;
        }
    }

    /** The rule sets page: what serves, its problems, and the versions. */
    public record Overview(RuleSetResource.ActiveView active, List<SourceRow> sources, List<VersionView> versions) {
    }

    /** A dry run that compiled: the rules the file became, and a simulation of it once asked for. */
    public record Draft(String fileName, String draftId, List<GeneratedRule> rules, String carts, List<String> errors,
                        SimulationResource.SimulationResult simulation) {
    }

    /** A dry run that did not compile: each error where the author finds it. */
    public record Rejected(String fileName, String message, List<RuleError> errors) {
    }

    /** What rolling back to {@code version} would serve, against what serves now. */
    public record Rollback(VersionView version, List<String> added, List<String> changed, List<String> removed) {
        public boolean same() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** Carts a merchandiser can start a simulation from: gold and silver members buying paper and pens, and a plain cart. */
    static final String SAMPLE_CARTS = """
            [{"cart": {"currency": "USD", "lines": [
                {"id": "l1", "sku": "PAPER-A4", "categories": ["paper"], "quantity": 4, "unitPrice": "6.50"},
                {"id": "l2", "sku": "PEN-BLUE", "categories": ["pens"], "quantity": 2, "unitPrice": "3.20"}]},
              "customer": {"id": "gold-shopper", "segments": ["loyalty-gold"]}},
             {"cart": {"currency": "USD", "lines": [
                {"id": "l1", "sku": "PAPER-A4", "categories": ["paper"], "quantity": 12, "unitPrice": "6.50"}]},
              "customer": {"id": "silver-shopper", "segments": ["loyalty-silver"]}},
             {"cart": {"currency": "USD", "lines": [
                {"id": "l1", "sku": "MUG-1", "categories": ["kitchen"], "quantity": 1, "unitPrice": "12.00"}]}}]""";

    private final RuleSetResource api;
    private final SimulationResource simulator;
    private final RuleSetAuthoring authoring;
    private final ObjectMapper json;

    public RuleSetsPage(RuleSetResource api, SimulationResource simulator, RuleSetAuthoring authoring, ObjectMapper json) {
        this.api = api;
        this.simulator = simulator;
        this.authoring = authoring;
        this.json = json;
    }

    @GET
    public Response show(@QueryParam("done") String done, @QueryParam("version") Long version, @Context ContainerRequestContext request) {
        String notice = done == null ? null : switch (done) {
            case "published" -> "Published: version " + version + " serves on every node within seconds.";
            case "rolledback" -> "Rolled back: version " + version + "'s rule files serve again on every node within seconds."
                    + " Uploading a file or reloading ends the rollback.";
            case "reloaded" -> "Reloaded: version " + version + " serves.";
            default -> null;
        };
        return Response.ok(RuleSetPages.rulesets(Frame.of(request, "rulesets", "Rule sets", notice), overview())).build();
    }

    /** Every upload is a dry run first: nothing serves until the author has seen what it does and publishes it. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @Context ContainerRequestContext request) throws IOException {
        Frame frame = Frame.of(request, "rulesets", "Try a rule file");
        String name = file == null ? null : file.fileName();
        Response tried;
        try {
            tried = api.upload(file, null, true, request);
        } catch (InvalidRequestException e) {
            return rejected(frame, name, "The file was not tried.", e.errors().stream()
                    .map(f -> RuleError.inFile(name == null ? "(no file)" : name, f.path() + " " + f.message())).toList(), e.status());
        }
        if (tried.getEntity() instanceof RuleSetResource.Uploaded uploaded) {
            return Response.ok(RuleSetPages.rulesetDraft(frame, new Draft(uploaded.name(), uploaded.draftId(), uploaded.generatedRules(),
                    SAMPLE_CARTS, List.of(), null))).build();
        }
        return notTried(frame, name, tried);
    }

    /** The draft on sample carts, against the rule set serving: what each cart would get, and the difference. */
    @POST
    @Path("/drafts/{draftId}/simulate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response simulate(@PathParam("draftId") String draftId, MultivaluedMap<String, String> form,
                             @Context ContainerRequestContext request, @Context HttpServerRequest http) {
        Frame frame = Frame.of(request, "rulesets", "Try a rule file");
        String fileName = form.getFirst("name");
        String carts = Optional.ofNullable(form.getFirst("carts")).orElse("");
        Optional<RuleSource> file = draftFile(draftId, fileName);
        if (file.isEmpty()) return draftGone();
        List<GeneratedRule> rules = RuleSetAuthoring.generatedRules(file.get());
        List<String> errors = new ArrayList<>();
        SimulationResource.SimulationResult result = null;
        try {
            List<CheckoutRequest> parsed = json.readValue(carts.strip().startsWith("{") ? "[" + carts + "]" : carts,
                    json.getTypeFactory().constructCollectionType(List.class, CheckoutRequest.class));
            result = simulator.simulate(new SimulationResource.SimulationRequest(TextNode.valueOf(draftId), parsed), http);
        } catch (JsonMappingException e) {
            FieldError at = ErrorMappers.fieldError(e);
            errors.add("sample carts " + at.path() + ": " + at.message());
        } catch (JsonProcessingException e) {
            errors.add("sample carts: not JSON (" + e.getOriginalMessage() + "); send a list of evaluate bodies, as prefilled.");
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.add(f.path().replace("carts", "sample carts") + ": " + f.message()));
        } catch (WebApplicationException e) {
            errors.add(e.getResponse().getEntity() instanceof ApiError error ? error.message() : "The simulation failed; try again.");
        }
        return Response.status(errors.isEmpty() ? 200 : 422).entity(RuleSetPages.rulesetDraft(frame,
                new Draft(fileName, draftId, rules, carts, errors, result))).build();
    }

    /** Stores the file exactly as it was tried, compiled again with everything that serves now. */
    @POST
    @Path("/drafts/{draftId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("draftId") String draftId, MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        String fileName = form.getFirst("name");
        Optional<RuleSource> file = draftFile(draftId, fileName);
        if (file.isEmpty()) return draftGone();
        Response stored = api.store(fileName, file.get().kind(), file.get().content(), false, request);
        if (stored.getStatus() == 201 && stored.getEntity() instanceof RuleSetResource.Uploaded uploaded) {
            return Response.seeOther(URI.create("/console/rulesets?done=published&version=" + uploaded.version())).build();
        }
        return notTried(Frame.of(request, "rulesets", "Publish a rule file"), fileName, stored);
    }

    @GET
    @Path("/files/{name: .+}")
    public Response download(@PathParam("name") String name) {
        try {
            return api.downloadFile(name);
        } catch (WebApplicationException e) {
            return ConsoleFilter.page(404, "No uploaded rule file by that name serves now; the rule sets page lists those that do.");
        }
    }

    /** The confirmation: which files a rollback would add, change and remove against what serves now. */
    @GET
    @Path("/versions/{n}/rollback")
    public Response confirmRollback(@PathParam("n") long n, @Context ContainerRequestContext request) {
        Optional<VersionView> version = api.versions().stream().filter(v -> v.version() == n).findFirst();
        if (version.isEmpty()) return noVersion(n);
        Map<String, String> serving = new HashMap<>();
        api.active().sources().forEach(s -> serving.put(s.name(), s.hash()));
        List<String> added = new ArrayList<>(), changed = new ArrayList<>();
        for (SourceView s : version.get().sources()) {
            String now = serving.remove(s.name());
            if (now == null) added.add(s.name());
            else if (!now.equals(s.hash())) changed.add(s.name());
        }
        List<String> removed = serving.keySet().stream().sorted().toList();
        return Response.ok(RuleSetPages.rulesetRollback(Frame.of(request, "rulesets", "Roll back to version " + n),
                new Rollback(version.get(), added, changed, removed))).build();
    }

    @POST
    @Path("/versions/{n}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("n") long n, @Context ContainerRequestContext request) {
        Response done;
        try {
            done = api.activate(n, request);
        } catch (WebApplicationException e) {
            return noVersion(n);
        }
        if (done.getEntity() instanceof RuleSetResource.Reloaded reloaded) {
            return Response.seeOther(URI.create("/console/rulesets?done=rolledback&version=" + reloaded.version())).build();
        }
        return notTried(Frame.of(request, "rulesets", "Roll back to version " + n), "version " + n, done);
    }

    /** Recompiles from the rules folder, uploads and promotions, ending a rollback: an admin's call, as in the API. */
    @POST
    @Path("/reload")
    @Allowed({Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reload(@Context ContainerRequestContext request) {
        Response done = api.reload(request);
        if (done.getEntity() instanceof RuleSetResource.Reloaded reloaded) {
            return Response.seeOther(URI.create("/console/rulesets?done=reloaded&version=" + reloaded.version())).build();
        }
        return notTried(Frame.of(request, "rulesets", "Reload"), "the rule files", done);
    }

    private Overview overview() {
        RuleSetResource.ActiveView active = api.active();
        return new Overview(active, active.sources().stream().map(SourceRow::of).toList(), api.versions());
    }

    /** Draft ids are ours ("draft-" and 13 hex digits or dashes): anything else is not looked for. */
    private Optional<RuleSource> draftFile(String draftId, String fileName) {
        if (!draftId.matches("draft-[0-9a-f-]{1,20}") || !RuleSetResource.isFileName(fileName)) {
            return Optional.empty();
        }
        return authoring.draftFile(draftId, fileName);
    }

    /** An answer of the API that is not a success, as a page: rule errors at their cells, or the API's message. */
    private static Response notTried(Frame frame, String name, Response answer) {
        if (answer.getEntity() instanceof RuleSetResource.RuleErrors errors) {
            return rejected(frame, name, errors.message(), errors.errors(), answer.getStatus());
        }
        String message = answer.getEntity() instanceof ApiError error ? error.message() : "That did not work; try again.";
        return ConsoleFilter.page(answer.getStatus(), message);
    }

    private static Response rejected(Frame frame, String name, String message, List<RuleError> errors, int status) {
        return Response.status(status).entity(RuleSetPages.rulesetRejected(frame, new Rejected(name, message, errors))).build();
    }

    private static Response draftGone() {
        return ConsoleFilter.page(404, "That dry run is not known (or not for that file name). Upload the file again.");
    }

    private static Response noVersion(long n) {
        return ConsoleFilter.page(404, "There is no rule set version " + n + "; the rule sets page lists the versions.");
    }
}
