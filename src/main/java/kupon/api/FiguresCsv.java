package kupon.api;

import jakarta.ws.rs.core.Response;
import kupon.analytics.Figures;
import kupon.codes.CsvCell;

import java.math.BigDecimal;
import java.util.List;

/** Analytics figures as RFC 4180 CSV, one row per value, cells guarded against spreadsheet formulas. */
final class FiguresCsv {

    private static final String HEADER = "dimension,value,currency,orders,cancelledOrders,uniqueCustomers,newCustomers,revenue,"
            + "discountTotal,discountCost,averageOrderValue,averageOrderValueWithout,grossMargin,roi,influencedRevenue,influenceRate\r\n";

    private FiguresCsv() {
    }

    static Response response(List<Figures> figures, String fileName) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Figures f : figures) {
            csv.append(CsvCell.of(f.dimension())).append(',').append(CsvCell.of(f.value())).append(',').append(f.currency()).append(',')
                    .append(f.orders()).append(',').append(f.cancelledOrders()).append(',').append(f.uniqueCustomers()).append(',')
                    .append(f.newCustomers()).append(',').append(plain(f.revenue())).append(',').append(plain(f.discountTotal())).append(',')
                    .append(plain(f.discountCost())).append(',').append(plain(f.averageOrderValue())).append(',')
                    .append(plain(f.averageOrderValueWithout())).append(',').append(plain(f.grossMargin())).append(',')
                    .append(plain(f.roi())).append(',').append(plain(f.influencedRevenue())).append(',').append(plain(f.influenceRate()))
                    .append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
