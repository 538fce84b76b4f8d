package kupon.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code kupon.analytics}: how often rollups and checkout counters reach the database, and metrics. */
@ConfigMapping(prefix = "kupon.analytics")
public interface AnalyticsConfig {

    /** How often a node takes newly placed and cancelled orders into the rollups (reads catch up first anyway). */
    @WithDefault("1s")
    Duration rollupInterval();

    /** How often a node adds what checkout counted in memory (codes entered, rejections, exposures) to the database. */
    @WithDefault("1s")
    Duration flushInterval();

    /**
     * Whether checkout counts for analytics at all (codes entered, exposures, orders noted for the rollups). Only for
     * measuring what counting costs (make bench-analytics): switched off, analytics miss what checkout did meanwhile.
     */
    @WithDefault("true")
    boolean counting();

    /** Promotions given their own Prometheus label; others are counted under "other". Empty: the first {@link #metricsTop()} seen. */
    Optional<List<String>> metricsPromotions();

    /** Without an allow-list, how many promotions get a label of their own (first come), to bound the series count. */
    @WithDefault("20")
    int metricsTop();
}
