package kupon.rules.decisiontable;

import java.util.ArrayList;
import java.util.List;

/**
 * The contents of the spreadsheets shipped with Kupon: the two example decision tables under
 * {@code rules/tables/} and the blank template under {@code docs/templates/}. The binary .xlsx files
 * are written from here ({@code ShippedSpreadsheetsTest}); the CSV is kept as text.
 */
final class ShippedSpreadsheets {

    static final String VOLUME_TIERS = "rules/tables/volume-tiers.xlsx";
    static final String SEGMENT_GRID = "rules/tables/segment-grid.csv";
    static final String TEMPLATE = "docs/templates/kupon-decision-table-template.xlsx";

    private ShippedSpreadsheets() {
    }

    /** Quantity bands per category: 10-49 sheets of paper 5% off, 50 or more 10% off; the same for pens. */
    static Workbooks.SheetSpec volumeTiers() {
        return new Workbooks.SheetSpec("Tiers")
                .row("RuleSet", "kupon.rules.tables.volume_tiers")
                .row("Import", "kupon.rules.model.Line")
                .row("Variables", "kupon.rules.api.Actions actions")
                .row("Notes", "Volume tiers: the more units of one item a cart holds, the more comes off that line. "
                        + "One row per category and quantity band; leave 'To units' empty for no upper limit.")
                .row()
                .header("RuleTable Tiers")
                .header("NAME", "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION")
                .row(null, "$line : Line", null, null)
                .row(null, "categories contains \"$param\"", "quantity >= $param", "quantity <= $param",
                        "actions.promotion(\"$param\")", ".name(\"$param\")", ".priority($param)",
                        ".percentOffItems($param).onLine($line);")
                .header("Rule", "Category", "From units", "To units", "Promotion id", "Shown to shoppers as", "Priority", "% off")
                .row("paper-volume-10: 5% off 10 to 49 units of paper", "paper", 10, 49, "paper-volume-10",
                        "Paper: 5% off 10 or more", 90, 5)
                .row("paper-volume-50: 10% off 50 or more units of paper", "paper", 50, null, "paper-volume-50",
                        "Paper: 10% off 50 or more", 90, 10)
                .row("pens-volume-12: 5% off 12 to 47 pens", "pens", 12, 47, "pens-volume-12",
                        "Pens: 5% off a dozen or more", 90, 5)
                .row("pens-volume-48: 15% off 48 or more pens", "pens", 48, null, "pens-volume-48",
                        "Pens: 15% off 48 or more", 90, 15)
                .merge("B8:D8")
                .widths(52, 30, 20, 20, 30, 30, 12, 40);
    }

    /** The segment x category grid, as the CSV file under rules/tables/ holds it. */
    static String segmentGrid() {
        return String.join("\n",
                "RuleSet,kupon.rules.tables.segment_grid",
                "Import,kupon.rules.model.*",
                "Variables,kupon.rules.api.Actions actions",
                "Notes,Member discounts: one row per customer segment and category. Items already on sale are left out.",
                "",
                "RuleTable Segments",
                "NAME,CONDITION,CONDITION,CONDITION,ACTION,ACTION,ACTION,ACTION",
                ",Customer,$line : Line...,$line : Line...,,,,",
                ",\"inSegment(\"\"$param\"\")\",\"categories contains \"\"$param\"\"\",onSale == $param,"
                        + "\"actions.promotion(\"\"$param\"\")\",\".name(\"\"$param\"\")\",.priority($param),"
                        + ".percentOffItems($param).onLine($line);",
                "Rule,Segment,Category,On sale,Promotion id,Shown to shoppers as,Priority,% off",
                "gold-paper: 10% off paper for gold members,loyalty-gold,paper,false,gold-paper,Gold members: 10% off paper,80,10",
                "gold-pens: 15% off pens for gold members,loyalty-gold,pens,false,gold-pens,Gold members: 15% off pens,80,15",
                "silver-paper: 5% off paper for silver members,loyalty-silver,paper,false,silver-paper,Silver members: 5% off paper,80,5",
                "silver-pens: 5% off pens for silver members,loyalty-silver,pens,false,silver-pens,Silver members: 5% off pens,80,5",
                "");
    }

    /** The blank template: the header rows of a typical table, and a sheet listing what Kupon accepts. */
    static Workbooks.SheetSpec[] template() {
        Workbooks.SheetSpec table = new Workbooks.SheetSpec("Table")
                .row("RuleSet", "kupon.rules.tables.my_table")
                .row("Import", "kupon.rules.model.*")
                .row("Variables", "kupon.rules.api.Actions actions")
                .row("Notes", "Replace my_table with a name of your own (lower-case letters, digits, _). Keep the rows "
                        + "above the labels as they are, fill one row per rule under the labels, and see the Reference sheet.")
                .row()
                .header("RuleTable Rules")
                .header("NAME", "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION")
                .row(null, "Customer", "$line : Line", null)
                .row(null, "inSegment(\"$param\")", "categories contains \"$param\"", "quantity >= $param",
                        "actions.promotion(\"$param\")", ".name(\"$param\")", ".priority($param)",
                        ".percentOffItems($param).onLine($line);")
                .header("Rule", "Segment", "Category", "From units", "Promotion id", "Shown to shoppers as", "Priority", "% off")
                .merge("C8:D8")
                .widths(40, 24, 30, 20, 30, 30, 12, 40);
        Workbooks.SheetSpec reference = new Workbooks.SheetSpec("Reference")
                .header("Row under CONDITION: the fact", "Row under that: one constraint")
                .widths(40, 60);
        for (Templates.Fact fact : Templates.Fact.values()) {
            List<String> patterns = new ArrayList<>(Templates.patterns().stream()
                    .filter(p -> p.endsWith(" " + fact.type) || p.equals(fact.type)).toList());
            for (String condition : Templates.conditionsOf(fact)) {
                reference.row(String.join(" or ", patterns), condition);
            }
        }
        reference.row().header("ACTION columns, left to right", "Code (the last ACTION column ends with ;)");
        reference.row("First", "actions.promotion(\"$param\")");
        Templates.actionCodes(Templates.Role.DETAIL).forEach(code -> reference.row("Any of", code));
        Templates.actionCodes(Templates.Role.REWARD).forEach(code -> reference.row("Exactly one reward", code));
        reference.row().row("Cells hold values only: no quotes, backslashes, semicolons or braces.");
        return new Workbooks.SheetSpec[] {table, reference};
    }
}
