package kupon.rules;

import kupon.rules.source.RuleSource;
import kupon.rules.decisiontable.DrlCellMap;

/**
 * What goes into the build for one rule source: the DRL (the file itself, or what a decision table
 * became), where it is written in the build, and for a table the map from DRL lines back to cells.
 */
record CompiledSource(String file, String resource, String drl, DrlCellMap cells) {

    static CompiledSource drl(RuleSource source) {
        return new CompiledSource(source.name(), source.name(), source.text(), null);
    }

    /** A table's DRL gets its own name in the build, so Drools does not compile the spreadsheet a second time. */
    static CompiledSource table(RuleSource source, String drl, DrlCellMap cells) {
        return new CompiledSource(source.name(), source.name() + ".drl", drl, cells);
    }
}
