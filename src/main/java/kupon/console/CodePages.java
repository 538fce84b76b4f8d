package kupon.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The codes pages and their fragment, with what they show; templates in {@code templates/console/codes*.html}. */
@CheckedTemplate(basePath = "console")
public final class CodePages {

    private CodePages() {
    }

    static native TemplateInstance codes(Frame frame, CodesPage.CodesView view);

    static native TemplateInstance codesBatch(Frame frame, CodesPage.BatchView batch);

    /** The batch's progress alone: what htmx polls while the batch runs. */
    static native TemplateInstance codesBatch$progress(CodesPage.BatchView batch);

    static native TemplateInstance codesLookup(Frame frame, CodesPage.LookupView lookup);

    /** Something asked for is not there (a batch id that was never made): said inside the console, with a way on. */
    static native TemplateInstance codesProblem(Frame frame, String message);
}
