package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.analytics.AnalyticsReports;
import kupon.analytics.Figures;
import kupon.api.AnalyticsResource;
import kupon.api.FieldError;
import kupon.api.InvalidRequestException;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;

import java.util.List;
import java.util.Map;

/**
 * Analytics: every promotion's figures for a period, one promotion or campaign with its daily chart and experiment,
 * promotions or campaigns side by side, and each list as CSV. It asks {@link AnalyticsResource}, so the figures and
 * the checks of the period are exactly the API's.
 */
@Path("/console/analytics")
@SessionAuthenticated
@Allowed({Role.MARKETER})
@Produces(MediaType.TEXT_HTML)
public class AnalyticsPage {

    /** The period the page shows, as the filter form holds it; {@code query} repeats it in links. */
    public record Filters(String from, String to, String timeZone, String currency, String interval, List<FieldError> errors) {

        static Filters of(String from, String to, String timeZone, String currency, String interval) {
            return new Filters(blankToNull(from), blankToNull(to), blankToNull(timeZone), blankToNull(currency), blankToNull(interval), List.of());
        }

        Filters withErrors(List<FieldError> found) {
            return new Filters(from, to, timeZone, currency, interval, found);
        }

        public String query() {
            return "from=" + PromotionsPage.enc(from) + "&to=" + PromotionsPage.enc(to) + "&timeZone=" + PromotionsPage.enc(timeZone)
                    + "&currency=" + PromotionsPage.enc(currency);
        }

        /** The error of one filter field, or null. */
        public String error(String field) {
            return errors.stream().filter(e -> e.path().equals(field)).map(FieldError::message).findFirst().orElse(null);
        }

        /** The errors that belong to no field of the form (they are shown above it). */
        public List<FieldError> otherErrors() {
            return errors.stream().filter(e -> !List.of("from", "to", "timeZone", "currency", "interval").contains(e.path())).toList();
        }

        /** The text inputs of the filter form, each with what it holds and what is wrong with it. */
        public List<TextInput> inputs() {
            return List.of(new TextInput("from", "From (date)", "30 days ago", from, error("from")),
                    new TextInput("to", "To (date, included)", "now", to, error("to")),
                    new TextInput("timeZone", "Time zone", "UTC", timeZone, error("timeZone")),
                    new TextInput("currency", "Currency", "the period's main one", currency, error("currency")));
        }

        public boolean interval(String value) {
            return value.equalsIgnoreCase(interval == null ? "day" : interval);
        }
    }

    /** One text input of the filter form. */
    public record TextInput(String name, String label, String placeholder, String value, String error) {

        public String shown() {
            return value == null ? "" : value;
        }
    }

    /** The overview: a page of promotions, the campaigns and channels of the period. */
    public record Overview(List<Figures> promotions, String nextPage, List<Figures> campaigns, List<Figures> channels,
                           List<Figures> sources) {
    }

    /** One promotion, code or campaign: its figures, chart data and where its CSV is. */
    public record Detail(String kind, Figures figures, String chart, String csv) {
    }

    /** Several promotions or campaigns side by side. */
    public record Comparison(String kind, String values, List<Figures> items, String csv) {

        public String label() {
            return kind.equals("campaigns") ? "Campaigns" : "Promotions";
        }

        public String link() {
            return kind.equals("campaigns") ? "/console/analytics/campaigns/" : "/console/analytics/promotions/";
        }
    }

    private final AnalyticsResource api;
    private final ObjectMapper json;

    public AnalyticsPage(AnalyticsResource api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    @GET
    @SuppressWarnings("unchecked")
    public Response overview(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                             @QueryParam("currency") String currency, @QueryParam("after") String after,
                             @Context ContainerRequestContext request) {
        Filters filters = Filters.of(from, to, zone, currency, null);
        Frame frame = Frame.of(request, "analytics", "Analytics");
        try {
            AnalyticsReports.Page page = (AnalyticsReports.Page) api.promotions(filters.from(), filters.to(), filters.timeZone(),
                    filters.currency(), blankToNull(after), null, null).getEntity();
            Map<String, List<Figures>> by = (Map<String, List<Figures>>) api.channels(filters.from(), filters.to(), filters.timeZone(),
                    filters.currency(), null, null).getEntity();
            Overview overview = new Overview(page.items(), page.next(), by.get("campaign"), by.get("channel"), by.get("source"));
            return Response.ok(Pages.analytics(frame, filters, overview)).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Pages.analytics(frame, filters.withErrors(e.errors()),
                    new Overview(List.of(), null, List.of(), List.of(), List.of()))).build();
        }
    }

