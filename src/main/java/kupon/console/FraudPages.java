package kupon.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The fraud pages, with what they show; templates in {@code templates/console/fraud*.html}. */
@CheckedTemplate(basePath = "console")
public final class FraudPages {

    private FraudPages() {
    }

    static native TemplateInstance fraud(Frame frame, FraudPage.FraudView view);

    static native TemplateInstance fraudPatterns(Frame frame, FraudPage.PatternsView view);
}
