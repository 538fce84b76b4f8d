package kupon.rules.decisiontable;

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
 * One RuleTable of a decision table, filled cell by cell in the order Drools reads them, then checked: its header rows
 * against the template ({@link Templates}), every rule row against its columns' {@link ValueType}s.
 */
final class RuleTableCheck {

    static final int ACTION_ROW = 1;
    static final int OBJECT_ROW = 2;
    static final int CODE_ROW = 3;
    static final int LABEL_ROW = 4;
    static final int FIRST_RULE_ROW = 5;

    private final CellErrors errors;
    private final Map<Sheet.Cell, Templates.Fact> factCells;
    private final String name;
    private final int headerRow;
    private final int startColumn;
    private final Map<Integer, Kind> kinds = new TreeMap<>();
    /** Columns whose kind is not one Kupon accepts: reported once, the cells below are not looked at. */
    private final Set<Integer> refused = new HashSet<>();
    private final Map<Integer, Sheet.Cell> objects = new HashMap<>();
    private final Map<Integer, Sheet.Cell> codes = new HashMap<>();
    private final Map<Integer, Map<Integer, Sheet.Cell>> rows = new LinkedHashMap<>();
    private int ruleRow;

    /** {@code factCells} collects the cells naming a fact, for the caller to check against the imports. */
    RuleTableCheck(String name, int headerRow, int startColumn, CellErrors errors, Map<Sheet.Cell, Templates.Fact> factCells) {
        this.errors = errors;
        this.factCells = factCells;
        this.name = name;
        this.headerRow = headerRow;
        this.startColumn = startColumn;
        this.ruleRow = headerRow + FIRST_RULE_ROW;
    }

