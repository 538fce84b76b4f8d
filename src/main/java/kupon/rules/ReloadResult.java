package kupon.rules;

import kupon.rules.source.RuleError;
import java.util.List;

/** What a reload did: activated a new version, found nothing changed, or failed with located errors. */
public sealed interface ReloadResult {

    record Activated(RuleSet ruleSet) implements ReloadResult {
    }

    record Unchanged(RuleSet ruleSet) implements ReloadResult {
    }

    record Failed(List<RuleError> errors) implements ReloadResult {
    }
}
