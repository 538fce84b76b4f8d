package kupon.evaluation;

import kupon.codes.RejectedCode;
import kupon.evaluation.Evaluation;
import kupon.pricing.Money;
import kupon.pricing.PricingResult;
import kupon.pricing.Target;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON answer of evaluate (and of a committed order): every amount at its currency's scale. */
public record EvaluationResponse(String currency, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal shipping,
                                 BigDecimal shippingDiscount, BigDecimal tax, BigDecimal total, List<LineView> lines,
                                 List<AppliedView> applied, List<RejectedCode> rejectedCodes, List<HintView> hints,
                                 List<GiftView> gifts, List<HoldoutView> holdouts,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StockWarning> warnings,
                                 long ruleSetVersion, Instant evaluatedAt,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Explanation> explain) {

    public record LineView(String id, BigDecimal subtotal, BigDecimal discount, BigDecimal total, BigDecimal tax,
                           List<AdjustmentView> adjustments) {
    }

    public record AdjustmentView(String promotionId, String code, BigDecimal amount) {
    }

    public record AppliedView(String promotionId, String name, String code, BigDecimal amount, Target target) {
    }

    public record HintView(String promotionId, PricingResult.HintKind kind, BigDecimal missing, String message) {
    }

    public record GiftView(String promotionId, String sku, int quantity) {
    }

    /** A promotion this shopper would have got but is held out of, in its control group. */
    public record HoldoutView(String promotionId) {
    }

    public static EvaluationResponse of(Evaluation evaluation) {
        return of(evaluation, false);
    }

    /** The answer, with {@code explain} (why each promotion that concerned the cart did or did not apply) when asked. */
    public static EvaluationResponse of(Evaluation evaluation, boolean explain) {
        PricingResult p = evaluation.pricing();
        return new EvaluationResponse(p.currency().getCurrencyCode(), amount(p.subtotal()), amount(p.discountTotal()),
                amount(p.shipping()), amount(p.shippingDiscount()), amount(p.tax()), amount(p.total()),
                p.lines().stream().map(l -> new LineView(l.id(), amount(l.subtotal()), amount(l.discount()), amount(l.total()),
                        amount(l.tax()), l.adjustments().stream()
                        .map(a -> new AdjustmentView(a.promotionId(), a.code(), amount(a.amount()))).toList())).toList(),
                p.applied().stream().map(a -> new AppliedView(a.promotionId(), a.name(), a.code(), amount(a.amount()), a.target())).toList(),
                evaluation.rejectedCodes(),
                p.hints().stream().map(h -> new HintView(h.promotionId(), h.kind(), h.missing(), h.message())).toList(),
                p.gifts().stream().map(g -> new GiftView(g.promotionId(), g.sku(), g.quantity())).toList(),
                evaluation.holdouts().stream().map(HoldoutView::new).toList(), evaluation.warnings(),
                evaluation.ruleSetVersion(), evaluation.evaluatedAt(),
                explain ? Explanation.of(evaluation, p.currency().getCurrencyCode()) : null);
    }

    private static BigDecimal amount(Money money) {
        return money.amount();
    }
}
