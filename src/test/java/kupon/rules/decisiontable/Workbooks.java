package kupon.rules.decisiontable;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds .xlsx workbooks for tests and for the shipped spreadsheets: rows of values (text, numbers,
 * formulas written {@code "=2+3"}, or null for no cell), merged ranges like {@code "B8:D8"}, bold rows
 * for the headers people read.
 */
final class Workbooks {

    /** One sheet to write. */
    static final class SheetSpec {
        final String name;
        final List<List<Object>> rows = new ArrayList<>();
        final List<String> merges = new ArrayList<>();
        final List<Integer> boldRows = new ArrayList<>();
        final List<Integer> widths = new ArrayList<>();

        SheetSpec(String name) {
            this.name = name;
        }

        SheetSpec row(Object... values) {
            rows.add(java.util.Arrays.asList(values));
            return this;
        }

        /** The next row, in bold. */
        SheetSpec header(Object... values) {
            boldRows.add(rows.size());
            return row(values);
        }

        /** Puts a value (null to remove the cell) at a cell like {@code "F12"}. */
        SheetSpec set(String cell, Object value) {
            org.apache.poi.ss.util.CellReference reference = new org.apache.poi.ss.util.CellReference(cell);
            while (rows.size() <= reference.getRow()) rows.add(new ArrayList<>());
            List<Object> row = new ArrayList<>(rows.get(reference.getRow()));
            while (row.size() <= reference.getCol()) row.add(null);
            row.set(reference.getCol(), value);
            rows.set(reference.getRow(), row);
            return this;
        }

        SheetSpec merge(String range) {
            merges.add(range);
            return this;
        }

        /** Column widths in characters, from column A. */
        SheetSpec widths(Integer... characters) {
            widths.addAll(List.of(characters));
            return this;
        }
    }

    private Workbooks() {
    }

    static byte[] xlsx(SheetSpec... sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (SheetSpec spec : sheets) {
                Sheet sheet = workbook.createSheet(spec.name);
                for (int r = 0; r < spec.rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> values = spec.rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) continue;
                        Cell cell = row.createCell(c);
                        if (value instanceof Number number) cell.setCellValue(number.doubleValue());
                        else if (value instanceof Boolean flag) cell.setCellValue(flag);
                        else if (value.toString().startsWith("=")) cell.setCellFormula(value.toString().substring(1));
                        else cell.setCellValue(value.toString());
                        if (spec.boldRows.contains(r)) cell.setCellStyle(bold);
                    }
                }
                for (String range : spec.merges) {
                    CellRangeAddress address = CellRangeAddress.valueOf(range);
                    // Spreadsheet programs keep a (blank) cell for every position of a merge; so do we.
                    for (int r = address.getFirstRow(); r <= address.getLastRow(); r++) {
                        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                        for (int c = address.getFirstColumn(); c <= address.getLastColumn(); c++) {
                            if (row.getCell(c) == null) row.createCell(c);
                        }
                    }
                    sheet.addMergedRegion(address);
                }
                for (int c = 0; c < spec.widths.size(); c++) {
                    sheet.setColumnWidth(c, spec.widths.get(c) * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
