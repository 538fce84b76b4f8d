package kupon.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook delivery settings ({@code kupon.events.*}). */
@ConfigMapping(prefix = "kupon.events")
public interface EventsConfig {

    /** How often the dispatcher looks for events to deliver. */
    @WithDefault("100ms")
    Duration dispatchInterval();

    /** How long a receiver has to answer one delivery. */
    @WithDefault("5s")
    Duration deliveryTimeout();

    /** How long a delivery is retried (with exponential backoff, at most an hour apart) before it is given up. */
    @WithDefault("72h")
    Duration retryFor();

    /** How long delivered and given-up deliveries, and the events behind them, are kept for the delivery log. */
    @WithDefault("7d")
    Duration keep();

    /**
     * Whether webhooks may point at loopback, private or link-local addresses. Off by default: a stolen admin key must
     * not turn Kupon into a probe of the network it runs in (cloud metadata, internal services).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();
}
