package kupon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.analytics.AnalyticsReports;
import kupon.analytics.Dimension;
import kupon.analytics.Figures;
import kupon.analytics.Rollups;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.codes.PromoCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What promotions, codes, channels and campaigns earned and cost: figures, series, comparisons, CSV (docs/analytics.md). */
@Path("/api/v1/analytics")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Allowed(Role.MARKETER)
public class AnalyticsResource {

    private static final int MAX_COMPARED = 20;

    private final AnalyticsReports reports;
    private final Rollups rollups;

    public AnalyticsResource(AnalyticsReports reports, Rollups rollups) {
        this.reports = reports;
        this.rollups = rollups;
    }

    @GET
    @Path("/promotions")
    public Response promotions(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                               @QueryParam("currency") String currency, @QueryParam("after") String after,
                               @QueryParam("limit") String limit, @QueryParam("format") String format) {
        AnalyticsQuery q = AnalyticsQuery.of(from, to, zone, currency, limit, format, null);
        AnalyticsReports.Page page = reports.list(Dimension.PROMOTION, q.period(), q.currency(),
                after, q.limit());
        return q.csv() ? FiguresCsv.response(page.items(), "promotions.csv") : Response.ok(page).build();
    }

    @GET
    @Path("/promotions/{id}")
    public Figures promotion(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("timeZone") String zone, @QueryParam("currency") String currency,
                             @QueryParam("interval") String interval) {
        return one(Dimension.PROMOTION, id, AnalyticsQuery.of(from, to, zone, currency, null, null, interval));
    }

    @GET
    @Path("/codes/{code}")
    public Figures code(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("timeZone") String zone, @QueryParam("currency") String currency,
                        @QueryParam("interval") String interval) {
        return one(Dimension.CODE, PromoCode.normalize(code), AnalyticsQuery.of(from, to, zone, currency, null, null, interval));
    }

    @GET
    @Path("/campaigns/{campaign}")
    public Figures campaign(@PathParam("campaign") String campaign, @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("timeZone") String zone, @QueryParam("currency") String currency,
                            @QueryParam("interval") String interval) {
        return one(Dimension.CAMPAIGN, campaign, AnalyticsQuery.of(from, to, zone, currency, null, null, interval));
    }

    /** By the order's context: every channel, source and campaign (the first {@code limit} of each). */
    @GET
    @Path("/channels")
    public Response channels(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                             @QueryParam("currency") String currency, @QueryParam("limit") String limit,
                             @QueryParam("format") String format) {
        AnalyticsQuery q = AnalyticsQuery.of(from, to, zone, currency, limit, format, null);
        Map<String, List<Figures>> by = new LinkedHashMap<>();
        for (Dimension d : List.of(Dimension.CHANNEL, Dimension.SOURCE, Dimension.CAMPAIGN)) {
            by.put(d.name().toLowerCase(Locale.ROOT), reports.list(d, q.period(), q.currency(), null, q.limit()).items());
        }
        if (!q.csv()) return Response.ok(by).build();
        List<Figures> all = new ArrayList<>();
        by.values().forEach(all::addAll);
        return FiguresCsv.response(all, "channels.csv");
    }

    @GET
    @Path("/compare")
    public Response compare(@QueryParam("promotions") String promotions, @QueryParam("campaigns") String campaigns,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("timeZone") String zone,
                            @QueryParam("currency") String currency, @QueryParam("format") String format) {
        AnalyticsQuery q = AnalyticsQuery.of(from, to, zone, currency, null, format, null);
        if ((promotions == null) == (campaigns == null)) {
            throw new InvalidRequestException(400, List.of(new FieldError("promotions", "give either promotions=a,b,c or campaigns=x,y")));
        }
        String field = promotions != null ? "promotions" : "campaigns";
        List<String> values = Arrays.stream((promotions != null ? promotions : campaigns).split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (values.isEmpty() || values.size() > MAX_COMPARED) {
            throw new InvalidRequestException(400, List.of(new FieldError(field, "give 1 to " + MAX_COMPARED + " comma-separated values")));
        }
        Dimension dimension = promotions != null ? Dimension.PROMOTION : Dimension.CAMPAIGN;
        List<Figures> figures = reports.compare(dimension, values, q.period(), q.currency());
        return q.csv() ? FiguresCsv.response(figures, "compare.csv") : Response.ok(Map.of("items", figures)).build();
    }

    /** The rollups thrown away and computed again from the order ledger (admins). */
    public record Rebuilt(long orders) {
    }

    @POST
    @Path("/rebuild")
    @Allowed(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public Rebuilt rebuild() {
        return new Rebuilt(rollups.rebuild());
    }

    private Figures one(Dimension dimension, String value, AnalyticsQuery q) {
        return reports.one(dimension, value, q.period(), q.currency(), q.interval()).orElseThrow(() -> new NotFoundException(
                ErrorMappers.json(404, ApiError.of("NOT_FOUND", "Analytics have not seen " + dimension.name().toLowerCase(Locale.ROOT)
                        + " '" + FieldLimits.excerpt(value) + "': no recorded order used it yet. Check the spelling, or list"
                        + " what they have seen with GET /api/v1/analytics/promotions or /channels"))));
    }
}
