package kupon.rules.source;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A located problem in a rule source and what is wrong. A DRL file is located by line and column
 * (1-based, 0 when unknown); a decision table by sheet and cell ({@code Tiers}, {@code C12}; a CSV file
 * has no sheet name).
 * The location that does not apply is null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleError(String file, String sheet, String cell, Integer line, Integer column, String message) {

    /** An error in a DRL file. */
    public RuleError(String file, int line, int column, String message) {
        this(file, null, null, line, column, message);
    }

    /** An error in a cell of a decision table; {@code cell} is null when it concerns the sheet as a whole. */
    public static RuleError inCell(String file, String sheet, String cell, String message) {
        return new RuleError(file, sheet, cell, null, null, message);
    }

    /** An error about a file as a whole (it cannot be read at all). */
    public static RuleError inFile(String file, String message) {
        return new RuleError(file, null, null, null, null, message);
    }

    @Override
    public String toString() {
        if (sheet != null || cell != null) {
            return file + (sheet == null ? "" : "!" + sheet) + (cell == null ? "" : "!" + cell) + ": " + message;
        }
        if (line != null) return file + ":" + line + ":" + column + ": " + message;
        return file + ": " + message;
    }
}
