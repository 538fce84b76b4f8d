package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import kupon.rules.decisiontable.DecisionTable.Column;
import kupon.rules.decisiontable.DecisionTable.Kind;
import kupon.rules.decisiontable.DecisionTable.Rule;
import kupon.rules.decisiontable.DecisionTable.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a decision table against the template Kupon knows, before any of it becomes DRL, and reports
 * every problem at once, each at its cell.
 *
 * <p>The cells are walked the way Drools' rule sheet parser walks them (a cell starting with
 * "RuleTable" opens a table; the four rows under it are column kinds, facts, code and labels; rule
 * rows follow until a gap; other cells are keyword/value pairs), so the table checked is the table
 * compiled. Outside tables only RuleSet, Import, Variables and Notes are accepted; column kinds are
 * NAME, CONDITION and ACTION; facts, constraints and actions come from {@link Templates}; every value
 * is checked against its column's {@link ValueType}. Each RuleTable is checked by a {@link RuleTableCheck}.
 */
public final class DecisionTableValidator {

    private static final Set<String> KEYWORDS = Set.of("ruleset", "import", "variables", "notes");

    /** The checked table, or null when there are errors. */
    record Result(DecisionTable table, List<RuleError> errors) {
    }

    private final String file;
    private final Sheet sheet;
    private final CellErrors errors;
    private final List<Table> tables = new ArrayList<>();
    private final Set<String> imports = new HashSet<>();
    private final Set<String> keywordsSeen = new HashSet<>();
    private String ruleSet;
    private String ruleSetCell;
    private boolean variables;
    private RuleTableCheck current;
    /** The cells naming a fact, to check against the imports once all keyword rows are read. */
    private final Map<Sheet.Cell, Templates.Fact> factCells = new LinkedHashMap<>();

    private DecisionTableValidator(String file, Sheet sheet) {
        this.file = file;
        this.sheet = sheet;
        this.errors = new CellErrors(file, sheet.name());
    }

    static Result validate(String file, Sheet sheet) {
        DecisionTableValidator validator = new DecisionTableValidator(file, sheet);
        validator.run();
        List<RuleError> errors = validator.errors.all();
        return new Result(errors.isEmpty() ? new DecisionTable(file, sheet.name(), validator.ruleSet, validator.ruleSetCell,
                validator.tables) : null, errors);
    }

    private void run() {
        Map<Integer, List<Sheet.Cell>> rows = new TreeMap<>();
        for (Sheet.Cell cell : sheet.cells()) {
            if (!cell.isEmpty()) rows.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell);
        }
        for (List<Sheet.Cell> row : rows.values()) {
            List<Sheet.Cell> properties = new ArrayList<>();
            for (Sheet.Cell cell : row) {
                if (current != null) {
                    if (isRuleTable(cell)) {
                        finishTable();
                        startTable(cell);
                    } else if (!current.accept(cell)) {
                        finishTable();
                        outside(cell, properties);
                    }
                } else {
                    outside(cell, properties);
                }
            }
            property(properties);
        }
        finishTable();
        factCells.forEach((cell, fact) -> {
            if (!imports.isEmpty() && !imports.contains("kupon.rules.model.*") && !imports.contains("kupon.rules.model." + fact.type)) {
                error(cell, fact.type + " is not imported: add kupon.rules.model." + fact.type + " (or kupon.rules.model.*) to the Import row");
            }
        });
        if (!keywordsSeen.contains("ruleset")) {
            sheetError("Add a row 'RuleSet | " + Templates.RULE_SET_PREFIX + "<name>' above the table: it names the rules' package");
        }
        if (!keywordsSeen.contains("variables")) {
            sheetError("Add a row 'Variables | " + Templates.VARIABLES + "' above the table");
        }
        if (!keywordsSeen.contains("import")) {
            sheetError("Add a row 'Import | kupon.rules.model.*' above the table");
        }
        if (tables.isEmpty() && errors.isEmpty()) {
            sheetError("No RuleTable: a cell 'RuleTable <name>' starts the table");
        }
    }

    private static boolean isRuleTable(Sheet.Cell cell) {
        return cell.value().trim().toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    private void outside(Sheet.Cell cell, List<Sheet.Cell> properties) {
        if (isRuleTable(cell)) {
            startTable(cell);
        } else {
            properties.add(cell);
        }
    }

    /** A keyword row outside the tables: the first cell names the keyword, the second holds its value. */
    private void property(List<Sheet.Cell> cells) {
        if (cells.isEmpty()) return;
        Sheet.Cell key = cells.get(0);
        String keyword = key.value().toLowerCase(Locale.ROOT);
        if (!KEYWORDS.contains(keyword)) {
            error(key, "'" + ValueType.shorten(key.value()) + "' is not allowed outside a RuleTable: only RuleSet, Import, Variables "
                    + "and Notes (check for extra spaces), each followed by its value in the next cell");
            return;
        }
        if (cells.size() > 2) {
            error(cells.get(2), "Leave this cell empty: a " + key.value() + " row has one value");
        }
        if (cells.size() < 2) {
            if (!keyword.equals("notes")) error(key, key.value() + " needs its value in the cell to its right");
            return;
        }
        keywordsSeen.add(keyword);
        Sheet.Cell value = cells.get(1);
        String text = value.value().strip();
        switch (keyword) {
            case "ruleset" -> {
                if (ruleSet != null) {
                    error(value, "A second RuleSet: a spreadsheet has one");
                } else if (!text.matches(Templates.RULE_SET_PATTERN)) {
                    error(value, "The RuleSet must be " + Templates.RULE_SET_PREFIX
                            + "<name> with a lower-case name (letters, digits, _), e.g. kupon.rules.tables.volume_tiers");
                } else {
                    ruleSet = text;
                    ruleSetCell = value.name();
                }
            }
            case "import" -> {
                for (String entry : text.split(",", -1)) {
                    String className = entry.strip();
                    if (!Templates.IMPORTS.contains(className)) {
                        error(value, "Import '" + ValueType.shorten(className) + "' is not allowed: import kupon.rules.model.* "
                                + "or the facts Line, Cart, Customer, Context, EnteredCode from kupon.rules.model");
                    } else {
                        imports.add(className);
                    }
                }
            }
            case "variables" -> {
                if (variables || !text.replaceAll("\\s+", " ").equals(Templates.VARIABLES)) {
                    error(value, "Variables must be exactly '" + Templates.VARIABLES + "'");
                }
                variables = true;
            }
            default -> {
                // Notes are for people; Drools does not read them.
            }
        }
    }

    private void startTable(Sheet.Cell cell) {
        String text = cell.value().trim();
        String name = text.substring("ruletable".length()).trim();
        if (!name.matches(Templates.RULE_TABLE_NAME_PATTERN)) {
            error(cell, "Write the table's name after RuleTable, e.g. 'RuleTable Tiers' (letters, digits, spaces, - and _)");
        }
        current = new RuleTableCheck(name, cell.row(), cell.column(), errors, factCells);
    }

    private void finishTable() {
        if (current != null) {
            current.finish().ifPresent(tables::add);
            current = null;
        }
    }

    private void error(Sheet.Cell cell, String message) {
        errors.at(cell, message);
    }

    private void sheetError(String message) {
        errors.onSheet(message);
    }
}
