package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.codes.CodeBatchService;
import kupon.codes.CodePattern;
import kupon.promotions.PromotionService;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code POST /api/v1/promotions/{id}/code-batches}: generate many codes in the background (202, then poll the batch). */
@Path("/api/v1/promotions/{id}/code-batches")
@Allowed(Role.MARKETER)
public class PromotionCodeBatchResource {

    static final int MAX_BATCH = 10_000_000;

    private final CodeBatchService batches;
    private final PromotionService promotions;

    public PromotionCodeBatchResource(CodeBatchService batches, PromotionService promotions) {
        this.batches = batches;
        this.promotions = promotions;
    }

    @APIResponse(responseCode = "202", description = "The batch, RUNNING; poll GET /api/v1/code-batches/{batchId}",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = kupon.codes.CodeBatchService.BatchStatus.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("id") String promotionId, CodeBatchService.NewBatch request) {
        CodePattern pattern = validate(request);
        promotions.find(promotionId).orElseThrow(() -> PromotionResource.notFound(promotionId));
        CodeBatchService.BatchStatus status = batches.start(promotionId, request, pattern);
        return Response.accepted(status).header("Location", "/api/v1/code-batches/" + status.batchId()).build();
    }

    /** Checks the request and returns the pattern to generate from; infeasible requests are refused before any work. */
    private static CodePattern validate(CodeBatchService.NewBatch request) {
        List<FieldError> errors = new ArrayList<>();
        BodyCheck.check(request);
        if (request == null || request.count() == null || request.count() < 1 || request.count() > MAX_BATCH) {
            errors.add(new FieldError("count", "is required: between 1 and " + MAX_BATCH));
        }
        String patternText = request == null ? null : request.pattern();
        if (patternText == null || patternText.isBlank() || patternText.indexOf('#') < 0) {
            errors.add(new FieldError("pattern", "is required and needs at least one '#', e.g. \"BF-####-####\""));
        } else if (patternText.length() > FieldLimits.CODE) {
            errors.add(new FieldError("pattern", "must be at most " + FieldLimits.CODE + " characters"));
        } else if (FieldLimits.codeProblem(patternText.replace('#', 'A')) != null) {
            errors.add(new FieldError("pattern", "may hold only '#' and what a code may hold: letters A–Z, digits and " + FieldLimits.CODE_PUNCTUATION));
        }
        String charset = request == null || request.charset() == null ? CodePattern.DEFAULT_CHARSET
                : request.charset().toUpperCase(Locale.ROOT).chars().distinct()
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        if (charset.length() < 2 || charset.length() > FieldLimits.CODE || charset.indexOf('#') >= 0
                || charset.chars().anyMatch(c -> FieldLimits.codeProblem("A" + (char) c) != null)) {
            errors.add(new FieldError("charset", "needs 2 to " + FieldLimits.CODE + " different characters, each one a code may hold"
                    + " (letters A–Z, digits and " + FieldLimits.CODE_PUNCTUATION + "), and no '#'"));
        }
        if (request != null && request.maxUses() != null && request.maxUses() < 1) errors.add(new FieldError("maxUses", "must be ≥ 1"));
        if (request != null && request.perCustomer() != null && request.perCustomer() < 1) errors.add(new FieldError("perCustomer", "must be ≥ 1"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        CodePattern pattern = new CodePattern(patternText.toUpperCase(Locale.ROOT), charset);
        if (!pattern.canMake(request.count())) {
            throw new InvalidRequestException(List.of(new FieldError("pattern", "\"" + FieldLimits.excerpt(patternText) + "\" with " + charset.length()
                    + " characters makes only " + pattern.possibleCodes() + " codes; " + request.count() + " need at least "
                    + CodePattern.SPACE_FACTOR + "× that many possibilities so codes stay hard to guess. Add more '#'.")));
        }
        return pattern;
    }
}
