package kupon.fraud;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.database.Sql;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles code guessing. Owner of the table {@code fraud_attempt}: unknown-code attempts counted per requester
 * identity (IP, normalized email, customer id, device) in one-minute buckets of the database's clock, so that the
 * threshold holds across nodes: each attempt is one upsert whose result counts every node's attempts exactly. The
 * attempt that passes {@code kupon.fraud.throttle.max-attempts} within the window, and every request with codes
 * from that identity after it, is answered 429 until the window has moved on; those later refusals come from this
 * node's memory and cost no database round trip. Requests without unknown codes never touch the database here.
 */
@ApplicationScoped
public class CodeGuessing {

    private static final Logger LOG = Logger.getLogger(CodeGuessing.class);

    private final Sql sql;
    private final FraudEvents events;
    private final FraudConfig.Throttle throttle;
    private final ConcurrentHashMap<Subject, Instant> throttledUntil = new ConcurrentHashMap<>();
    private volatile Instant lastCleanup = Instant.EPOCH;

    public CodeGuessing(Sql sql, FraudEvents events, FraudConfig config) {
        this.sql = sql;
        this.events = events;
        this.throttle = config.throttle();
    }

    /** How long the requester must wait, if one of its identities is throttled on this node now. */
    public Optional<Duration> throttled(Requester requester, Instant now) {
        if (throttledUntil.isEmpty()) return Optional.empty();
        Instant until = null;
        for (Subject subject : requester.subjects()) {
            Instant t = throttledUntil.get(subject);
            if (t == null) continue;
            if (!t.isAfter(now)) {
                throttledUntil.remove(subject, t);
            } else if (until == null || t.isAfter(until)) {
                until = t;
            }
        }
        return until == null ? Optional.empty() : Optional.of(retryAfter(now, until));
    }

    /**
     * Counts {@code unknownCodes} attempts for each of the requester's identities; when one of them is now past the
     * threshold, how long the requester must wait (the request that passed it is refused too).
     */
    public Optional<Duration> attempted(Requester requester, int unknownCodes, Instant now) {
        List<Subject> subjects = requester.subjects();
        if (unknownCodes <= 0 || subjects.isEmpty()) return Optional.empty();
        List<String> types = new ArrayList<>(), values = new ArrayList<>();
        subjects.forEach(s -> {
            types.add(s.type().name());
            values.add(s.value());
        });
        String window = throttle.window().toSeconds() + " seconds";
        // The current bucket's count comes from the upsert (exact under its row lock); older buckets no longer change.
        List<Counted> counted = sql.transaction("Counting unknown codes", c -> Sql.list(c, """
                WITH up AS (
                    INSERT INTO fraud_attempt (subject_type, subject_value, minute, attempts)
                    SELECT t, v, date_trunc('minute', now()), ? FROM unnest(?::text[], ?::text[]) AS s(t, v)
                    ON CONFLICT (subject_type, subject_value, minute) DO UPDATE SET attempts = fraud_attempt.attempts + EXCLUDED.attempts
                    RETURNING subject_type, subject_value, minute, attempts)
                SELECT up.subject_type, up.subject_value, up.attempts + coalesce(sum(old.attempts), 0),
                       extract(epoch FROM coalesce(min(old.minute), up.minute) + ?::interval - now())
                  FROM up LEFT JOIN fraud_attempt old ON old.subject_type = up.subject_type AND old.subject_value = up.subject_value
                       AND old.minute < up.minute AND old.minute > now() - ?::interval
                 GROUP BY up.subject_type, up.subject_value, up.minute, up.attempts""",
                row -> new Counted(new Subject(SubjectType.valueOf(row.getString(1)), row.getString(2)), row.getLong(3),
                        Math.max(1, (long) Math.ceil(row.getDouble(4)))),
                unknownCodes, types, values, window, window));
        Instant until = null;
        for (Counted count : counted) {
            if (count.attempts() <= throttle.maxAttempts()) continue;
            Instant t = now.plusSeconds(count.secondsLeft());
            throttledUntil.merge(count.subject(), t, (a, b) -> a.isAfter(b) ? a : b);
            if (until == null || t.isAfter(until)) until = t;
            // Recorded once, when the attempts pass the threshold, not for every attempt after it.
            if (count.attempts() - unknownCodes <= throttle.maxAttempts()) {
                events.record(FraudEvent.Type.THROTTLED, count.subject(),
                        count.attempts() + " unknown codes within " + throttle.window().toMinutes() + " minutes");
                LOG.infof("Throttled %s %s: %d unknown codes within %s", count.subject().type(), count.subject().value(),
                        count.attempts(), throttle.window());
            }
        }
        cleanUp(now);
        return until == null ? Optional.empty() : Optional.of(retryAfter(now, until));
    }

    private record Counted(Subject subject, long attempts, long secondsLeft) {
    }

    private static Duration retryAfter(Instant now, Instant until) {
        return Duration.ofSeconds(Math.max(1, Duration.between(now, until).toSeconds() + 1));
    }

    /** Buckets older than the window count for nothing: dropped now and then by whichever node counts. */
    private void cleanUp(Instant now) {
        if (Duration.between(lastCleanup, now).toMinutes() < 1) return;
        lastCleanup = now;
        sql.update("Dropping old attempt counts", "DELETE FROM fraud_attempt WHERE minute < now() - ?::interval",
                throttle.window().plusMinutes(1).toSeconds() + " seconds");
    }
}
