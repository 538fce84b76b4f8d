package kupon.events;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Owner of {@code webhook}: registering, listing and removing receivers, and whether an address may receive. */
@ApplicationScoped
public class Webhooks {

    private final Sql sql;
    private final EventsConfig config;

    public Webhooks(Sql sql, EventsConfig config) {
        this.sql = sql;
        this.config = config;
    }

    public Webhook register(URI url, List<EventType> events, String secret, String by) {
        Webhook webhook = new Webhook("wh-" + UUID.randomUUID(), url.toString(), events.stream().map(EventType::wire).distinct().toList(),
                secret, by, Instant.now());
        sql.update("Registering a webhook", """
                INSERT INTO webhook (id, url, events, secret, created_by, created_at) VALUES (?, ?, ?::text[], ?, ?, ?)""",
                webhook.id(), webhook.url(), webhook.events(), secret, by, webhook.createdAt());
        return webhook;
    }

    public List<Webhook> list() {
        return sql.list("Listing webhooks", "SELECT * FROM webhook WHERE deleted_at IS NULL ORDER BY created_at DESC, id",
                Webhooks::row);
    }

    /** The webhooks that receive events, read in the dispatcher's transaction. */
    static List<Webhook> active(java.sql.Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM webhook WHERE deleted_at IS NULL ORDER BY created_at, id", Webhooks::row);
    }

    public Optional<Webhook> find(String id) {
        return sql.one("Reading webhook " + id, "SELECT * FROM webhook WHERE id = ? AND deleted_at IS NULL", Webhooks::row, id);
    }

    /** Stops deliveries to it (pending ones are given up); its delivery log stays readable. False when there is none. */
    public boolean delete(String id) {
        return sql.update("Deleting webhook " + id, "UPDATE webhook SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL", id) == 1;
    }

    static Webhook row(ResultSet r) throws SQLException {
        return new Webhook(r.getString("id"), r.getString("url"), Arrays.asList((String[]) r.getArray("events").getArray()),
                r.getString("secret"), r.getString("created_by"), Sql.instant(r, "created_at"));
    }

    /**
     * Why events may not be sent to this address, or empty when they may: a loopback, private, link-local or
     * multicast address is refused unless {@code kupon.events.allow-private-targets} is set.
     */
    public Optional<String> refusal(URI url) {
        if (config.allowPrivateTargets()) return Optional.empty();
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    return Optional.of("points at " + address.getHostAddress() + ", a loopback or private address; webhooks go to"
                            + " public addresses (set kupon.events.allow-private-targets=true for a receiver inside your network)");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + url.getHost());
        }
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
