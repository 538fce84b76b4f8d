package kupon.support;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Asks again every 100 ms until an answer is the one expected, or fails after a while with the last answer. */
public final class Eventually {

    /** How long a change may take to be live; generous, since test machines are busy. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** The first answer of {@code ask} that {@code expected} accepts. */
    public static JsonPath answer(Supplier<JsonPath> ask, Predicate<JsonPath> expected, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonPath last = ask.get();
        while (!expected.test(last)) {
            assertThat(System.nanoTime()).as("%s within %s; last answer %s", what, PATIENCE, last.prettify()).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            last = ask.get();
        }
        return last;
    }
}
