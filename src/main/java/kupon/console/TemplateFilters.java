package kupon.console;

import io.quarkus.qute.TemplateExtension;
import kupon.analytics.Experiment;

import java.net.URLEncoder;
import java.util.List;
import java.util.Map;

/** Small value conversions the console templates need, such as a value put into a link. */
@TemplateExtension
final class TemplateFilters {

    private TemplateFilters() {
    }

    /** The value as one path segment or query value of a link: {@code {promotion.id.urlPath}}. */
    static String urlPath(String value) {
        return PromotionsPage.enc(value);
    }

    /** An experiment's two groups, named, in the order a table shows them. */
    static List<Map.Entry<String, Experiment.Group>> groups(Experiment experiment) {
        return List.of(Map.entry("Treatment (gets the promotion)", experiment.treatment()),
                Map.entry("Control (held out)", experiment.control()));
    }
}
