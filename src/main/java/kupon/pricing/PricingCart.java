package kupon.pricing;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The cart to price: lines with unique ids, optional shipping (null = none) and whether prices are gross. */
public record PricingCart(Currency currency, boolean pricesIncludeTax, List<PricingLine> lines, PricingShipping shipping) {

    public PricingCart {
        Objects.requireNonNull(currency, "currency");
        Money.scaleOf(currency);
        lines = lines == null ? List.of() : List.copyOf(lines);
        Set<String> ids = new HashSet<>();
        for (PricingLine line : lines) {
            if (!ids.add(line.id())) {
                throw new IllegalArgumentException("duplicate line id " + line.id());
            }
        }
    }
}
