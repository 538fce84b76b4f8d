package kupon.analytics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The promotion label of the Prometheus counters stays bounded: an allow-list, else the first few promotions seen. */
class PromotionMetricsTest {

    private static AnalyticsConfig config(List<String> allowed, int top) {
        return new AnalyticsConfig() {
            public Duration rollupInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration flushInterval() {
                return Duration.ofSeconds(1);
            }

            public boolean counting() {
                return true;
            }

            public Optional<List<String>> metricsPromotions() {
                return allowed.isEmpty() ? Optional.empty() : Optional.of(allowed);
            }

            public int metricsTop() {
                return top;
            }
        };
    }

    @Test
    void withoutAnAllowListTheFirstPromotionsSeenGetALabelAndTheRestCountAsOther() {
        PromotionMetrics metrics = new PromotionMetrics(new SimpleMeterRegistry(), config(List.of(), 2));
        assertThat(List.of("bf-1", "bf-2", "bf-3", "bf-1", "bf-4").stream().map(metrics::label))
                .containsExactly("bf-1", "bf-2", "other", "bf-1", "other");
    }

    @Test
    void anAllowListNamesExactlyThePromotionsWithALabel() {
        PromotionMetrics metrics = new PromotionMetrics(new SimpleMeterRegistry(), config(List.of("bf-2"), 2));
        assertThat(List.of("bf-1", "bf-2", "bf-3").stream().map(metrics::label)).containsExactly("other", "bf-2", "other");
    }
}
