package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the DRL Drools generated from a checked decision table, line by line, against the DRL its
 * cells describe: the package, imports and global the template allows, then each rule with exactly
 * the conditions and actions its row's values give. A table can therefore never compile to anything
 * else, whatever the spreadsheet parser does with a cell; and the walk yields the cell of every line.
 */
final class GeneratedDrl {

    /** The cell map when the DRL is exactly what the table describes, else the error. */
    record Result(DrlCellMap cells, RuleError error) {
    }

    private final String[] lines;
    private final DecisionTable table;
    private final Map<Integer, DrlCellMap.Origin> origins = new HashMap<>();
    private int next;

    private GeneratedDrl(String drl, DecisionTable table) {
        this.lines = drl.split("\n", -1);
        this.table = table;
    }

    static Result check(String drl, DecisionTable table) {
        return new GeneratedDrl(drl, table).check();
    }

    private Result check() {
        String header = header();
        if (header != null) return failure(table.ruleSetCell(), header);
        for (DecisionTable.Table t : table.tables()) {
            for (DecisionTable.Rule rule : t.rules()) {
                String firstCell = Sheet.cellName(rule.row(), rule.values().keySet().iterator().next());
                String problem = rule(t, rule, firstCell);
                if (problem != null) return failure(firstCell, problem);
            }
        }
        skipComments();
        if (next < lines.length) return failure(table.ruleSetCell(), "unexpected line " + (next + 1) + ": " + lines[next].strip());
        return new Result(new DrlCellMap(table.file(), table.sheet(), origins), null);
    }

    /** Package, imports and the actions global, up to the first rule; null when they are as allowed. */
    private String header() {
        String expectedPackage = "package " + table.ruleSet() + ";";
        boolean packageSeen = false;
        for (; next < lines.length; next++) {
            String line = lines[next].strip().replaceAll("\\s+", " ");
            if (line.isEmpty() || line.startsWith("//")) continue;
            if (line.startsWith("rule ")) break;
            origins.put(next + 1, new DrlCellMap.Origin(table.ruleSetCell(), List.of()));
            if (line.equals(expectedPackage) && !packageSeen) {
                packageSeen = true;
            } else if (line.startsWith("import ") && line.endsWith(";")
                    && Templates.IMPORTS.contains(line.substring(7, line.length() - 1).strip())) {
                continue;
            } else if (!line.equals("global " + Templates.VARIABLES + ";")) {
                return "unexpected line " + (next + 1) + ": " + line;
            }
        }
        return packageSeen ? null : "the package line is missing";
    }

    private String rule(DecisionTable.Table t, DecisionTable.Rule rule, String firstCell) {
        DrlCellMap.Origin whole = new DrlCellMap.Origin(firstCell, List.of());
        String problem = expect("rule \"" + DecisionTable.ruleName(t, rule) + "\"", whole);
        if (problem == null) problem = expect("when", whole);
        for (DecisionTable.Line condition : DecisionTable.conditions(t, rule)) {
            if (problem == null) problem = expect(condition);
        }
        if (problem == null) problem = expect("then", whole);
        for (DecisionTable.Line action : DecisionTable.actions(t, rule)) {
            if (problem == null) problem = expect(action);
        }
        if (problem == null) problem = expect("end", whole);
        return problem;
    }

    private String expect(DecisionTable.Line line) {
        String problem = expect(line.text(), null);
        if (problem != null) return problem;
        String raw = lines[next - 1];
        List<DecisionTable.Snippet> located = new ArrayList<>();
        int from = 0;
        for (DecisionTable.Snippet snippet : line.snippets()) {
            int at = raw.indexOf(snippet.text(), from);
            located.add(snippet.at(Math.max(at, 0)));
            if (at >= 0) from = at + snippet.text().length();
        }
        origins.put(next, new DrlCellMap.Origin(line.snippets().get(0).cell(), located));
        return null;
    }

    private String expect(String text, DrlCellMap.Origin origin) {
        skipComments();
        if (next >= lines.length) return "the DRL ended before: " + text;
        String actual = lines[next].strip();
        if (!actual.equals(text)) {
            return "line " + (next + 1) + " is '" + ValueType.shorten(actual) + "' where '" + ValueType.shorten(text) + "' was expected";
        }
        next++;
        if (origin != null) origins.put(next, origin);
        return null;
    }

    private void skipComments() {
        while (next < lines.length && (lines[next].isBlank() || lines[next].strip().startsWith("//"))) next++;
    }

    private Result failure(String cell, String problem) {
        return new Result(null, RuleError.inCell(table.file(), table.sheet(), cell,
                "The table produced DRL that its cells do not describe, so it is not used (" + problem + ")"));
    }
}
