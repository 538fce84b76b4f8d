package kupon.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import kupon.promotions.Promotion;

/** Every console page and fragment, with what it shows; templates in {@code templates/console/}. */
@CheckedTemplate(basePath = "console")
public final class Pages {

    private Pages() {
    }

    static native TemplateInstance problem(String message);

    static native TemplateInstance signIn(Frame frame, String error, String next);

    static native TemplateInstance dashboard(Frame frame, DashboardPage.Dashboard dashboard);

    static native TemplateInstance promotions(Frame frame, PromotionsPage.PromotionList list);

    /** {@code promotion} is the stored one when editing, for its actions; null for a new one or a form with errors. */
    static native TemplateInstance promotionForm(Frame frame, PromotionFormView form, Promotion promotion);

    static native TemplateInstance preview(PromotionPreview.Preview preview);

    static native TemplateInstance analytics(Frame frame, AnalyticsPage.Filters filters, AnalyticsPage.Overview overview);

    static native TemplateInstance analyticsDetail(Frame frame, AnalyticsPage.Filters filters, AnalyticsPage.Detail detail);

    static native TemplateInstance analyticsCompare(Frame frame, AnalyticsPage.Filters filters, AnalyticsPage.Comparison comparison);
}
