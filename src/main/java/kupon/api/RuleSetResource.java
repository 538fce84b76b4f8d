package kupon.api;

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
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.ApiKeyFilter;
import kupon.auth.Role;
import kupon.rules.ActiveRuleSet;
import kupon.rules.ReloadResult;
import kupon.rules.source.RuleError;
import kupon.rules.RuleSet;
import kupon.rules.RuleSetAuthoring;
import kupon.rules.RuleSetVersionRepository;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import kupon.rules.RuleSourceStore;
import kupon.rules.PinWatch;
import kupon.rules.decisiontable.DecisionTableConverter.Conversion.GeneratedRule;
import kupon.rules.RuntimeProblems;
import kupon.rules.VersionChanges;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Rule sets: what serves now, uploading rule files, versions and rollback, reloading on demand. */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final long MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    /**
     * The rule set serving. {@code pinnedToVersion}: a rollback serves that version's rule files, and
     * {@code unservedChanges} lists the files in the rules folder and uploads that differ from them and so do not serve.
     */
    public record ActiveView(Long version, Instant compiledAt, String contentHash, List<SourceView> sources, int promotions,
                             Long pinnedToVersion, List<PinWatch.Unserved> unservedChanges, LastError lastError,
                             List<RuntimeProblems.Seen> runtimeProblems) {
    }

    public record SourceView(String name, String kind, String hash) {
    }

    public record LastError(Instant at, List<RuleError> errors) {
    }

    /**
     * The version serving after a reload or an activation; {@code restores} is the version whose rule files an
     * activation serves again, {@code endedRollbackTo} the version a reload stopped pinning.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Reloaded(long version, boolean changed, Long restores, Long endedRollbackTo) {
    }

    public record RuleErrors(String error, String message, List<RuleError> errors) {
    }

    /** An upload that compiled; {@code generatedRules} are the rules a decision table became, each at its row's cell. */
    public record Uploaded(String name, Long version, boolean dryRun, String draftId, List<SourceView> sources,
                           List<GeneratedRule> generatedRules) {
    }

    /** A version: who made it and why, what it changed against the one before, and what it was built from. */
    public record VersionView(long version, Instant createdAt, String createdBy, String cause, Long restores,
                              VersionChanges changes, List<SourceView> sources, int promotions, boolean active) {
    }

    private final ActiveRuleSet ruleSets;
    private final RuleSourceStore store;
    private final RuleSetVersionRepository versions;
    private final RuleSetAuthoring authoring;
    private final RuntimeProblems runtimeProblems;

    public RuleSetResource(ActiveRuleSet ruleSets, RuleSourceStore store, RuleSetVersionRepository versions,
                           RuleSetAuthoring authoring, RuntimeProblems runtimeProblems) {
        this.runtimeProblems = runtimeProblems;
        this.ruleSets = ruleSets;
        this.store = store;
        this.versions = versions;
        this.authoring = authoring;
    }

    @GET
    @Path("/active")
    @Allowed({Role.MARKETER})
    public ActiveView active() {
        LastError lastError = ruleSets.lastFailure().map(f -> new LastError(f.at(), f.errors())).orElse(null);
        Long pinned = store.pinnedVersion().orElse(null);
        return ruleSets.current()
                .map(rs -> new ActiveView(rs.version(), rs.compiledAt(), rs.contentHash(), sources(rs.sources()), rs.promotions().size(),
                        pinned, ruleSets.unservedChanges(), lastError, runtimeProblems.seen()))
                .orElse(new ActiveView(null, null, null, List.of(), 0, pinned, ruleSets.unservedChanges(), lastError, runtimeProblems.seen()));
    }

    /** Recompiles from the rules folder, uploads and promotions now; also ends a rollback. */
    @APIResponse(responseCode = "200", description = "The version serving",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reloaded.class)))
    @POST
    @Path("/reload")
    @Allowed({Role.ADMIN})
    public Response reload(@Context ContainerRequestContext request) {
        RuleSetAuthoring.Reload reload = authoring.reload(caller(request));
        return answer(reload.result(), null, reload.endedRollbackTo());
    }

    /**
     * Uploads a rule file: decision tables ({@code .xlsx}, {@code .csv}) for marketers, DRL for admins only.
     * It is compiled with everything else first; with errors nothing is stored (422). {@code dryRun} only
     * validates, and keeps the result as a draft that {@code POST /api/v1/simulate} can try on carts.
     */
    @APIResponse(responseCode = "201", description = "Stored and live",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Uploaded.class)))
    @APIResponse(responseCode = "200", description = "A dry run: the draft, and the rules a decision table became",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Uploaded.class)))
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allowed({Role.MARKETER})
    public Response upload(@RestForm("file") FileUpload file, @RestForm("name") String name,
                           @QueryParam("dryRun") boolean dryRun, @Context ContainerRequestContext request) throws IOException {
        String fileName = name != null && !name.isBlank() ? name.trim() : file == null ? null : file.fileName();
        if (fileName != null) fileName = fileName(fileName);
        List<FieldError> problems = new ArrayList<>();
        if (file == null) problems.add(new FieldError("file", "is required: the rule file as a multipart part named 'file'"));
        if (!isFileName(fileName)) {
            problems.add(new FieldError("name", "must be a file name of letters, digits, '.', '_' or '-', e.g. \"volume-tiers.xlsx\""));
        }
        RuleSourceKind kind = fileName == null ? null : RuleSourceKind.ofFileName(fileName);
        if (fileName != null && kind == null) problems.add(new FieldError("name", "must end in .drl, .xlsx or .csv"));
        if (file != null && file.size() > MAX_UPLOAD_BYTES) problems.add(new FieldError("file", "is larger than 5 MB"));
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return store(fileName, kind, Files.readAllBytes(file.uploadedFile()), dryRun, request);
    }

    /**
     * Tries ({@code dryRun}) or stores a rule file whose name and size were checked: the answer of {@link #upload},
     * also for the console, which publishes a dry run's file exactly as it was tried.
     */
    public Response store(String fileName, RuleSourceKind kind, byte[] content, boolean dryRun, ContainerRequestContext request) {
        if (kind == RuleSourceKind.DRL && request.getProperty(ApiKeyFilter.ROLE_PROPERTY) != Role.ADMIN) {
            return ErrorMappers.json(403, ApiError.of("FORBIDDEN", "Raw DRL can only be uploaded with an admin key; marketers upload decision tables (.xlsx, .csv)"));
        }
        String uploadedBy = caller(request);
        RuleSetAuthoring.Upload outcome = authoring.upload(fileName, kind, content, uploadedBy, dryRun);
        if (outcome instanceof RuleSetAuthoring.Upload.Rejected rejected) {
            return Response.status(422).entity(new RuleErrors("RULE_ERRORS", rejected.errors().size()
                    + " error(s); nothing was stored and the active rule set is unchanged. Fix them and upload again.", rejected.errors())).build();
        }
        if (outcome instanceof RuleSetAuthoring.Upload.Drafted drafted) {
            return Response.ok(new Uploaded(fileName, null, true, drafted.draftId(), sourceViews(drafted.sources()),
                    drafted.generatedRules())).build();
        }
        RuleSetAuthoring.Upload.Stored stored = (RuleSetAuthoring.Upload.Stored) outcome;
        return stored.result() instanceof ReloadResult.Failed failed
                ? Response.status(422).entity(new RuleErrors("RULE_ERRORS", "Stored, but the rule set does not compile", failed.errors())).build()
                : Response.status(201).entity(new Uploaded(fileName, stored.version(), false, null, sourceViews(stored.sources()),
                        stored.generatedRules())).build();
    }

    /**
     * Downloads an uploaded file as it serves. The name is the file's ({@code tiers.csv}) or as the rule set lists it
     * ({@code uploaded/tiers.csv}), here and in every call that takes a name.
     */
    @APIResponse(responseCode = "200", description = "The file as it serves (text/plain, text/csv or a spreadsheet)",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(implementation = String.class)))
    @GET
    @Path("/files/{name: .+}")
    @Allowed({Role.MARKETER})
    public Response downloadFile(@PathParam("name") String listedName) {
        String name = fileName(listedName);
        RuleSource file = authoring.uploadedFile(name).orElseThrow(() -> noSuchFile(name));
        String type = switch (file.kind()) {
            case DRL -> "text/plain; charset=UTF-8";
            case CSV -> "text/csv; charset=UTF-8";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        };
        return Response.ok(file.content(), type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** Takes an uploaded file out of the rule set (DRL needs an admin key, like uploading it). */
    @APIResponse(responseCode = "200", description = "The version now serving",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reloaded.class)))
    @jakarta.ws.rs.DELETE
    @Path("/files/{name: .+}")
    @Allowed({Role.MARKETER})
    public Response deleteFile(@PathParam("name") String listedName, @Context ContainerRequestContext request) {
        String name = fileName(listedName);
        RuleSourceKind kind = authoring.uploadedKind(name).orElseThrow(() -> new NotFoundException(Response.status(404)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("NOT_FOUND", "No uploaded rule file '" + FieldLimits.excerpt(name) + "'")).build()));
        if (kind == RuleSourceKind.DRL && request.getProperty(ApiKeyFilter.ROLE_PROPERTY) != Role.ADMIN) {
            return ErrorMappers.json(403, ApiError.of("FORBIDDEN", "DRL files can only be removed with an admin key"));
        }
        return authoring.delete(name, caller(request)).map(result -> answer(result, null, null)).orElseGet(() -> ErrorMappers.json(404,
                ApiError.of("NOT_FOUND", "No uploaded rule file '" + FieldLimits.excerpt(name) + "'")));
    }

    @GET
    @Path("/versions")
    @Allowed({Role.MARKETER})
    public List<VersionView> versions() {
        Long serving = ruleSets.current().map(RuleSet::version).orElse(null);
        return versions.latest(200).stream().map(v -> new VersionView(v.version, v.createdAt, v.createdBy, v.cause, v.restores,
                v.changes, sources(v.sources), v.promotions, v.version.equals(serving))).toList();
    }

    /**
     * Serves the rule files of version {@code n} again on every node (a rollback, or forward again). A version
     * whose DRL files differ from those serving needs an admin key, like uploading or removing DRL does.
     */
    @APIResponse(responseCode = "200", description = "The version now serving, and which one it restores",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reloaded.class)))
    @POST
    @Path("/versions/{n}/activate")
    @Allowed({Role.MARKETER})
    public Response activate(@PathParam("n") long n, @Context ContainerRequestContext request) {
        RuleSetAuthoring.Activation outcome = authoring.activate(n, request.getProperty(ApiKeyFilter.ROLE_PROPERTY) == Role.ADMIN,
                caller(request));
        if (outcome instanceof RuleSetAuthoring.Activation.NoSuchVersion) {
            throw new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("NOT_FOUND", "No rule set version " + n + "; GET /api/v1/rulesets/versions lists them")).build());
        }
        if (outcome instanceof RuleSetAuthoring.Activation.ChangesDrl) {
            return ErrorMappers.json(403, ApiError.of("FORBIDDEN", "Version " + n + " changes DRL files against the rule set serving;"
                    + " activating it needs an admin key (marketers may roll back decision tables)"));
        }
        RuleSetAuthoring.Activation.Reloaded reloaded = (RuleSetAuthoring.Activation.Reloaded) outcome;
        return answer(reloaded.result(), reloaded.restores(), null);
    }

    private static String caller(ContainerRequestContext request) {
        return (String) request.getProperty(ApiKeyFilter.CALLER_PROPERTY);
    }

    private static Response answer(ReloadResult result, Long restores, Long endedRollbackTo) {
        if (result instanceof ReloadResult.Failed failed) {
            return Response.status(422).entity(new RuleErrors("RULE_ERRORS", failed.errors().size()
                    + " error(s) in the rule files; the previous version keeps serving. Fix them and reload.", failed.errors())).build();
        }
        boolean changed = result instanceof ReloadResult.Activated;
        RuleSet ruleSet = changed ? ((ReloadResult.Activated) result).ruleSet() : ((ReloadResult.Unchanged) result).ruleSet();
        return Response.ok(new Reloaded(ruleSet.version(), changed, restores, endedRollbackTo)).build();
    }

    /** Whether {@code name} may name an uploaded rule file: letters, digits, '.', '_' and '-', at most 100. */
    public static boolean isFileName(String name) {
        return name != null && FILE_NAME.matcher(name).matches();
    }

    /** A file name as uploaded, from either form ({@code x.csv} or {@code uploaded/x.csv}). */
    private static String fileName(String listed) {
        return listed.startsWith(RuleSourceStore.UPLOADED) ? listed.substring(RuleSourceStore.UPLOADED.length()) : listed;
    }

    private static NotFoundException noSuchFile(String name) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("NOT_FOUND",
                "No uploaded rule file '" + FieldLimits.excerpt(name) + "'; GET /api/v1/rulesets/active lists them")).build());
    }

    private static List<SourceView> sourceViews(List<RuleSource> sources) {
        return sources.stream().map(s -> new SourceView(s.name(), s.kind().name(), s.sha256())).toList();
    }

    private static List<SourceView> sources(List<RuleSet.SourceInfo> sources) {
        return sources.stream().map(s -> new SourceView(s.name(), s.kind().name(), s.sha256())).toList();
    }
}
