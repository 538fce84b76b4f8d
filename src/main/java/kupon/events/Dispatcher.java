package kupon.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.BackgroundThread;
import kupon.database.JvmShutdown;
import kupon.database.Sql;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owner of {@code webhook_delivery}: one node at a time (an advisory lock per pass) hands new events to the webhooks
 * subscribed to them and sends what is due, each (webhook, subject) strictly in event order, retrying failures with
 * exponential backoff for {@code kupon.events.retry-for}. Checkout only writes the outbox; a slow or dead receiver
 * costs this thread's time, never an order's.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long LOCK = 7140002;
    private static final int BATCH = 1000;
    /** The most deliveries of one subject sent in one pass, one after the other. */
    private static final int CHAIN = 10;

    /** A delivery to make now. */
    private record Due(String webhookId, long seq, int attempts, Instant createdAt, String url, String secret, String body) {
    }

    /** How a delivery went: the receiver's status, or why there was none. */
    private record Outcome(Due due, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Sql sql;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Webhooks webhooks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService dispatcher = BackgroundThread.named("event-dispatch");
    private volatile Instant lastPrune = Instant.EPOCH;

    public Dispatcher(Sql sql, ObjectMapper json, EventsConfig config, Webhooks webhooks) {
        this.sql = sql;
        this.json = json;
        this.config = config;
        this.webhooks = webhooks;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.dispatchInterval().toMillis();
        dispatcher.scheduleWithFixedDelay(() -> {
            try {
                while (pass() == BATCH) {
                    LOG.debug("More events are due; dispatching again at once");
                }
            } catch (RuntimeException e) {
                if (!JvmShutdown.inProgress()) LOG.warnf("Delivering events failed, trying again: %s", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        BackgroundThread.stop(dispatcher);
    }

    /** One pass: fan out, deliver what is due, record the outcomes; how many subjects had deliveries due. */
    int pass() {
        return sql.newTransaction("Delivering events", Duration.ofMinutes(5), c -> {
            if (!Sql.one(c, "SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), LOCK).orElse(false)) return 0;
            long began = System.nanoTime();
            List<Outbox.Taken> taken = Outbox.takeNew(c, 10 * BATCH);
            fanOut(c, taken);
            long fannedOut = System.nanoTime();
            List<List<Due>> due = due(c);
            long selected = System.nanoTime();
            if (!due.isEmpty()) record(c, send(due));
            if (Instant.now().isAfter(lastPrune.plus(Duration.ofMinutes(1)))) prune(c);
            if (!due.isEmpty() || !taken.isEmpty()) {
                LOG.debugf("Dispatch pass: %d new events fanned out in %d ms, %d subjects due selected in %d ms, sent and recorded in %d ms",
                        taken.size(), (fannedOut - began) / 1_000_000, due.size(), (selected - fannedOut) / 1_000_000,
                        (System.nanoTime() - selected) / 1_000_000);
            }
            return due.size();
        });
    }

    private static void fanOut(Connection c, List<Outbox.Taken> taken) throws SQLException {
        if (taken.isEmpty()) return;
        Sql.update(c, """
                INSERT INTO webhook_delivery (webhook_id, event_seq, subject, status, created_at, next_attempt_at)
                SELECT w.id, t.seq, t.subject, 'PENDING', now(), now()
                  FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t (seq, type, subject)
                  JOIN webhook w ON w.deleted_at IS NULL AND t.type = ANY (w.events)
                ON CONFLICT DO NOTHING""",
                taken.stream().map(t -> Long.toString(t.seq())).toList(), taken.stream().map(Outbox.Taken::type).toList(),
                taken.stream().map(Outbox.Taken::subject).toList());
    }

    /**
     * What is due, as chains: the first pending delivery of each (webhook, subject) whose time has come, followed by
     * up to {@link #CHAIN} - 1 later pending ones of the same subject. A chain is sent in order, each only after the
     * one before it was taken, so an order's events reach a receiver in one pass and still in order.
     */
    private List<List<Due>> due(Connection c) throws SQLException {
        List<String[]> heads = Sql.list(c, """
                SELECT d.webhook_id, d.subject
                  FROM webhook_delivery d
                  JOIN webhook w ON w.id = d.webhook_id AND w.deleted_at IS NULL
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
                   AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.webhook_id = d.webhook_id AND p.subject = d.subject
                                      AND p.status = 'PENDING' AND p.event_seq < d.event_seq)
                 ORDER BY d.event_seq LIMIT ?""", row -> new String[] {row.getString(1), row.getString(2)}, BATCH);
        if (heads.isEmpty()) return List.of();
        java.util.Map<String, List<Due>> chains = new java.util.LinkedHashMap<>();
        for (String[] head : heads) chains.put(head[0] + "\n" + head[1], new ArrayList<>());
        Sql.list(c, """
                SELECT f.webhook_id, f.event_seq, f.attempts, f.created_at, w.url, w.secret, e.id, e.type, e.subject, e.time, e.data
                  FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS h (webhook_id, subject, n)
                  CROSS JOIN LATERAL (SELECT d.webhook_id, d.event_seq, d.attempts, d.created_at FROM webhook_delivery d
                                       WHERE d.webhook_id = h.webhook_id AND d.subject = h.subject AND d.status = 'PENDING'
                                       ORDER BY d.event_seq LIMIT ?) f
                  JOIN webhook w ON w.id = f.webhook_id
                  JOIN event_outbox e ON e.seq = f.event_seq
                 ORDER BY h.n, f.event_seq""",
                row -> chains.get(row.getString(1) + "\n" + row.getString(9)).add(new Due(row.getString(1), row.getLong(2), row.getInt(3),
                        Sql.instant(row, "created_at"), row.getString(5), row.getString(6), cloudEvent(row.getString(7), row.getString(8),
                                row.getString(9), Sql.instant(row, "time"), row.getString(11)))),
                heads.stream().map(h -> h[0]).toList(), heads.stream().map(h -> h[1]).toList(), CHAIN);
        return List.copyOf(chains.values());
    }

    /**
     * The CloudEvents 1.0 structured-mode body of an event. {@code data} is JSON that Kupon wrote itself and goes in as
     * it is stored: parsing it again for every delivery would cost the dispatcher more than the send.
     */
    private String cloudEvent(String id, String type, String subject, Instant time, String data) {
        try {
            return "{\"specversion\":\"1.0\",\"id\":" + json.writeValueAsString(id) + ",\"source\":\"/kupon\",\"type\":"
                    + json.writeValueAsString(type) + ",\"subject\":" + json.writeValueAsString(subject) + ",\"time\":\"" + time
                    + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        } catch (IOException e) {
            throw new IllegalStateException("Event " + id + " could not be written as JSON", e);
        }
    }

    /** Sends every chain at once, each in order and stopping at its first failure, and waits for all of them. */
    private List<Outcome> send(List<List<Due>> chains) {
        List<CompletableFuture<List<Outcome>>> sent = new ArrayList<>(chains.size());
        for (List<Due> chain : chains) sent.add(sendFrom(chain, 0, new ArrayList<>()));
        return sent.stream().flatMap(f -> f.join().stream()).toList();
    }

    private CompletableFuture<List<Outcome>> sendFrom(List<Due> chain, int index, List<Outcome> outcomes) {
        if (index == chain.size()) return CompletableFuture.completedFuture(outcomes);
        return sendOne(chain.get(index)).thenCompose(outcome -> {
            outcomes.add(outcome);
            return outcome.delivered() ? sendFrom(chain, index + 1, outcomes) : CompletableFuture.completedFuture(outcomes);
        });
    }

    private CompletableFuture<Outcome> sendOne(Due d) {
        URI url = URI.create(d.url());
        Optional<String> refused = webhooks.refusal(url);
        if (refused.isPresent()) return CompletableFuture.completedFuture(new Outcome(d, null, "not sent: the URL " + refused.get()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(config.deliveryTimeout());
        // Over plain http, HTTP/2 would mean an upgrade attempt per connection that receivers ignore; https negotiates it.
        if ("http".equalsIgnoreCase(url.getScheme())) builder.version(HttpClient.Version.HTTP_1_1);
        HttpRequest request = builder
                .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                .header("User-Agent", "Kupon-Webhooks/1")
                .header("Kupon-Signature", Signature.header(d.secret(), Instant.now().getEpochSecond(), d.body()))
                .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? new Outcome(d, response.statusCode(), null)
                        : new Outcome(d, null, failure.getClass().getSimpleName()
                                + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
    }

    private void record(Connection c, List<Outcome> outcomes) throws SQLException {
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>(), statuses = new ArrayList<>(), codes = new ArrayList<>(),
                errors = new ArrayList<>(), next = new ArrayList<>();
        for (Outcome o : outcomes) {
            boolean givenUp = !o.delivered() && !now.isBefore(o.due().createdAt().plus(config.retryFor()));
            long backoff = Math.min(3600, 1L << Math.min(o.due().attempts(), 12));
            ids.add(o.due().webhookId());
            seqs.add(Long.toString(o.due().seq()));
            statuses.add(o.delivered() ? "DELIVERED" : givenUp ? "FAILED" : "PENDING");
            codes.add(o.status() == null ? null : Integer.toString(o.status()));
            errors.add(o.error() == null ? null : o.error().length() > 500 ? o.error().substring(0, 500) : o.error());
            next.add(now.plusSeconds(o.delivered() ? 0 : backoff).toString());
            if (!o.delivered() && o.due().attempts() == 0) {
                LOG.infof("Webhook %s did not take event %d (%s); retrying with backoff", o.due().webhookId(), o.due().seq(),
                        o.status() != null ? "HTTP " + o.status() : o.error());
            }
        }
        Sql.update(c, """
                UPDATE webhook_delivery d SET status = u.status, attempts = d.attempts + 1, last_status = u.code,
                       last_error = u.error, next_attempt_at = u.next,
                       delivered_at = CASE WHEN u.status = 'DELIVERED' THEN now() END
                  FROM unnest(?::text[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::timestamptz[]) AS u (id, seq, status, code, error, next)
                 WHERE d.webhook_id = u.id AND d.event_seq = u.seq""", ids, seqs, statuses, codes, errors, next);
    }

    private void prune(Connection c) throws SQLException {
        Instant before = Instant.now().minus(config.keep());
        // A deleted webhook's pending deliveries are given up; old finished ones leave the log.
        Sql.update(c, """
                UPDATE webhook_delivery SET status = 'FAILED', last_error = 'the webhook was deleted'
                 WHERE status = 'PENDING' AND webhook_id IN (SELECT id FROM webhook WHERE deleted_at IS NOT NULL)""");
        Sql.update(c, "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?", before);
        Outbox.prune(c, before);
        lastPrune = Instant.now();
    }

    /** A page of a webhook's deliveries, newest first; {@code before} the event number to continue below. */
    public record Delivery(long event, String type, String subject, String status, int attempts, Integer lastStatus,
                           String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    public List<Delivery> deliveries(String webhookId, Long before, int limit) {
        return sql.list("Reading the deliveries of " + webhookId, """
                SELECT d.event_seq, e.type, d.subject, d.status, d.attempts, d.last_status, d.last_error, d.created_at,
                       d.next_attempt_at, d.delivered_at
                  FROM webhook_delivery d LEFT JOIN event_outbox e ON e.seq = d.event_seq
                 WHERE d.webhook_id = ? AND d.event_seq < ? ORDER BY d.event_seq DESC LIMIT ?""",
                row -> new Delivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        Sql.integer(row, "last_status"), row.getString(7), Sql.instant(row, "created_at"),
                        "PENDING".equals(row.getString(4)) ? Sql.instant(row, "next_attempt_at") : null, Sql.instant(row, "delivered_at")),
                webhookId, before == null ? Long.MAX_VALUE : before, limit);
    }
}
