package kupon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kupon.analytics.Figures;

import java.util.List;
import java.util.Map;

/**
 * The data of a chart as JSON, put in the page as {@code <script type="application/json">} for console.js to draw with
 * Chart.js; the same figures are in a table beside it, so the page reads without JavaScript.
 */
final class Charts {

    private Charts() {
    }

    /** Revenue and discount per day (or week or month) of a series. */
    static String daily(ObjectMapper json, Figures figures) throws JsonProcessingException {
        return daily(json, figures.series() == null ? List.of() : figures.series(), figures.currency());
    }

    static String daily(ObjectMapper json, List<Figures.Point> series, String currency) throws JsonProcessingException {
        // Nothing in a chart may close the script element it travels in.
        return json.writeValueAsString(Map.of(
                "labels", series.stream().map(Figures.Point::start).toList(),
                "currency", currency,
                "datasets", List.of(
                        Map.of("label", "Revenue", "data", series.stream().map(p -> p.revenue().toPlainString()).toList()),
                        Map.of("label", "Discount", "data", series.stream().map(p -> p.discountTotal().toPlainString()).toList()),
                        Map.of("label", "Orders", "data", series.stream().map(Figures.Point::orders).toList(), "axis", "count"))))
                .replace("</", "<\\/");
    }
}
