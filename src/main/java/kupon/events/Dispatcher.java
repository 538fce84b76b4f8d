package kupon.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.BackgroundThread;
import kupon.database.JvmShutdown;
import kupon.database.Sql;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owner of {@code webhook_delivery}: one node at a time (an advisory lock per pass) sends new events to the webhooks
 * subscribed to them and retries what failed, each (webhook, subject) strictly in event order, with exponential
 * backoff for {@code kupon.events.retry-for}. Checkout only writes the outbox; a slow or dead receiver costs this
 * thread's time, never an order's.
 *
 * <p>A new event is sent in the pass that takes it from the outbox and its delivery row is written once, with the
 * outcome: on the usual path a delivery costs one insert and no index but the primary key (the pending indexes
 * hold only what waits for a retry). The pass is one transaction, so a node that dies mid-send leaves the events in
 * the outbox for the next dispatcher, which sends them again: at least once, never lost.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long LOCK = 7140002;
    /** The most new events one pass takes from the outbox. */
    private static final int EVENTS = 2000;
    /** The most (webhook, subject) pairs with pending deliveries one pass retries. */
    private static final int BATCH = 1000;
    /** The most deliveries of one subject sent in one pass, one after the other. */
    private static final int CHAIN = 10;
    /** The most connections open to one receiver (host and port); more deliveries wait for one of them. */
    private static final int CONNECTIONS = 256;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /** A delivery to make now; {@code recorded} when its row exists already (a retry), not when the event is new. */
    private record Due(String webhookId, long seq, String subject, int attempts, Instant createdAt, String url, String secret,
                       String body, boolean recorded) {
    }

    /** How a delivery went: the receiver's status, or why there was none. */
    private record Outcome(Due due, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** New deliveries: the chains to send in this pass and those that wait behind a pending one of their subject. */
    private record Fresh(List<List<Due>> chains, List<Due> waiting) {
    }

    private final Sql sql;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Webhooks webhooks;
    private final Vertx vertx;
    /**
     * Vert.x's client on the service's own event loops: about 40 µs of CPU per delivery where the JDK's
     * {@code java.net.http} client took 0.7–1 ms (docs/benchmarks.md "Webhooks"), and that CPU is checkout's.
     */
    private final HttpClient http;
    private final ScheduledExecutorService dispatcher = BackgroundThread.named("event-dispatch");
    private volatile Instant lastPrune = Instant.EPOCH;

    public Dispatcher(Sql sql, ObjectMapper json, EventsConfig config, Webhooks webhooks, Vertx vertx) {
        this.vertx = vertx;
        // An idle connection is dropped after 4 s, before most receivers drop it themselves (Node.js servers after 5 s):
        // reusing one the receiver is closing fails that delivery, which is then only retried a second later.
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(4),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        this.sql = sql;
        this.json = json;
        this.config = config;
        this.webhooks = webhooks;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.dispatchInterval().toMillis();
        dispatcher.scheduleWithFixedDelay(() -> {
            try {
                while (pass()) {
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

    /** One pass: take new events, send them and what is due for a retry, record the outcomes; whether more is waiting. */
    boolean pass() {
        return sql.newTransaction("Delivering events", Duration.ofMinutes(5), c -> {
            if (!Sql.one(c, "SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), LOCK).orElse(false)) return false;
            long began = System.nanoTime();
            List<Outbox.Taken> taken = Outbox.takeNew(c, EVENTS);
            Fresh fresh = fresh(c, taken, Webhooks.active(c));
            List<List<Due>> retries = due(c);
            long selected = System.nanoTime();
            List<List<Due>> chains = new ArrayList<>(fresh.chains());
            chains.addAll(retries);
            List<Outcome> outcomes = chains.isEmpty() ? List.of() : send(chains);
            long sent = System.nanoTime();
            record(c, chains, outcomes, fresh.waiting());
            if (Instant.now().isAfter(lastPrune.plus(Duration.ofMinutes(1)))) prune(c);
            if (!chains.isEmpty() || !taken.isEmpty()) {
                LOG.debugf("Dispatch pass: %d new events, %d chains (%d retried), selected in %d ms, sent in %d ms, recorded in %d ms",
                        taken.size(), chains.size(), retries.size(), (selected - began) / 1_000_000, (sent - selected) / 1_000_000,
                        (System.nanoTime() - sent) / 1_000_000);
            }
            return taken.size() == EVENTS || retries.size() == BATCH;
        });
    }

    /**
     * The deliveries of new events, as chains per (webhook, subject) in event order. A chain whose subject still has a
     * pending delivery to that webhook waits behind it, and so does the part of a chain beyond {@link #CHAIN}.
     */
    private Fresh fresh(Connection c, List<Outbox.Taken> taken, List<Webhook> targets) throws SQLException {
        Map<String, List<Due>> chains = new LinkedHashMap<>();
        if (targets.isEmpty()) return new Fresh(List.of(), List.of());
        Instant now = Instant.now();
        for (Outbox.Taken event : taken) {
            String body = null;
            for (Webhook webhook : targets) {
                if (!webhook.events().contains(event.type())) continue;
                if (body == null) body = cloudEvent(event.id(), event.type(), event.subject(), event.time(), event.data());
                chains.computeIfAbsent(webhook.id() + "\n" + event.subject(), k -> new ArrayList<>()).add(new Due(webhook.id(),
                        event.seq(), event.subject(), 0, now, webhook.url(), webhook.secret(), body, false));
            }
        }
        if (chains.isEmpty()) return new Fresh(List.of(), List.of());
        Set<String> behind = new HashSet<>(Sql.list(c, """
                SELECT k.webhook_id, k.subject FROM unnest(?::text[], ?::text[]) AS k (webhook_id, subject)
                 WHERE EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.webhook_id = k.webhook_id AND d.subject = k.subject
                                  AND d.status = 'PENDING')""", row -> row.getString(1) + "\n" + row.getString(2),
                chains.values().stream().map(chain -> chain.get(0).webhookId()).toList(),
                chains.values().stream().map(chain -> chain.get(0).subject()).toList()));
        List<List<Due>> sendNow = new ArrayList<>();
        List<Due> waiting = new ArrayList<>();
        chains.forEach((key, chain) -> {
            if (behind.contains(key)) {
                waiting.addAll(chain);
            } else {
                sendNow.add(chain.subList(0, Math.min(CHAIN, chain.size())));
                if (chain.size() > CHAIN) waiting.addAll(chain.subList(CHAIN, chain.size()));
            }
        });
        return new Fresh(sendNow, waiting);
    }

    /**
     * What is due for a retry, as chains: the first pending delivery of each (webhook, subject) whose time has come,
     * followed by up to {@link #CHAIN} - 1 later pending ones of the same subject. A chain is sent in order, each only
     * after the one before it was taken.
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
        Map<String, List<Due>> chains = new LinkedHashMap<>();
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
                row -> chains.get(row.getString(1) + "\n" + row.getString(9)).add(new Due(row.getString(1), row.getLong(2),
                        row.getString(9), row.getInt(3), Sql.instant(row, "created_at"), row.getString(5), row.getString(6),
                        cloudEvent(row.getString(7), row.getString(8), row.getString(9), Sql.instant(row, "time"), row.getString(11)), true)),
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
        Map<String, Optional<String>> refusals = new ConcurrentHashMap<>();
        List<CompletableFuture<List<Outcome>>> sent = new ArrayList<>(chains.size());
        for (List<Due> chain : chains) sent.add(sendFrom(chain, 0, new ArrayList<>(), refusals));
        return sent.stream().flatMap(f -> f.join().stream()).toList();
    }

    private CompletableFuture<List<Outcome>> sendFrom(List<Due> chain, int index, List<Outcome> outcomes,
                                                      Map<String, Optional<String>> refusals) {
        if (index == chain.size()) return CompletableFuture.completedFuture(outcomes);
        return sendOne(chain.get(index), refusals).thenCompose(outcome -> {
            outcomes.add(outcome);
            return outcome.delivered() ? sendFrom(chain, index + 1, outcomes, refusals) : CompletableFuture.completedFuture(outcomes);
        });
    }

    private CompletableFuture<Outcome> sendOne(Due d, Map<String, Optional<String>> refusals) {
        URI url = URI.create(d.url());
        // Checked once per address and pass: a host name is resolved again in the next pass, so a DNS change is seen.
        Optional<String> refused = refusals.computeIfAbsent(d.url(), u -> webhooks.refusal(url));
        if (refused.isPresent()) return CompletableFuture.completedFuture(new Outcome(d, null, "not sent: the URL " + refused.get()));
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        RequestOptions options;
        try {
            options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(d.url())
                    .setConnectTimeout(CONNECT_TIMEOUT.toMillis()).setFollowRedirects(false)
                    .putHeader("Content-Type", "application/cloudevents+json; charset=UTF-8")
                    .putHeader("User-Agent", "Kupon-Webhooks/1")
                    .putHeader("Kupon-Signature", Signature.header(d.secret(), Instant.now().getEpochSecond(), d.body()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(d, e));
        }
        http.request(options).onComplete(opened -> {
            if (opened.failed()) {
                outcome.complete(failed(d, opened.cause()));
                return;
            }
            HttpClientRequest request = opened.result();
            // The whole exchange has the delivery timeout, not each read: a receiver that trickles its answer is cut off too.
            long timer = vertx.setTimer(config.deliveryTimeout().toMillis(), t -> {
                if (outcome.complete(new Outcome(d, null, "no answer within " + config.deliveryTimeout().toMillis() + " ms"))) request.reset();
            });
            request.send(Buffer.buffer(d.body())).onComplete(answered -> {
                if (answered.failed()) {
                    vertx.cancelTimer(timer);
                    outcome.complete(failed(d, answered.cause()));
                    return;
                }
                HttpClientResponse response = answered.result();
                response.handler(ignored -> { }); // the answer's body is read and dropped, whatever its size
                response.end().onComplete(ended -> {
                    vertx.cancelTimer(timer);
                    outcome.complete(ended.succeeded() ? new Outcome(d, response.statusCode(), null) : failed(d, ended.cause()));
                });
            });
        });
        return outcome;
    }

    private static Outcome failed(Due d, Throwable failure) {
        return new Outcome(d, null, failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    /**
     * Writes what the pass did: retried deliveries are updated; new ones are inserted once, with their outcome, or as
     * pending when they were not sent (behind a failure or a pending delivery of their subject).
     */
    private void record(Connection c, List<List<Due>> chains, List<Outcome> outcomes, List<Due> waiting) throws SQLException {
        Instant now = Instant.now();
        Deliveries updated = new Deliveries(), inserted = new Deliveries();
        Set<Due> sent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Outcome o : outcomes) {
            sent.add(o.due());
            boolean givenUp = !o.delivered() && !now.isBefore(o.due().createdAt().plus(config.retryFor()));
            long backoff = Math.min(3600, 1L << Math.min(o.due().attempts(), 12));
            (o.due().recorded() ? updated : inserted).add(o.due(), o.delivered() ? "DELIVERED" : givenUp ? "FAILED" : "PENDING",
                    o.due().attempts() + 1, o.status(), o.error(), now.plusSeconds(o.delivered() ? 0 : backoff));
            if (!o.delivered() && o.due().attempts() == 0) {
                LOG.infof("Webhook %s did not take event %d (%s); retrying with backoff", o.due().webhookId(), o.due().seq(),
                        o.status() != null ? "HTTP " + o.status() : o.error());
            }
        }
        for (List<Due> chain : chains) {
            for (Due d : chain) if (!d.recorded() && !sent.contains(d)) inserted.add(d, "PENDING", 0, null, null, now);
        }
        for (Due d : waiting) inserted.add(d, "PENDING", 0, null, null, now);
        if (!updated.isEmpty()) {
            Sql.update(c, """
                    UPDATE webhook_delivery d SET status = u.status, attempts = u.attempts, last_status = u.code,
                           last_error = u.error, next_attempt_at = u.next,
                           delivered_at = CASE WHEN u.status = 'DELIVERED' THEN now() END
                      FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::timestamptz[])
                           AS u (id, seq, subject, status, attempts, code, error, next)
                     WHERE d.webhook_id = u.id AND d.event_seq = u.seq""", updated.columns());
        }
        if (!inserted.isEmpty()) {
            Sql.update(c, """
                    INSERT INTO webhook_delivery (webhook_id, event_seq, subject, status, attempts, last_status, last_error,
                                                  created_at, next_attempt_at, delivered_at)
                    SELECT u.id, u.seq, u.subject, u.status, u.attempts, u.code, u.error, now(), u.next,
                           CASE WHEN u.status = 'DELIVERED' THEN now() END
                      FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::timestamptz[])
                           AS u (id, seq, subject, status, attempts, code, error, next)
                    ON CONFLICT DO NOTHING""", inserted.columns());
        }
    }

    /** Deliveries to write, as the parallel arrays one {@code unnest} reads. */
    private static final class Deliveries {
        private final List<String> ids = new ArrayList<>(), seqs = new ArrayList<>(), subjects = new ArrayList<>(),
                statuses = new ArrayList<>(), attempts = new ArrayList<>(), codes = new ArrayList<>(), errors = new ArrayList<>(),
                next = new ArrayList<>();

        void add(Due d, String status, int attemptsAfter, Integer code, String error, Instant nextAttempt) {
            ids.add(d.webhookId());
            seqs.add(Long.toString(d.seq()));
            subjects.add(d.subject());
            statuses.add(status);
            attempts.add(Integer.toString(attemptsAfter));
            codes.add(code == null ? null : Integer.toString(code));
            errors.add(error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
            next.add(nextAttempt.toString());
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        Object[] columns() {
            return new Object[] {ids, seqs, subjects, statuses, attempts, codes, errors, next};
        }
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
}
