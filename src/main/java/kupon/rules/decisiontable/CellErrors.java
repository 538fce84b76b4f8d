package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one sheet of a decision table, each at its cell (or on the sheet). */
final class CellErrors {

    private final String file;
    private final String sheet;
    private final List<RuleError> errors = new ArrayList<>();

    CellErrors(String file, String sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    void at(Sheet.Cell cell, String message) {
        errors.add(RuleError.inCell(file, sheet, cell.name(), message));
    }

    void at(int row, int column, String message) {
        errors.add(RuleError.inCell(file, sheet, Sheet.cellName(row, column), message));
    }

    void onSheet(String message) {
        errors.add(RuleError.inCell(file, sheet, null, message));
    }

    int size() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<RuleError> all() {
        return List.copyOf(errors);
    }
}
