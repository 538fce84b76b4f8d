package kupon.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured API keys and the role each grants. */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** Roles by the SHA-256 of each key: a lookup compares digests, so its timing tells nothing about a key's characters. */
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
        keys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).forEach(k -> roles.put(digest(k), role));
    }

    /** The role of this key, or empty for an unknown key. */
    public Optional<Role> roleOf(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(roles.get(digest(key)));
    }

    /**
     * Who a key is in a record (e.g. a rule set version's author): its role and the first 8 hex digits of its SHA-256,
     * which tell keys apart without revealing them.
     */
    public String describe(String key) {
        return roleOf(key).map(role -> role.label() + " (key " + digest(key).substring(0, 8) + ")").orElse("unknown key");
    }

    /** The role of the key with this SHA-256 (hex), for records that keep a key's digest and never the key. */
    public Optional<Role> roleOfDigest(String digest) {
        return digest == null ? Optional.empty() : Optional.ofNullable(roles.get(digest));
    }

    /** {@link #describe} for a key known by its digest. */
    public String describeDigest(String digest) {
        return roleOfDigest(digest).map(role -> role.label() + " (key " + digest.substring(0, 8) + ")").orElse("unknown key");
    }

    /** The SHA-256 (hex) by which keys are looked up. */
    public static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
