package kupon.rules.decisiontable;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped spreadsheets hold exactly what {@link ShippedSpreadsheets} describes. To change them, edit
 * that class and run {@code mvn -q test -Dtest=ShippedSpreadsheetsTest -Dkupon.spreadsheets.write=true}.
 */
class ShippedSpreadsheetsTest {

    private static final boolean WRITE = Boolean.getBoolean("kupon.spreadsheets.write");

    @Test
    void volumeTiersWorkbook() throws IOException {
        check(Path.of(ShippedSpreadsheets.VOLUME_TIERS), ShippedSpreadsheets.volumeTiers());
    }

    @Test
    void blankTemplateWorkbook() throws IOException {
        check(Path.of(ShippedSpreadsheets.TEMPLATE), ShippedSpreadsheets.template());
    }

    @Test
    void segmentGridCsv() throws IOException {
        Path file = Path.of(ShippedSpreadsheets.SEGMENT_GRID);
        if (WRITE) Files.writeString(file, ShippedSpreadsheets.segmentGrid(), StandardCharsets.UTF_8);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ShippedSpreadsheets.segmentGrid());
    }

    private static void check(Path file, Workbooks.SheetSpec... sheets) throws IOException {
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.write(file, Workbooks.xlsx(sheets));
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(sheets.length);
            for (int i = 0; i < sheets.length; i++) {
                assertThat(workbook.getSheetName(i)).isEqualTo(sheets[i].name);
                assertThat(texts(workbook.getSheetAt(i))).as(file + " sheet " + sheets[i].name).isEqualTo(texts(sheets[i]));
                List<String> merges = workbook.getSheetAt(i).getMergedRegions().stream().map(r -> r.formatAsString()).toList();
                assertThat(merges).isEqualTo(sheets[i].merges);
            }
        }
    }

    private static List<List<String>> texts(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> values = new ArrayList<>();
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                values.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
            }
            rows.add(trim(values));
        }
        return rows;
    }

    private static List<List<String>> texts(Workbooks.SheetSpec spec) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : spec.rows) {
            rows.add(trim(row.stream().map(v -> v == null ? "" : v instanceof Number n ? formatNumber(n) : v.toString()).toList()));
        }
        return rows;
    }

    private static String formatNumber(Number number) {
        double value = number.doubleValue();
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static List<String> trim(List<String> values) {
        List<String> trimmed = new ArrayList<>(values);
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) trimmed.remove(trimmed.size() - 1);
        return trimmed;
    }
}
