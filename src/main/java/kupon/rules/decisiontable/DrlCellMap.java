package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;

import java.util.List;
import java.util.Map;

/**
 * Where each line of the DRL a decision table produced comes from, so that an error Drools reports
 * in that DRL is shown at the spreadsheet cell a person can fix ({@code Tiers}, {@code C12}).
 */
public final class DrlCellMap {

    /** The cells of one generated line; {@code cell} is the one to blame when the column does not tell. */
    record Origin(String cell, List<DecisionTable.Snippet> snippets) {
    }

    private final String file;
    private final String sheet;
    private final Map<Integer, Origin> lines;

    DrlCellMap(String file, String sheet, Map<Integer, Origin> lines) {
        this.file = file;
        this.sheet = sheet;
        this.lines = Map.copyOf(lines);
    }

    /** The same error, located at the cell its line (1-based) and column of the generated DRL came from. */
    public RuleError locate(RuleError error) {
        Integer line = error.line();
        Origin origin = line == null ? null : lines.get(line);
        if (origin == null) {
            return RuleError.inCell(file, sheet, null, error.message());
        }
        return RuleError.inCell(file, sheet, cellAt(origin, error.column() == null ? 0 : error.column()), error.message());
    }

    /** The cell a line (1-based) of the generated DRL came from, or null for lines of the template. */
    public String cellOfLine(int line) {
        Origin origin = lines.get(line);
        return origin == null ? null : origin.cell();
    }

    /** The snippet whose text spans the column, else the line's own cell. */
    private static String cellAt(Origin origin, int column) {
        if (column > 0) {
            for (DecisionTable.Snippet snippet : origin.snippets()) {
                if (snippet.start() < column && column <= snippet.start() + snippet.text().length()) return snippet.cell();
            }
        }
        return origin.cell();
    }
}
