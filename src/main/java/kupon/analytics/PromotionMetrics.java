package kupon.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.evaluation.Evaluation;
import kupon.pricing.PricingResult;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus counters of committed orders per promotion: {@code kupon_promotion_redemptions_total} and
 * {@code kupon_promotion_discount_total} (in the order's currency), labelled by promotion and currency. The promotion
 * label is bounded: an allow-list ({@code kupon.analytics.metrics-promotions}), else the first
 * {@code kupon.analytics.metrics-top} promotions seen; every other promotion counts under {@code other}.
 */
@ApplicationScoped
public class PromotionMetrics {

    static final String OTHER = "other";

    private final MeterRegistry meters;
    private final List<String> allowed;
    private final int top;
    private final Set<String> labelled = ConcurrentHashMap.newKeySet();

    public PromotionMetrics(MeterRegistry meters, AnalyticsConfig config) {
        this.meters = meters;
        this.allowed = config.metricsPromotions().orElse(List.of());
        this.top = config.metricsTop();
    }

    /** An order was committed with these promotions. */
    public void placed(Evaluation evaluation) {
        String currency = evaluation.pricing().currency().getCurrencyCode();
        for (PricingResult.Applied applied : evaluation.pricing().applied()) {
            String label = label(applied.promotionId());
            Counter.builder("kupon.promotion.redemptions").description("Committed orders that applied the promotion")
                    .tags("promotion", label, "currency", currency).register(meters).increment();
            Counter.builder("kupon.promotion.discount").description("Discount committed orders got from the promotion")
                    .tags("promotion", label, "currency", currency).register(meters)
                    .increment(applied.amount().amount().doubleValue());
        }
    }

    String label(String promotionId) {
        if (!allowed.isEmpty()) return allowed.contains(promotionId) ? promotionId : OTHER;
        if (labelled.contains(promotionId)) return promotionId;
        synchronized (labelled) {
            if (labelled.size() < top) {
                labelled.add(promotionId);
                return promotionId;
            }
        }
        return OTHER;
    }
}