    /** Takes a cell of the table; false when the cell lies after a gap, so the table has ended before it. */
    boolean accept(Sheet.Cell cell) {
        if (cell.row() == headerRow) {
            error(cell, "Leave the rest of the RuleTable row empty");
            return true;
        }
        if (cell.column() < startColumn || refused.contains(cell.column())) {
            return true; // Cells left of the table are comments, as in Drools.
        }
        switch (cell.row() - headerRow) {
            case ACTION_ROW -> kind(cell);
            case OBJECT_ROW -> objects.put(cell.column(), cell);
            case CODE_ROW -> codes.put(cell.column(), cell);
            case LABEL_ROW -> {
                // Labels are for people.
            }
            default -> {
                if (!kinds.containsKey(cell.column())) {
                    // Drools stops here too, even for a cell after the table: leave such columns empty.
                    error(cell, "No NAME, CONDITION or ACTION column above this cell");
                    return true;
                }
                if (cell.row() - ruleRow > 1) return false;
                if (cell.row() > ruleRow) ruleRow++;
                rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.column(), cell);
            }
        }
        return true;
    }

    private void kind(Sheet.Cell cell) {
        String text = cell.value().trim().toUpperCase(Locale.ROOT);
        switch (text) {
            case "CONDITION" -> kinds.put(cell.column(), Kind.CONDITION);
            case "ACTION" -> kinds.put(cell.column(), Kind.ACTION);
            case "NAME" -> {
                if (kinds.containsValue(Kind.NAME)) error(cell, "A second NAME column: a table has at most one");
                kinds.put(cell.column(), Kind.NAME);
            }
            default -> {
                error(cell, "'" + ValueType.shorten(cell.value()) + "' is not a column Kupon accepts: write NAME, CONDITION or ACTION");
                refused.add(cell.column());
            }
        }
    }

    /** The checked table; empty when its headers are broken (reported), so its rows could not be checked. */
    Optional<Table> finish() {
        int errorsBefore = errors.size();
        Map<Integer, Column> columns = columns();
        if (errors.size() > errorsBefore) {
            return Optional.empty(); // Rows cannot be checked against broken headers.
        }
        List<Column> actions = columns.values().stream().filter(c -> c.kind() == Kind.ACTION).toList();
        if (actions.isEmpty()) {
            error(headerRow + ACTION_ROW, startColumn, "The table has no ACTION column: the first one must be "
                    + "actions.promotion(\"$param\")");
            return Optional.empty();
        }
        if (!rows.containsKey(headerRow + FIRST_RULE_ROW)) {
            error(headerRow + FIRST_RULE_ROW, startColumn, "The first rule goes in the row right under the labels");
            return Optional.empty();
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map.Entry<Integer, Map<Integer, Sheet.Cell>> row : rows.entrySet()) {
            Rule rule = rule(row.getKey(), row.getValue(), columns, actions);
            if (rule != null && rule.name() != null && !names.add(rule.name())) {
                error(row.getKey(), nameColumn(columns), "Another row already has the name '" + rule.name() + "'");
            }
            if (rule != null) rules.add(rule);
        }
        return Optional.of(new Table(name, headerRow, startColumn, List.copyOf(columns.values()), rules));
    }

    private int nameColumn(Map<Integer, Column> columns) {
        return columns.values().stream().filter(c -> c.kind() == Kind.NAME).findFirst().map(Column::index).orElse(startColumn);
    }

    /** The header rows, column by column; problems are reported and the column left out. */
    private Map<Integer, Column> columns() {
        for (int column : objects.keySet()) {
            if (!kinds.containsKey(column)) error(objects.get(column), "No NAME, CONDITION or ACTION above this cell");
        }
        for (int column : codes.keySet()) {
            if (!kinds.containsKey(column)) error(codes.get(column), "No NAME, CONDITION or ACTION above this cell");
        }
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<String, Integer> bindings = new HashMap<>();
        int lastAction = kinds.entrySet().stream().filter(e -> e.getValue() == Kind.ACTION).mapToInt(Map.Entry::getKey).max().orElse(-1);
        int firstAction = kinds.entrySet().stream().filter(e -> e.getValue() == Kind.ACTION).mapToInt(Map.Entry::getKey).min().orElse(-1);
        boolean reward = false;
        boolean conditionRefused = false;
        int errorsBefore = errors.size();
        for (Map.Entry<Integer, Kind> entry : kinds.entrySet()) {
            int index = entry.getKey();
            Sheet.Cell object = objects.get(index);
            Sheet.Cell code = codes.get(index);
            switch (entry.getValue()) {
                case NAME -> {
                    if (object != null) error(object, "Leave this cell empty in a NAME column");
                    if (code != null) error(code, "Leave this cell empty in a NAME column");
                    columns.put(index, new Column(index, Kind.NAME, index, null, null, ValueType.TEXT, null, null));
                }
                case CONDITION -> {
                    Optional<Column> condition = condition(index, object, code, bindings);
                    condition.ifPresent(c -> columns.put(index, c));
                    conditionRefused |= condition.isEmpty();
                }
                case ACTION -> {
                    if (object != null) error(object, "Leave this cell empty in an ACTION column: the code below says what the action does");
                    if (code == null) {
                        error(headerRow + CODE_ROW, index, "An ACTION column needs its code here, e.g. .percentOffItems($param)");
                        continue;
                    }
                    Optional<Templates.Action> action = Templates.action(code.value(), index == lastAction);
                    if (action.isEmpty()) {
                        error(code, actionHelp(code.value(), index == lastAction));
                        continue;
                    }
                    Templates.Role role = action.get().role();
                    if ((role == Templates.Role.PROMOTION) != (index == firstAction)) {
                        error(code, role == Templates.Role.PROMOTION ? "actions.promotion(\"$param\") must be the first ACTION column"
                                : "The first ACTION column must be actions.promotion(\"$param\")");
                        continue;
                    }
                    if (role == Templates.Role.REWARD) {
                        if (reward) {
                            error(code, "A second reward: a table gives one reward per promotion");
                            continue;
                        }
                        reward = true;
                    }
                    if (action.get().uses() != null && !bindings.containsKey(action.get().uses()) && !conditionRefused) {
                        error(code, "This action needs a condition column on " + bindingFact(action.get().uses())
                                + " (written above its constraint) to its left");
                        continue;
                    }
                    columns.put(index, new Column(index, Kind.ACTION, index, null, code.value().trim(), action.get().type(),
                            action.get(), null));
                }
            }
        }
        if (!reward && lastAction >= 0 && errors.size() == errorsBefore) {
            error(codes.get(lastAction), "The table has no reward column; one of: " + String.join(" ", Templates.actionCodes(Templates.Role.REWARD)));
        }
        return columns;
    }

    private Optional<Column> condition(int index, Sheet.Cell object, Sheet.Cell code, Map<String, Integer> bindings) {
        if (object == null) {
            error(headerRow + OBJECT_ROW, index, "Write the fact this condition looks at here (" + String.join(", ", Templates.patterns())
                    + "), or merge this cell with the one to its left");
            return Optional.empty();
        }
        int group = object.mergedFrom() == Sheet.NOT_MERGED ? index : object.mergedFrom();
        Sheet.Cell start = group == index ? object : objects.get(group);
        if (group != index && (kinds.get(group) != Kind.CONDITION || start == null)) {
            error(object, "Merged with a cell that is not above a CONDITION column");
            return Optional.empty();
        }
        if (!start.value().trim().equals(object.value().trim())) {
            error(object, "Cells joined with '...' must name the same fact");
            return Optional.empty();
        }
        Optional<Templates.Pattern> pattern = Templates.pattern(object.value());
        if (pattern.isEmpty()) {
            // Reported once, where the merge starts.
            if (group == index) {
                error(object, "'" + ValueType.shorten(object.value()) + "' is not a fact Kupon accepts: " + String.join(", ", Templates.patterns()));
            }
            return Optional.empty();
        }
        Templates.Fact fact = pattern.get().fact();
        if (group == index) factCells.put(object, fact);
        String binding = pattern.get().binding();
        if (binding != null && group == index) {
            if (bindings.containsKey(binding)) {
                error(object, binding + " is already bound in column " + Sheet.cellName(0, bindings.get(binding)).replaceAll("\\d", "")
                        + ": merge the cells above all constraints on the same " + fact.type);
                return Optional.empty();
            }
            bindings.put(binding, index);
        }
        if (code == null) {
            error(headerRow + CODE_ROW, index, "A CONDITION column needs its constraint here, e.g. " + Templates.conditionsOf(fact).get(0));
            return Optional.empty();
        }
        Optional<Templates.Condition> condition = Templates.condition(fact, code.value());
        if (condition.isEmpty()) {
            error(code, "'" + ValueType.shorten(code.value()) + "' is not a constraint Kupon accepts on " + fact.type + ": "
                    + String.join(" | ", Templates.conditionsOf(fact)));
            return Optional.empty();
        }
        return Optional.of(new Column(index, Kind.CONDITION, group, start.value().trim(), code.value().trim(),
                condition.get().type(), null, pattern.get()));
    }

    private String actionHelp(String code, boolean last) {
        String canonical = Templates.canonical(code);
        if (last && !canonical.endsWith(";")) {
            return "The last ACTION column ends the statement: add ';' at the end of its code";
        }
        if (!last && canonical.endsWith(";")) {
            return "Only the last ACTION column ends with ';'";
        }
        return "'" + ValueType.shorten(code) + "' is not an action Kupon accepts. First column: actions.promotion(\"$param\"); "
                + "then any of: " + String.join(" ", Templates.actionCodes(Templates.Role.DETAIL))
                + "; one reward: " + String.join(" ", Templates.actionCodes(Templates.Role.REWARD));
    }

    private static String bindingFact(String binding) {
        return binding.equals("$line") ? "$line : Line" : "$code : EnteredCode";
    }

    private Rule rule(int row, Map<Integer, Sheet.Cell> cells, Map<Integer, Column> columns, List<Column> actions) {
        Map<Integer, String> values = new TreeMap<>();
        String ruleName = null;
        boolean valid = true;
        for (Sheet.Cell cell : cells.values()) {
            Column column = columns.get(cell.column());
            if (column == null) {
                valid = false;
                continue;
            }
            String value = cell.value().trim();
            Optional<String> problem = column.type().check(value);
            if (problem.isPresent()) {
                error(cell, problem.get());
                valid = false;
                continue;
            }
            values.put(cell.column(), value);
            if (column.kind() == Kind.NAME) ruleName = value;
        }
        Column promotion = actions.get(0);
        Column last = actions.get(actions.size() - 1);
        for (Column column : actions) {
            boolean required = column == promotion || column == last || column.action().role() == Templates.Role.REWARD;
            if (required && !cells.containsKey(column.index())) {
                error(row, column.index(), "Every rule needs a value here" + (column == promotion ? " (the promotion id)" : ""));
                valid = false;
            }
            String uses = column.action().uses();
            if (uses != null && values.containsKey(column.index()) && !bindingFilled(uses, values, columns)) {
                error(row, column.index(), "This action works on " + uses + ", so the rule needs a value in a condition on "
                        + bindingFact(uses));
                valid = false;
            }
        }
        return valid ? new Rule(row, ruleName, values) : null;
    }

    /** A bound pattern only appears in a rule when one of its constraint cells has a value. */
    private static boolean bindingFilled(String binding, Map<Integer, String> values, Map<Integer, Column> columns) {
        return columns.values().stream().anyMatch(c -> c.kind() == Kind.CONDITION && binding.equals(c.pattern().binding())
                && values.containsKey(c.index()));
    }

    private void error(Sheet.Cell cell, String message) {
        errors.at(cell, message);
    }

    private void error(int row, int column, String message) {
        errors.at(row, column, message);
    }
}
