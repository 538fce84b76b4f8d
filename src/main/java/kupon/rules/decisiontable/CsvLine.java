package kupon.rules.decisiontable;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a CSV decision table, split into cells as RFC 4180 says: a cell in double quotes may hold commas and
 * doubled quotes ({@code "a ""b"" c"} is {@code a "b" c}). A quote anywhere else, or a quoted cell that does not end
 * on its line, is refused at its cell instead of being dropped or swallowing the cells after it.
 */
record CsvLine(List<String> cells, int badColumn, String problem) {

    static CsvLine parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            int column = cells.size();
            int start = i;
            cell.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return refused(cells, column, "This cell opens a quote that does not close on its line: end it with"
                                + " a quote, and double every quote inside it (\"a \"\"b\"\" c\")", line, start);
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return refused(cells, column, "Text after the closing quote of this cell: put the whole cell in quotes,"
                            + " and double every quote inside it", line, start);
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        return refused(cells, column, "A quote inside this cell: in a CSV, put the whole cell in quotes and"
                                + " double the quote (\"Gold \"\"VIP\"\"\"); a spreadsheet program saving as CSV does this", line, start);
                    }
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (i >= line.length()) return new CsvLine(List.copyOf(cells), -1, null);
            i++; // the comma
        }
    }

    /**
     * The cells before the refused one as read, the rest split at every comma as written: the row stays in the table,
     * so the problem is reported once, at its cell, and not as a table that ends early.
     */
    private static CsvLine refused(List<String> before, int column, String problem, String line, int start) {
        List<String> cells = new ArrayList<>(before);
        cells.addAll(List.of(line.substring(start).split(",", -1)));
        return new CsvLine(List.copyOf(cells), column, problem);
    }
}
