package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionService;
import kupon.promotions.PromotionWarnings;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import java.time.Instant;
import kupon.promotions.PromotionStatus;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Promotions as JSON: create, list, change, switch on and off, archive, clone. Changes are live when the call returns. */
@Path("/api/v1/promotions")
@Allowed(Role.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromotionResource {

    /** Body of clone: the new promotion's id (default: "<id>-copy") and optionally its name. */
    public record CloneRequest(String id, String name) {
    }

    /** A saved promotion as the API answers it: the promotion, and what about it is likely a mistake. */
    public record Saved(@JsonUnwrapped Promotion promotion,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PromotionWarnings.Warning> warnings) {
        static Saved of(Promotion promotion) {
            return new Saved(promotion, PromotionWarnings.of(promotion, Instant.now()));
        }
    }

    private final PromotionService promotions;

    public PromotionResource(PromotionService promotions) {
        this.promotions = promotions;
    }

    @APIResponse(responseCode = "201", description = "The promotion as stored, with warnings if any",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Saved.class)))
    @POST
    public Response create(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "A promotion", value = ApiExamples.PROMOTION))) Promotion promotion) {
        PromotionValidator.validate(promotion);
        Promotion created = promotions.create(promotion.withDefaults());
        return Response.created(URI.create("/api/v1/promotions/" + created.id())).entity(Saved.of(created)).build();
    }

    @GET
    public List<Promotion> list(@QueryParam("status") String status, @QueryParam("q") String text) {
        return promotions.search(status(status), text);
    }

    @GET
    @Path("/{id}")
    public Promotion get(@PathParam("id") String id) {
        return promotions.find(id).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}")
    public Saved replace(@PathParam("id") String id, Promotion promotion) {
        if (promotion != null && promotion.id() != null && !promotion.id().equals(id)) {
            throw new InvalidRequestException(List.of(new FieldError("id", "'" + FieldLimits.excerpt(promotion.id())
                    + "' differs from the id in the path '" + FieldLimits.excerpt(id) + "'; clone to make a promotion with a new id")));
        }
        Promotion withId = promotion == null ? null : promotion.withId(id);
        PromotionValidator.validate(withId);
        return Saved.of(promotions.replace(withId.withDefaults()).orElseThrow(() -> notFound(id)));
    }

    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!promotions.delete(id)) throw notFound(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/activate")
    public Saved activate(@PathParam("id") String id) {
        return Saved.of(promotions.changeStatus(id, PromotionStatus.ACTIVE).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("/{id}/deactivate")
    public Promotion deactivate(@PathParam("id") String id) {
        return promotions.changeStatus(id, PromotionStatus.INACTIVE).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/archive")
    public Promotion archive(@PathParam("id") String id) {
        return promotions.changeStatus(id, PromotionStatus.ARCHIVED).orElseThrow(() -> notFound(id));
    }

    /** Copies a promotion (any status, past ones too) under a new id, switched off so it can be edited before it goes live. */
    @APIResponse(responseCode = "201", description = "The copy, INACTIVE",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Promotion.class)))
    @POST
    @Path("/{id}/clone")
    public Response cloneOf(@PathParam("id") String id, CloneRequest request) {
        BodyCheck.check(request);
        Promotion original = promotions.find(id).orElseThrow(() -> notFound(id));
        String newId = request == null || request.id() == null ? id + "-copy" : request.id();
        String name = request == null || request.name() == null ? original.name() : request.name();
        Promotion copy = new Promotion(newId, name, PromotionStatus.INACTIVE, original.trigger(), original.priority(),
                original.exclusive(), original.stopFurther(), original.combinesWith(), original.conditions(), original.reward(),
                original.schedule(), original.limits(), original.campaign(), original.holdout());
        PromotionValidator.validate(copy);
        Promotion created = promotions.create(copy);
        return Response.created(URI.create("/api/v1/promotions/" + created.id())).entity(created).build();
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("NOT_FOUND", "No promotion '" + FieldLimits.excerpt(id) + "'; GET /api/v1/promotions lists them")).build());
    }

    private static PromotionStatus status(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return PromotionStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("status", "must be ACTIVE, INACTIVE or ARCHIVED")));
        }
    }
}