    @GET
    @Path("/promotions/{id}")
    public Response promotion(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("timeZone") String zone, @QueryParam("currency") String currency,
                              @QueryParam("interval") String interval, @Context ContainerRequestContext request) throws JsonProcessingException {
        Filters filters = Filters.of(from, to, zone, currency, interval);
        return detail(request, "promotion", id, filters, "/console/analytics/compare.csv?promotions=" + PromotionsPage.enc(id),
                () -> api.promotion(id, filters.from(), filters.to(), filters.timeZone(), filters.currency(), filters.interval()));
    }

    @GET
    @Path("/campaigns/{campaign}")
    public Response campaign(@PathParam("campaign") String campaign, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("timeZone") String zone, @QueryParam("currency") String currency,
                             @QueryParam("interval") String interval, @Context ContainerRequestContext request) throws JsonProcessingException {
        Filters filters = Filters.of(from, to, zone, currency, interval);
        return detail(request, "campaign", campaign, filters, "/console/analytics/compare.csv?campaigns=" + PromotionsPage.enc(campaign),
                () -> api.campaign(campaign, filters.from(), filters.to(), filters.timeZone(), filters.currency(), filters.interval()));
    }

    @GET
    @Path("/compare")
    public Response compare(@QueryParam("promotions") String promotions, @QueryParam("campaigns") String campaigns,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                            @QueryParam("currency") String currency, @Context ContainerRequestContext request) {
        Filters filters = Filters.of(from, to, zone, currency, null);
        String p = blankToNull(promotions), c = p == null ? blankToNull(campaigns) : null;
        String kind = c != null ? "campaigns" : "promotions";
        String values = c != null ? c : p == null ? "" : p;
        Frame frame = Frame.of(request, "analytics", "Compare " + kind);
        try {
            @SuppressWarnings("unchecked")
            Map<String, List<Figures>> answer = (Map<String, List<Figures>>) api.compare(p, c, filters.from(), filters.to(),
                    filters.timeZone(), filters.currency(), null).getEntity();
            return Response.ok(Pages.analyticsCompare(frame, filters, new Comparison(kind, values, answer.get("items"),
                    "/console/analytics/compare.csv?" + kind + "=" + PromotionsPage.enc(values) + "&" + filters.query()))).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Pages.analyticsCompare(frame, filters.withErrors(e.errors()),
                    new Comparison(kind, values, List.of(), null))).build();
        }
    }

    /** The API's CSV of every promotion's figures (one page of up to 200). */
    @GET
    @Path("/promotions.csv")
    @Produces("text/csv")
    public Response promotionsCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                                  @QueryParam("currency") String currency, @QueryParam("after") String after) {
        Filters f = Filters.of(from, to, zone, currency, null);
        return csv(() -> api.promotions(f.from(), f.to(), f.timeZone(), f.currency(), blankToNull(after), "200", "csv"));
    }

    @GET
    @Path("/channels.csv")
    @Produces("text/csv")
    public Response channelsCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                                @QueryParam("currency") String currency) {
        Filters f = Filters.of(from, to, zone, currency, null);
        return csv(() -> api.channels(f.from(), f.to(), f.timeZone(), f.currency(), "200", "csv"));
    }

    @GET
    @Path("/compare.csv")
    @Produces("text/csv")
    public Response compareCsv(@QueryParam("promotions") String promotions, @QueryParam("campaigns") String campaigns,
                               @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                               @QueryParam("currency") String currency) {
        Filters f = Filters.of(from, to, zone, currency, null);
        String p = blankToNull(promotions);
        return csv(() -> api.compare(p, p == null ? blankToNull(campaigns) : null, f.from(), f.to(), f.timeZone(), f.currency(), "csv"));
    }

    private Response detail(ContainerRequestContext request, String kind, String value, Filters filters, String csv,
                            java.util.function.Supplier<Figures> read) throws JsonProcessingException {
        Frame frame = Frame.of(request, "analytics", value);
        try {
            Figures figures = read.get();
            return Response.ok(Pages.analyticsDetail(frame, filters, new Detail(kind, figures, Charts.daily(json, figures),
                    csv + "&" + filters.query()))).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Pages.analyticsDetail(frame, filters.withErrors(e.errors()), new Detail(kind, null, null, null))).build();
        } catch (NotFoundException e) {
            return Response.status(404).entity(Pages.analyticsDetail(frame, filters, new Detail(kind, null, null, null))).build();
        }
    }

    /** A CSV answer, or the page's reason in plain text when the period does not check out. */
    private static Response csv(java.util.function.Supplier<Response> read) {
        try {
            return read.get();
        } catch (InvalidRequestException e) {
            FieldError first = e.errors().get(0);
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(first.path() + ": " + first.message() + "\n").build();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
