package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the cells of a decision table the way Drools' spreadsheet compiler will, so that what is
 * checked is exactly what gets compiled. Only the first sheet of a workbook is compiled; a rule table
 * on any other sheet is reported rather than silently ignored. Formulas, dates and error values are
 * refused: a cell must show the value it holds.
 */
final class SpreadsheetReader {

    /** The sheet that compiles, or the errors that make the file unreadable. */
    record Read(Sheet sheet, List<RuleError> errors) {
    }

    /** Beyond this a table takes long enough to compile to slow checkout on a small node (docs/benchmarks.md). */
    public static final int MAX_ROWS = 1_000;
    private static final int MAX_COLUMNS = 100;

    private SpreadsheetReader() {
    }

    static Read read(RuleSource source) {
        return source.kind() == RuleSourceKind.CSV ? readCsv(source.name(), csvText(source.content())) : readXlsx(source);
    }

    /** The CSV as text: UTF-8, without the byte order mark spreadsheet programs put first. */
    static String csvText(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Read readCsv(String file, String text) {
        List<Sheet.Cell> cells = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            int row = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine(), row++) {
                if (row >= MAX_ROWS) {
                    errors.add(RuleError.inCell(file, null, null, "More than " + MAX_ROWS + " rows; split the table into several files"));
                    break;
                }
                CsvLine parsed = CsvLine.parse(line);
                if (parsed.problem() != null) {
                    errors.add(RuleError.inCell(file, null, Sheet.cellName(row, parsed.badColumn()), parsed.problem()));
                }
                List<String> values = parsed.cells();
                // A CSV cannot merge cells: a value ending in "..." continues the merge started to its left.
                int mergedFrom = Sheet.NOT_MERGED;
                for (int column = 0; column < values.size(); column++) {
                    String value = values.get(column);
                    if (value.endsWith("...")) {
                        if (mergedFrom == Sheet.NOT_MERGED) mergedFrom = column;
                        value = value.substring(0, value.length() - 3);
                    } else {
                        mergedFrom = Sheet.NOT_MERGED;
                    }
                    cells.add(new Sheet.Cell(row, column, value, mergedFrom));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string cannot fail", e);
        }
        // A CSV file is one sheet without a name.
        return new Read(new Sheet(null, cells), errors);
    }

    private static Read readXlsx(RuleSource source) {
        String file = source.name();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(source.content()))) {
            if (workbook.getNumberOfSheets() == 0) {
                return new Read(null, List.of(RuleError.inFile(file, "The workbook has no sheet")));
            }
            List<RuleError> errors = new ArrayList<>();
            for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
                otherSheet(file, workbook.getSheetAt(i), errors);
            }
            return new Read(firstSheet(file, workbook.getSheetAt(0), errors), errors);
        } catch (IOException | RuntimeException e) {
            return new Read(null, List.of(RuleError.inFile(file, "Not a readable .xlsx workbook: " + e.getMessage())));
        }
    }

    private static Sheet firstSheet(String file, org.apache.poi.ss.usermodel.Sheet sheet, List<RuleError> errors) {
        String name = sheet.getSheetName();
        if (sheet.getLastRowNum() >= MAX_ROWS) {
            errors.add(RuleError.inCell(file, name, null, "More than " + MAX_ROWS + " rows; split the table into several files"));
            return new Sheet(name, List.of());
        }
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        List<Sheet.Cell> cells = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            if (row.getLastCellNum() > MAX_COLUMNS) {
                errors.add(RuleError.inCell(file, name, Sheet.cellName(r, MAX_COLUMNS), "More than " + MAX_COLUMNS + " columns"));
                continue;
            }
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                if (cell == null) continue;
                int mergedFrom = Sheet.NOT_MERGED;
                CellRangeAddress range = rangeOf(merged, r, c);
                if (range != null) {
                    // Like Drools, every cell of a merge reads as the merge's first cell.
                    Row first = sheet.getRow(range.getFirstRow());
                    cell = first == null ? null : first.getCell(range.getFirstColumn());
                    if (cell == null) continue;
                    mergedFrom = range.getFirstColumn();
                }
                String value = value(cell, formatter);
                if (value == null) {
                    errors.add(RuleError.inCell(file, name, Sheet.cellName(r, c), refusal(cell)));
                    continue;
                }
                cells.add(new Sheet.Cell(r, c, value, mergedFrom));
            }
        }
        return new Sheet(name, cells);
    }

    /** The text Drools reads from a cell, or null for cells Kupon refuses (formulas, dates, errors). */
    private static String value(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType();
        switch (type) {
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) return null;
                double number = cell.getNumericCellValue();
                return number - Math.round(number) != 0 ? String.valueOf(number) : formatter.formatCellValue(cell);
            case STRING:
            case BLANK:
                return formatter.formatCellValue(cell);
            default:
                return null;
        }
    }

    private static String refusal(Cell cell) {
        return switch (cell.getCellType()) {
            case FORMULA -> "Formulas are not accepted in a decision table: type the value itself";
            case NUMERIC -> "Dates are not accepted in a decision table";
            default -> "The cell holds an error value; type the value itself";
        };
    }

    private static void otherSheet(String file, org.apache.poi.ss.usermodel.Sheet sheet, List<RuleError> errors) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    errors.add(RuleError.inCell(file, sheet.getSheetName(), cell.getAddress().formatAsString(),
                            "Only the first sheet of a workbook is compiled: move this table to the first sheet or to its own file"));
                    return;
                }
            }
        }
    }

    private static CellRangeAddress rangeOf(List<CellRangeAddress> ranges, int row, int column) {
        for (CellRangeAddress range : ranges) {
            if (range.isInRange(row, column)) return range;
        }
        return null;
    }
}
