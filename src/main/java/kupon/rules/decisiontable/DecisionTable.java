package kupon.rules.decisiontable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision table that passed every check: its rule set, and for each table its columns (which fact,
 * which template, which type) and its rows (the values of each rule). From it follows exactly which
 * DRL the table must produce, rule by rule and line by line, with the cell every line comes from.
 */
record DecisionTable(String file, String sheet, String ruleSet, String ruleSetCell, List<Table> tables) {

    enum Kind { NAME, CONDITION, ACTION }

    /**
     * One column. A condition column belongs to the pattern started in column {@code group} (merged
     * cells above the constraints put several constraints on one fact).
     */
    record Column(int index, Kind kind, int group, String object, String code, ValueType type, Templates.Action action,
                  Templates.Pattern pattern) {
    }

    /** One rule: its spreadsheet row (0-based) and the trimmed values of its non-empty cells by column. */
    record Rule(int row, String name, Map<Integer, String> values) {
    }

    record Table(String name, int headerRow, int startColumn, List<Column> columns, List<Rule> rules) {
    }

    /** A line of the DRL a rule must produce, and the cells it comes from (first the one to blame by default). */
    record Line(String text, List<Snippet> snippets) {
    }

    /**
     * What one cell contributes to a line, so a column in the line can be traced to the cell;
     * {@code start} is its 0-based offset in the line as generated, once known.
     */
    record Snippet(String cell, String text, int start) {

        Snippet(String cell, String text) {
            this(cell, text, 0);
        }

        Snippet at(int offset) {
            return new Snippet(cell, text, offset);
        }
    }

    DecisionTable {
        tables = List.copyOf(tables);
    }

    /** The name Drools gives the rule of a row: the NAME cell, else the table's name and the row number. */
    static String ruleName(Table table, Rule rule) {
        return rule.name() != null ? rule.name() : table.name() + "_" + (rule.row() + 1);
    }

    /** The lines between {@code when} and {@code then}: one per fact pattern with at least one value. */
    static List<Line> conditions(Table table, Rule rule) {
        Map<Integer, List<Snippet>> groups = new LinkedHashMap<>();
        Map<Integer, String> objects = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            if (column.kind() != Kind.CONDITION) continue;
            objects.putIfAbsent(column.group(), column.object());
            String value = rule.values().get(column.index());
            if (value == null) continue;
            groups.computeIfAbsent(column.group(), g -> new ArrayList<>())
                    .add(new Snippet(Sheet.cellName(rule.row(), column.index()), column.code().replace("$param", value)));
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, List<Snippet>> group : groups.entrySet()) {
            String constraints = String.join(", ", group.getValue().stream().map(Snippet::text).toList());
            lines.add(new Line(objects.get(group.getKey()) + "(" + constraints + ")", group.getValue()));
        }
        return lines;
    }

    /** The lines after {@code then}: one per action cell with a value, in column order. */
    static List<Line> actions(Table table, Rule rule) {
        List<Line> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            String value = rule.values().get(column.index());
            if (column.kind() != Kind.ACTION || value == null) continue;
            String text = column.code().replace("$param", value);
            lines.add(new Line(text, List.of(new Snippet(Sheet.cellName(rule.row(), column.index()), text))));
        }
        return lines;
    }
}
