package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import kupon.analytics.AnalyticsReports;
import kupon.analytics.Dimension;
import kupon.analytics.Figures;
import kupon.analytics.Period;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.auth.SessionAuthenticated;
import kupon.fraud.FraudEvent;
import kupon.fraud.FraudEvents;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLedger;
import kupon.pricing.Rounding;
import kupon.promotions.Promotion;
import kupon.rules.ActiveRuleSet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The first page after signing in: today at a glance, what needs attention soon, and the last 30 days. */
@Path("/console")
@SessionAuthenticated
@Allowed({Role.MARKETER})
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    /** A promotion whose budget is nearly spent. */
    public record LowBudget(String promotionId, String name, BigDecimal budget, BigDecimal remaining, BigDecimal percentLeft) {
    }

    /** A promotion whose schedule ends within a week. */
    public record EndingSoon(String promotionId, String name, Instant endsAt) {
    }

    /** What the dashboard shows. Days are UTC days. */
    public record Dashboard(Figures today, List<Figures> topPromotions, List<EndingSoon> endingSoon, List<LowBudget> lowBudgets,
                            List<FraudEvent> fraudEvents, String chart, List<Figures.Point> days) {
    }

    private static final BigDecimal LOW = new BigDecimal("0.05");

    private final AnalyticsReports analytics;
    private final ActiveRuleSet ruleSets;
    private final UsageLedger usage;
    private final FraudEvents fraud;
    private final ObjectMapper json;

    public DashboardPage(AnalyticsReports analytics, ActiveRuleSet ruleSets, UsageLedger usage, FraudEvents fraud, ObjectMapper json) {
        this.analytics = analytics;
        this.ruleSets = ruleSets;
        this.usage = usage;
        this.fraud = fraud;
        this.json = json;
    }

    @GET
    public TemplateInstance show(@Context ContainerRequestContext request) throws JsonProcessingException {
        Instant now = Instant.now();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant tomorrow = today.plus(1, ChronoUnit.DAYS);
        Period day = new Period(today, tomorrow, ZoneOffset.UTC);
        // The chart needs only the days, not the month's distinct shoppers, which cost most of an overall reading.
        AnalyticsReports.Series month = analytics.overallSeries(new Period(today.minus(29, ChronoUnit.DAYS), tomorrow, ZoneOffset.UTC), null,
                AnalyticsReports.Interval.DAY);
        List<Promotion> live = ruleSets.current().map(rs -> List.copyOf(rs.promotions().all())).orElse(List.of());
        boolean admin = ((ConsoleSession) request.getProperty(ConsoleFilter.SESSION_PROPERTY)).isAdmin();
        Dashboard dashboard = new Dashboard(analytics.overall(day, null, AnalyticsReports.Interval.DAY),
                analytics.top(Dimension.PROMOTION, day, null, 5), endingSoon(live, now), lowBudgets(live),
                admin ? fraud.find(null, null, null, null, null, 10) : List.of(), Charts.daily(json, month.points(), month.currency()), month.points());
        return Pages.dashboard(Frame.of(request, "dashboard", "Dashboard"), dashboard);
    }

    private static List<EndingSoon> endingSoon(List<Promotion> live, Instant now) {
        Instant week = now.plus(7, ChronoUnit.DAYS);
        return live.stream().filter(p -> p.schedule() != null && p.schedule().endsAt() != null)
                .map(p -> new EndingSoon(p.id(), p.name(), p.schedule().endsAt().toInstant()))
                .filter(e -> e.endsAt().isAfter(now) && !e.endsAt().isAfter(week))
                .sorted(Comparator.comparing(EndingSoon::endsAt)).limit(20).toList();
    }

    private List<LowBudget> lowBudgets(List<Promotion> live) {
        List<Promotion> budgeted = live.stream().filter(p -> p.limits() != null && p.limits().budget() != null
                && p.limits().budget().signum() > 0).toList();
        Map<UsageKey, Usage> used = usage.read(budgeted.stream().map(p -> UsageKey.total(p.id())).toList());
        List<LowBudget> low = new ArrayList<>();
        for (Promotion p : budgeted) {
            Usage u = used.get(UsageKey.total(p.id()));
            // Shown at the budget's own scale: the ledger keeps amounts at a finer one.
            BigDecimal remaining = Rounding.HALF_EVEN.divide(p.limits().budget().subtract(u == null ? BigDecimal.ZERO : u.amount())
                    .max(BigDecimal.ZERO), BigDecimal.ONE, Math.max(2, p.limits().budget().scale()));
            if (remaining.compareTo(p.limits().budget().multiply(LOW)) <= 0) {
                low.add(new LowBudget(p.id(), p.name(), p.limits().budget(), remaining,
                        Rounding.HALF_EVEN.divide(remaining.multiply(BigDecimal.valueOf(100)), p.limits().budget(), 1)));
            }
        }
        low.sort(Comparator.comparing(LowBudget::remaining));
        return low;
    }
}
