package kupon.rules;

import kupon.rules.source.RuleError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The bound on the size of a rule set: compiling rules costs CPU and memory in proportion to their number (about 10 s
 * of one core for 1,000 rules, and more under load), taken from the node that also serves checkout; the bound is
 * where checkout keeps its p99 under 50 ms during the compile (docs/benchmarks.md, `make bench-compile`). Larger
 * catalogues of promotions belong in JSON promotions, which are indexed, not compiled, and scale to 10,000.
 */
final class RuleCount {

    /** The most rules (hand-written and generated from tables) one rule set may hold. */
    static final int MAX_RULES = 1_000;

    private RuleCount() {
    }

    private static int rulesIn(String drl) {
        try {
            PackageDescr pkg = new DrlParser().parse(null, drl);
            return pkg == null ? 0 : pkg.getRules().size();
        } catch (org.drools.drl.parser.DroolsParserException e) {
            return 0; // the build reports it, at its line
        }
    }

    static List<RuleError> overLimit(List<CompiledSource> sources) {
        int total = 0;
        int most = -1;
        String largest = null;
        List<String> counted = new ArrayList<>();
        for (CompiledSource source : sources) {
            int rules = rulesIn(source.drl());
            total += rules;
            counted.add(source.file() + " " + rules);
            if (rules > most) {
                most = rules;
                largest = source.file();
            }
        }
        if (total <= MAX_RULES) return List.of();
        return List.of(new RuleError(largest, 1, 1, "This rule set would hold " + total + " rules (" + String.join(", ", counted)
                + "); at most " + MAX_RULES + " are compiled, so that a compile never slows checkout. Remove rules, or make"
                + " such promotions JSON promotions (POST /api/v1/promotions), which"
                + " are not compiled and scale to 10,000 (docs/rules.md, \"Size limits\")"));
    }
}
