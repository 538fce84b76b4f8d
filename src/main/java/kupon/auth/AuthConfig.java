package kupon.auth;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** The API keys of each role, from KUPON_CHECKOUT_KEYS, KUPON_MARKETER_KEYS, KUPON_ADMIN_KEYS (comma separated). */
@ConfigMapping(prefix = "kupon.auth")
public interface AuthConfig {

    Optional<List<String>> checkoutKeys();

    Optional<List<String>> marketerKeys();

    Optional<List<String>> adminKeys();
}
