package kupon.promotions;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * What promotion conditions ask about the shopper and the checkout: segments, history, channel, country.
 * The order count is asked for only by first-order promotions, so it is looked up only then.
 */
public record Shopper(List<String> segments, IntSupplier orderCount, String channel, String country) {

    public Shopper {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
