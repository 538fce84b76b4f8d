package kupon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.codes.CodeBatchService;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;


/** Bulk code batches: the list, one batch's progress, and its codes as CSV. */
@Path("/api/v1/code-batches")
@Allowed(Role.MARKETER)
public class CodeBatchResource {

    private final CodeBatchService batches;
    public CodeBatchResource(CodeBatchService batches) {
        this.batches = batches;
    }

    /** Newest first; {@code promotionId} keeps one promotion's. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CodeBatchService.BatchStatus> list(@QueryParam("promotionId") String promotionId) {
        return batches.list(promotionId == null || promotionId.isBlank() ? null : promotionId);
    }

    @GET
    @Path("/{batchId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CodeBatchService.BatchStatus status(@PathParam("batchId") String batchId) {
        return batches.status(batchId).orElseThrow(() -> notFound(batchId));
    }

    @APIResponse(responseCode = "200", description = "The codes, one per line under a code header",
            content = @Content(mediaType = "text/csv", schema = @Schema(implementation = String.class)))
    @GET
    @Path("/{batchId}/codes.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("batchId") String batchId) {
        batches.status(batchId).orElseThrow(() -> notFound(batchId));
        StreamingOutput body = out -> batches.writeCsv(batchId, out);
        return Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + batchId + ".csv\"").build();
    }

    private static NotFoundException notFound(String batchId) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("NOT_FOUND", "No code batch '" + FieldLimits.excerpt(batchId) + "'")).build());
    }
}
