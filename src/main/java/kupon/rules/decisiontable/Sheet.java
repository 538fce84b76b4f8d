package kupon.rules.decisiontable;

import java.util.List;

/**
 * The cells of the sheet a decision table is read from, as Drools' spreadsheet parser sees them:
 * text values in row order, and for a cell inside merged cells the column where the merge starts.
 */
record Sheet(String name, List<Cell> cells) {

    static final int NOT_MERGED = -1;

    /** One cell; row and column count from 0. */
    record Cell(int row, int column, String value, int mergedFrom) {

        boolean isEmpty() {
            return value == null || value.isBlank();
        }

        String name() {
            return cellName(row, column);
        }
    }

    Sheet {
        cells = List.copyOf(cells);
    }

    /** A cell's name as spreadsheets show it: row 11, column 2 is {@code C12}. */
    static String cellName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c >= 0; c = c / 26 - 1) {
            letters.insert(0, (char) ('A' + c % 26));
        }
        return letters.toString() + (row + 1);
    }
}
