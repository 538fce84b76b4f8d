package kupon.console;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.auth.ApiKeys;
import kupon.auth.Role;
import kupon.database.Sql;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Owner of {@code console_session}: signs a key in for {@link #LIFETIME}, finds the session behind a cookie, signs
 * out. Sessions live in PostgreSQL so that any node behind a load balancer serves any page, and signing out ends the
 * session everywhere at once.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** How long a sign-in lasts; a working day, after which the console asks for the key again. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new sign-in: the token for the cookie (shown once, never stored) and the session. */
    public record SignedIn(String token, ConsoleSession session) {
    }

    private final Sql sql;
    private final ApiKeys keys;

    public ConsoleSessions(Sql sql, ApiKeys keys) {
        this.sql = sql;
        this.keys = keys;
    }

    /** Signs in with an API key of the marketer or admin role; empty for an unknown key or a checkout key. */
    public Optional<SignedIn> signIn(String key) {
        Optional<Role> role = keys.roleOf(key);
        if (role.isEmpty() || role.get() == Role.CHECKOUT) return Optional.empty();
        String token = random();
        String csrf = random();
        Instant expires = Instant.now().plus(LIFETIME);
        String digest = ApiKeys.digest(key);
        sql.update("Signing in to the console", """
                INSERT INTO console_session (token_hash, key_digest, csrf, created_at, expires_at) VALUES (?, ?, ?, now(), ?)""",
                ApiKeys.digest(token), digest, csrf, expires);
        // Expired sessions go as new ones come: the table holds about a day of sign-ins.
        sql.update("Forgetting expired console sessions", "DELETE FROM console_session WHERE expires_at < now()");
        return Optional.of(new SignedIn(token, new ConsoleSession(ApiKeys.digest(token), role.get(), keys.describeDigest(digest), csrf, expires)));
    }

    /** The live session of this cookie token, with its key's role as configured now. */
    public Optional<ConsoleSession> find(String token) {
        if (token == null || token.length() != 64) return Optional.empty();
        String hash = ApiKeys.digest(token);
        return sql.one("Reading a console session", """
                        SELECT key_digest, csrf, expires_at FROM console_session WHERE token_hash = ? AND expires_at > now()""",
                row -> {
                    String digest = row.getString(1);
                    String csrf = row.getString(2);
                    Instant expires = Sql.instant(row, "expires_at");
                    return keys.roleOfDigest(digest).filter(r -> r != Role.CHECKOUT)
                            .map(role -> new ConsoleSession(hash, role, keys.describeDigest(digest), csrf, expires));
                }, hash).flatMap(s -> s);
    }

    public void signOut(ConsoleSession session) {
        sql.update("Signing out of the console", "DELETE FROM console_session WHERE token_hash = ?", session.tokenHash());
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
