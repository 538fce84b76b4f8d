package kupon.promotions;

import java.util.List;
import java.math.BigDecimal;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What promotion conditions ask about the shopper and the checkout: segments, history, channel, country, birthday.
 * The order count and lifetime spend are asked for only by promotions with such conditions, so they are looked up only then.
 */
public record Shopper(List<String> segments, IntSupplier orderCount, String channel, String country,
                      Supplier<BigDecimal> lifetimeSpend, IntPredicate birthdayWithinDays) {

    public Shopper {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
