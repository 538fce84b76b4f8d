package kupon.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The rule set pages, with what they show; templates in {@code templates/console/ruleset*.html}. */
@CheckedTemplate(basePath = "console")
public final class RuleSetPages {

    private RuleSetPages() {
    }

    static native TemplateInstance rulesets(Frame frame, RuleSetsPage.Overview overview);

    static native TemplateInstance rulesetDraft(Frame frame, RuleSetsPage.Draft draft);

    static native TemplateInstance rulesetRejected(Frame frame, RuleSetsPage.Rejected rejected);

    static native TemplateInstance rulesetRollback(Frame frame, RuleSetsPage.Rollback rollback);
}
