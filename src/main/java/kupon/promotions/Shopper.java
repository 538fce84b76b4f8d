package kupon.promotions;

import java.util.List;

/** What promotion conditions ask about the shopper and the checkout: segments, history, channel, country. */
public record Shopper(List<String> segments, int orderCount, String channel, String country) {

    public Shopper {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
