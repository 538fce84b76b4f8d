package kupon.evaluation;

import io.smallrye.config.ConfigMapping;

import java.math.RoundingMode;

/** How money is rounded to the currency's minor unit. */
@ConfigMapping(prefix = "kupon.pricing")
public interface PricingConfig {

    /** HALF_EVEN (banker's rounding) unless the shop's accounting says otherwise, e.g. HALF_UP. */
    RoundingMode rounding();
}
