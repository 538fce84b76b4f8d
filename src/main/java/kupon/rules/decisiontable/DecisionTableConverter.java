package kupon.rules.decisiontable;

import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a decision table ({@code .xlsx} or {@code .csv}) into DRL, safely: the table is read and checked
 * against the template first ({@link DecisionTableValidator}), converted by Drools' spreadsheet
 * compiler, and the DRL it gives is compared with what the checked cells describe
 * ({@link GeneratedDrl}). The result carries the map from generated lines back to cells.
 */
public final class DecisionTableConverter {

    /** What converting one table gave. */
    public sealed interface Conversion {

        /** DRL to compile, the package it declares, and where each of its lines comes from. */
        record Converted(String drl, String ruleSet, String ruleSetCell, String sheet, DrlCellMap cells) implements Conversion {

            /** Each rule of the DRL, with the cell of the row it was made from: what an author checks a row against. */
            public List<GeneratedRule> rules() {
                List<GeneratedRule> rules = new ArrayList<>();
                String[] lines = drl.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].startsWith("rule ")) continue;
                    int start = i;
                    while (i < lines.length && !lines[i].strip().equals("end")) i++;
                    String name = lines[start].substring(5).strip().replaceAll("^\"|\"$", "");
                    String text = String.join("\n", java.util.Arrays.copyOfRange(lines, start, Math.min(i + 1, lines.length)));
                    rules.add(new GeneratedRule(name, sheet, cells.cellOfLine(start + 1), text));
                }
                return rules;
            }
        }

        /** One rule a table generated: its name, the sheet and cell of its row, and its DRL. */
        record GeneratedRule(String name, String sheet, String cell, String drl) {
        }

        /** Every problem found, each at its cell. */
        record Rejected(List<RuleError> errors) implements Conversion {
        }
    }

    private DecisionTableConverter() {
    }

    public static Conversion convert(RuleSource source) {
        if (!source.kind().isDecisionTable()) {
            throw new IllegalArgumentException(source.name() + " is not a decision table");
        }
        SpreadsheetReader.Read read = SpreadsheetReader.read(source);
        List<RuleError> errors = new ArrayList<>(read.errors());
        if (read.sheet() == null) return new Conversion.Rejected(errors);
        DecisionTableValidator.Result checked = DecisionTableValidator.validate(source.name(), read.sheet());
        // A cell the reader refused (a formula) is missing for the validator: say so once, not twice.
        Set<String> refusedCells = errors.stream().map(e -> e.sheet() + "!" + e.cell()).collect(Collectors.toSet());
        checked.errors().stream().filter(e -> !refusedCells.contains(e.sheet() + "!" + e.cell())).forEach(errors::add);
        if (!errors.isEmpty()) return new Conversion.Rejected(errors);

        DecisionTable table = checked.table();
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(compilerInput(source)), inputType(source.kind()));
        } catch (RuntimeException e) {
            return new Conversion.Rejected(List.of(RuleError.inCell(source.name(), table.sheet(), null,
                    "The spreadsheet compiler refused the table: " + e.getMessage())));
        }
        GeneratedDrl.Result generated = GeneratedDrl.check(drl, table);
        if (generated.error() != null) return new Conversion.Rejected(List.of(generated.error()));
        return new Conversion.Converted(drl, table.ruleSet(), table.ruleSetCell(), table.sheet(), generated.cells());
    }

    private static InputType inputType(RuleSourceKind kind) {
        return kind == RuleSourceKind.CSV ? InputType.CSV : InputType.XLS;
    }

    /**
     * The bytes Drools reads. Its CSV reader decodes with the platform charset, so the text checked
     * (UTF-8, without a byte order mark) is handed over in that charset.
     */
    private static byte[] compilerInput(RuleSource source) {
        if (source.kind() != RuleSourceKind.CSV) return source.content();
        return SpreadsheetReader.csvText(source.content()).getBytes(Charset.defaultCharset());
    }
}
