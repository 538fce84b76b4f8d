package kupon.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a stolen admin key may not point a webhook: loopback, private, link-local (cloud metadata) and unique-local
 * addresses are refused unless {@code kupon.events.allow-private-targets} is set; public addresses are fine.
 */
class WebhookTargetsTest {

    private static Webhooks webhooks(boolean allowPrivate) {
        return new Webhooks(null, new EventsConfig() {
            public Duration dispatchInterval() { return Duration.ofMillis(100); }
            public Duration deliveryTimeout() { return Duration.ofSeconds(5); }
            public Duration retryFor() { return Duration.ofHours(72); }
            public Duration keep() { return Duration.ofDays(7); }
            public boolean allowPrivateTargets() { return allowPrivate; }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/", "http://192.168.0.10/",
            "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/", "http://0.0.0.0/"})
    void privateAddressesAreRefused(String url) {
        assertThat(webhooks(false).refusal(URI.create(url))).isPresent();
        assertThat(webhooks(true).refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8/"})
    void publicAddressesAreFine(String url) {
        assertThat(webhooks(false).refusal(URI.create(url))).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(webhooks(false).refusal(URI.create("https://no-such-host.invalid/hook"))).get().asString().contains("does not resolve");
    }
}
