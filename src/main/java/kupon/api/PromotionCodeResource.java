package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.codes.CodeService;
import kupon.promotions.PromotionService;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/v1/promotions/{id}/codes}: a custom or personal code for a promotion. */
@Path("/api/v1/promotions/{id}/codes")
@Allowed(Role.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromotionCodeResource {

    private final CodeService codes;
    private final PromotionService promotions;

    public PromotionCodeResource(CodeService codes, PromotionService promotions) {
        this.codes = codes;
        this.promotions = promotions;
    }

    @APIResponse(responseCode = "201", description = "The code",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CodeResource.CodeView.class)))
    @POST
    public Response create(@PathParam("id") String promotionId, CodeService.NewCode code) {
        validate(code);
        promotions.find(promotionId).orElseThrow(() -> PromotionResource.notFound(promotionId));
        if (!codes.create(promotionId, code)) {
            return ErrorMappers.json(409, ApiError.of("DUPLICATE_CODE", "The code " + code.code().trim()
                    + " exists already (codes are unique across promotions, ignoring case); choose another"));
        }
        return Response.created(UriBuilder.fromPath("/api/v1/codes/{code}").build(code.code().trim()))
                .entity(codes.find(code.code()).map(c -> CodeResource.CodeView.of(c, List.of())).orElseThrow()).build();
    }

    private static void validate(CodeService.NewCode code) {
        List<FieldError> errors = new ArrayList<>();
        BodyCheck.check(code);
        String problem = FieldLimits.codeProblem(code == null ? null : code.code());
        if (problem != null) errors.add(new FieldError("code", problem));
        if (code != null) {
            FieldLimits.text("customerId", code.customerId(), FieldLimits.ID, errors);
            FieldLimits.text("email", code.email(), FieldLimits.EMAIL, errors);
            if (code.maxUses() != null && code.maxUses() < 1) errors.add(new FieldError("maxUses", "must be ≥ 1 (leave it out for no limit)"));
            if (code.perCustomer() != null && code.perCustomer() < 1) errors.add(new FieldError("perCustomer", "must be ≥ 1"));
            if (code.startsAt() != null && code.expiresAt() != null && !code.expiresAt().isAfter(code.startsAt())) {
                errors.add(new FieldError("expiresAt", "must be after startsAt"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }
}
