package kupon.codes;

import io.smallrye.config.ConfigMapping;

/** Limits on the codes one order may carry. */
@ConfigMapping(prefix = "kupon.codes")
public interface CodesConfig {

    /** Codes beyond this many per order are rejected with TOO_MANY_CODES. */
    int maxPerOrder();
}
