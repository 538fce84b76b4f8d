package kupon.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured API keys and the role each grants. */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final Map<String, Role> roles = new HashMap<>();

    public ApiKeys(AuthConfig config) {
        add(config.checkoutKeys(), Role.CHECKOUT);
        add(config.marketerKeys(), Role.MARKETER);
        add(config.adminKeys(), Role.ADMIN);
        if (roles.isEmpty()) {
            LOG.warn("No API keys are configured: every /api request will be refused with 401. Set KUPON_CHECKOUT_KEYS, KUPON_MARKETER_KEYS and KUPON_ADMIN_KEYS.");
        }
    }

    private void add(Optional<List<String>> keys, Role role) {
        keys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).forEach(k -> roles.put(k, role));
    }

    /** The role of this key, or empty for an unknown key. */
    public Optional<Role> roleOf(String key) {
        return Optional.ofNullable(roles.get(key));
    }
}
