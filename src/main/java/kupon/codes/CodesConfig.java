package kupon.codes;

import io.smallrye.config.ConfigMapping;

/** Limits on the codes one order may carry, and how long evaluations may reuse a code they read. */
@ConfigMapping(prefix = "kupon.codes")
public interface CodesConfig {

    /** Codes beyond this many per order are rejected with TOO_MANY_CODES. */
    int maxPerOrder();

    /**
     * How long evaluations may use a code row this node read earlier. Orders check uses again when they commit, so
     * a stale row can only make an evaluation more optimistic for this long, never let a limit be exceeded.
     */
    java.time.Duration cacheTtl();
}
