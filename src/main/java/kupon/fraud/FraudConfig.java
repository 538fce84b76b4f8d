package kupon.fraud;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How code guessing is throttled, how fast blocks reach every node, and what shoppers are told. */
@ConfigMapping(prefix = "kupon.fraud")
public interface FraudConfig {

    Throttle throttle();

    /** How often each node reads the blocks again; a block made elsewhere is in force here within this time. */
    @WithDefault("1s")
    Duration blockRefresh();

    /**
     * When true, every code rejection's {@code message} reads the same ("This code cannot be used on this order."), so
     * shoppers cannot tell unknown codes from used or expired ones; {@code reason} stays exact for checkout.
     */
    @WithDefault("false")
    boolean uniformMessages();

    AutoBlock autoBlock();

    /** Blocks devices and addresses behind abuse patterns on their own (off unless enabled). */
    interface AutoBlock {
        @WithDefault("false")
        boolean enabled();

        /** Distinct accounts sharing one device or address, among recent redemptions, that get it blocked. */
        @WithDefault("5")
        int minAccounts();

        /** How far back redemptions are looked at. */
        @WithDefault("24h")
        Duration lookback();

        /** How long an automatic block lasts. */
        @WithDefault("30d")
        Duration blockFor();

        /** How often the ledger is looked at. */
        @WithDefault("1m")
        Duration every();
    }

    /** Repeated unknown codes from one requester (IP, customer, email or device). */
    interface Throttle {
        /** Unknown-code attempts allowed per requester within {@link #window()}; the next one is answered 429. */
        @WithDefault("20")
        int maxAttempts();

        @WithDefault("10m")
        Duration window();
    }
}
