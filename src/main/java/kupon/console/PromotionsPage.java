package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import kupon.api.ErrorMappers;
import kupon.api.FieldError;
import kupon.api.InvalidRequestException;
import kupon.api.PromotionResource;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionService;
import kupon.promotions.PromotionStatus;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Promotions: find them, create and edit them through a form, switch them on and off, and try them on a cart. */
@Path("/console/promotions")
@SessionAuthenticated
@Allowed({Role.MARKETER})
@Produces(MediaType.TEXT_HTML)
public class PromotionsPage {

    static final int PAGE_SIZE = 50;

    /** One page of the list, with the filters that made it. */
    public record PromotionList(List<Promotion> promotions, long total, int page, int pages, String q, String status,
                                String campaign, List<String> campaigns, String previous, String next) {
    }

    private final PromotionService promotions;
    private final PromotionResource api;
    private final PromotionPreview preview;
    private final ObjectMapper json;

    public PromotionsPage(PromotionService promotions, PromotionResource api, PromotionPreview preview, ObjectMapper json) {
        this.promotions = promotions;
        this.api = api;
        this.preview = preview;
        this.json = json;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("campaign") String campaign,
                                 @QueryParam("page") String page, @Context ContainerRequestContext request) {
        PromotionStatus wanted = parseStatus(status);
        int index = Math.max(0, parsePage(page) - 1);
        String text = q == null ? null : q.strip();
        PromotionService.Found found = promotions.page(wanted, text, campaign, index, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String filters = "q=" + enc(text) + "&status=" + (wanted == null ? "" : wanted) + "&campaign=" + enc(campaign);
        PromotionList list = new PromotionList(found.promotions(), found.total(), index + 1, pages, text == null ? "" : text,
                wanted == null ? "" : wanted.name(), campaign == null ? "" : campaign, promotions.campaigns(),
                index > 0 ? "/console/promotions?" + filters + "&page=" + index : null,
                index + 1 < pages ? "/console/promotions?" + filters + "&page=" + (index + 2) : null);
        return Pages.promotions(Frame.of(request, "promotions", "Promotions"), list);
    }

    @GET
    @Path("/new")
    public TemplateInstance create(@Context ContainerRequestContext request) {
        return Pages.promotionForm(Frame.of(request, "promotions", "New promotion"),
                PromotionFormView.of("/console/promotions", false, null, PromotionFormView.defaults(), List.of(), null), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        Promotion promotion = read(form, errors);
        if (errors.isEmpty()) {
            try {
                api.create(promotion);
                return Response.seeOther(URI.create("/console/promotions/" + enc(promotion.id()) + "?saved=created")).build();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            } catch (PromotionService.ConflictException e) {
                errors.add(new FieldError("id", e.getMessage()));
            }
        }
        return invalid(Frame.of(request, "promotions", "New promotion"), "/console/promotions", false, null, form, errors);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") String id, @QueryParam("saved") String saved, @Context ContainerRequestContext request) {
        Promotion promotion = promotions.find(id).orElseThrow(() -> new NotFoundException("No promotion " + id));
        Map<String, String> values = FormJson.values(PromotionFormView.fields(), json.valueToTree(promotion));
        String notice = saved == null ? null : switch (saved) {
            case "created" -> "Created. It applies on every node within 2 seconds if active.";
            case "updated" -> "Saved.";
            default -> "Now " + promotion.status() + ".";
        };
        return Pages.promotionForm(Frame.of(request, "promotions", promotion.name(), notice),
                PromotionFormView.of("/console/promotions/" + enc(id), true, id, values, List.of(), null), promotion);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        Promotion promotion = read(form, errors);
        if (errors.isEmpty()) {
            try {
                api.replace(id, promotion);
                return Response.seeOther(URI.create("/console/promotions/" + enc(id) + "?saved=updated")).build();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        return invalid(Frame.of(request, "promotions", id), "/console/promotions/" + enc(id), true, id, form, errors);
    }

    /** Activate, deactivate, archive or clone (into {@code newId}). */
    @POST
    @Path("/{id}/{action: activate|deactivate|archive|clone}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        String target = id;
        try {
            switch (action) {
                case "activate" -> api.activate(id);
                case "deactivate" -> api.deactivate(id);
                case "archive" -> api.archive(id);
                default -> {
                    String newId = form.getFirst("newId");
                    api.cloneOf(id, new PromotionResource.CloneRequest(newId == null || newId.isBlank() ? null : newId.strip(), null));
                    target = newId == null || newId.isBlank() ? id + "-copy" : newId.strip();
                }
            }
        } catch (InvalidRequestException e) {
            return Response.status(422).entity(Pages.problem(e.errors().get(0).path() + " " + e.errors().get(0).message())).build();
        } catch (PromotionService.ConflictException e) {
            return Response.status(409).entity(Pages.problem(e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/console/promotions/" + enc(target) + "?saved=" + action)).build();
    }

    /** The promotion as the form holds it now (saved or not), tried on the sample cart: what it gives, or why not. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        Promotion promotion = read(form, errors);
        return Pages.preview(preview.of(promotion, form.getFirst("sampleCart"), errors));
    }

    /** The promotion a form describes; what cannot be read is added to {@code errors} at its path. */
    private Promotion read(MultivaluedMap<String, String> form, List<FieldError> errors) {
        ObjectNode body = FormJson.toJson(json, PromotionFormView.fields(), form, form.getFirst("reward.type"), errors);
        try {
            return json.treeToValue(body, Promotion.class);
        } catch (JsonMappingException e) {
            errors.add(ErrorMappers.fieldError(e));
        } catch (JsonProcessingException e) {
            errors.add(new FieldError("", e.getOriginalMessage()));
        }
        return null;
    }

    private static Response invalid(Frame frame, String action, boolean editing, String id, MultivaluedMap<String, String> form,
                                    List<FieldError> errors) {
        return Response.status(422).entity(Pages.promotionForm(frame, PromotionFormView.of(action, editing, id,
                PromotionFormView.submitted(form), errors, form.getFirst("sampleCart")), null)).build();
    }

    private static PromotionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return PromotionStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int parsePage(String page) {
        return page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
    }

    static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
