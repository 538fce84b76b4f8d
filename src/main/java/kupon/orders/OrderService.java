package kupon.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kupon.analytics.CheckoutCounting;
import kupon.analytics.OrderFeed;
import kupon.analytics.PromotionMetrics;
import kupon.codes.CodeLedger;
import kupon.codes.CodeLookup;
import kupon.database.Sql;
import kupon.evaluation.Evaluation;
import kupon.evaluation.Evaluator;
import kupon.limits.UsageKey;
import kupon.events.Outbox;
import kupon.limits.Usage;
import kupon.limits.UsageLedger;
import kupon.limits.UsageLimit;
import kupon.rules.source.RuleSource;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Places orders: re-evaluates the cart, then in one transaction records the order and consumes every
 * usage limit involved with conditional updates. If a limit was taken by another order meanwhile,
 * the transaction is rolled back and the cart evaluated again, so what is committed is always what
 * the limits allowed at that moment.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    private static final int ATTEMPTS = 8;

    /** Another order took a limit between evaluation and commit. */
    private static final class LimitTaken extends RuntimeException {
        LimitTaken() {
            super(null, null, false, false);
        }
    }

    /** An order with this id was committed meanwhile. */
    private static final class OrderIdTaken extends RuntimeException {
        OrderIdTaken() {
            super(null, null, false, false);
        }
    }

    /** The outcome of a cancel. */
    public enum Cancelled { NOW, ALREADY, UNKNOWN }

    private final Evaluator evaluator;
    private final UsageLedger ledger;
    private final CodeLedger codes;
    private final Sql sql;
    private final ObjectMapper json;
    private final CodeLookup codeLookup;
    private final CheckoutCounting counting;
    private final PromotionMetrics metrics;
    private final Outbox outbox;

    public OrderService(Evaluator evaluator, UsageLedger ledger, CodeLedger codes, Sql sql, ObjectMapper json,
                        CodeLookup codeLookup, CheckoutCounting counting, PromotionMetrics metrics, Outbox outbox) {
        this.outbox = outbox;
        this.codeLookup = codeLookup;
        this.counting = counting;
        this.metrics = metrics;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.codes = codes;
        this.sql = sql;
        this.json = json;
    }

    /** Places the order; {@code answers} writes the answer stored for replays. */
    public OrderOutcome place(OrderRequest request, String connectionIp, OrderOutcome.AnswerWriter answers) {
        String requestHash = hash(request);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // A replay is rare: the first attempt goes straight to evaluation, and the order's primary key
            // tells if the id was used; later attempts (after such a conflict) look the order up first.
            if (attempt > 1) {
                Optional<OrderOutcome> earlier = earlierOrder(request.orderId(), requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            Evaluation evaluation = evaluator.evaluateForOrder(request.checkout(), Instant.now(), connectionIp);
            // The shopper tried once, however many times contention makes the order evaluate again.
            if (attempt == 1) counting.count(evaluation);
            BigDecimal total = evaluation.pricing().total().amount();
            boolean codeRejected = !evaluation.rejectedCodes().isEmpty();
            boolean totalChanged = request.expectedTotal() != null && request.expectedTotal().compareTo(total) != 0;
            if (codeRejected || totalChanged) {
                // A replay of a placed order finds its own code used up: it gets the original answer, not a refusal.
                Optional<OrderOutcome> earlier = earlierOrder(request.orderId(), requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                return codeRejected
                        ? new OrderOutcome.CodeRejected(request.orderId(), evaluation)
                        : new OrderOutcome.TotalChanged(request.orderId(), evaluation, request.expectedTotal(), total);
            }
            try {
                String answer = answers.write(request.orderId(), evaluation);
                sql.newTransaction("Recording order " + request.orderId(), c -> {
                    commit(c, request, requestHash, evaluation, answer);
                    return null;
                });
                forgetCodes(evaluation);
                metrics.placed(evaluation);
                return new OrderOutcome.Placed(answer);
            } catch (LimitTaken | OrderIdTaken e) {
                LOG.debugf("Order %s: %s, evaluating again (attempt %d)", request.orderId(), e.getClass().getSimpleName(), attempt);
            } catch (RuntimeException e) {
                if (!isContention(e)) throw e;
                LOG.debugf("Order %s met a concurrent order, evaluating again (attempt %d)", request.orderId(), attempt);
            }
        }
        throw new IllegalStateException("Order " + request.orderId() + " could not be committed after " + ATTEMPTS
                + " attempts under heavy contention; retry it");
    }

    public Cancelled cancel(String orderId) {
        List<String> released = new ArrayList<>();
        Cancelled outcome = sql.newTransaction("Cancelling order " + orderId, c -> {
            if (!OrderLedger.markCancelled(c, orderId, Instant.now())) {
                return OrderLedger.find(c, orderId).isPresent() ? Cancelled.ALREADY : Cancelled.UNKNOWN;
            }
            for (OrderLedger.UsageRecord used : OrderLedger.usageOf(c, orderId)) {
                String code = used.subject().kind() == UsageKey.Subject.Kind.CODE ? used.subject().id() : null;
                if (code != null && used.scope() == UsageKey.Scope.TOTAL) {
                    codes.release(c, code);
                    released.add(code);
                } else {
                    ledger.release(c, new UsageKey(used.subject(), used.scope(), used.key()), used.amount());
                }
            }
            if (counting.enabled()) OrderFeed.note(c, orderId, OrderFeed.Change.CANCELLED);
            outbox.add(c, OrderEvents.cancelled(orderId, Instant.now()));
            return Cancelled.NOW;
        });
        released.forEach(codeLookup::forget);
        return outcome;
    }

    /** An order as recorded: the answer it was placed with, and where it stands. */
    public record RecordedOrder(String orderId, String answer, String status, Instant placedAt, Instant cancelledAt) {
    }

    public Optional<RecordedOrder> find(String orderId) {
        return sql.connected("Reading order " + orderId, c -> OrderLedger.find(c, orderId)).map(stored ->
                new RecordedOrder(stored.orderId(), stored.response(), stored.status(), stored.placedAt(), stored.cancelledAt()));
    }

    /** An order that used a code. */
    public record CodeOrder(String orderId, String status, Instant placedAt) {
    }

    /** The orders that used a stored code (normalized), oldest first (the first 1,000), cancelled ones included. */
    public List<CodeOrder> ordersUsing(String code) {
        return sql.connected("Reading the orders of code " + code, c -> OrderLedger.ordersUsing(c, code));
    }

    /** The codes an order used changed: this node's next evaluation reads them fresh. */
    private void forgetCodes(Evaluation evaluation) {
        for (Evaluation.PlannedUse use : evaluation.plannedUses()) {
            if (use.code() != null) codeLookup.forget(use.code().code());
        }
    }

    private Optional<OrderOutcome> earlierOrder(String orderId, String requestHash) {
        return sql.connected("Reading order " + orderId, c -> OrderLedger.find(c, orderId))
                .map(stored -> stored.requestHash().equals(requestHash)
                        ? new OrderOutcome.Replayed(stored.response(), "CANCELLED".equals(stored.status()))
                        : new OrderOutcome.OrderIdConflict(orderId));
    }

    private void commit(Connection c, OrderRequest request, String requestHash, Evaluation evaluation, String answer) throws SQLException {
        // Codes first, then counters, each in a fixed order: concurrent orders lock in one global order and never deadlock.
        List<Evaluation.PlannedUse> uses = new ArrayList<>(evaluation.plannedUses());
        uses.sort(Comparator.comparing(Evaluation.PlannedUse::promotionId));
        List<String> codesUsed = uses.stream().filter(u -> u.code() != null).map(u -> u.code().code()).sorted().toList();
        record Step(UsageLimit limit, BigDecimal amount) {
        }
        List<Step> steps = new ArrayList<>();
        uses.forEach(use -> use.limits().forEach(limit -> steps.add(new Step(limit, limit.budget() == null ? BigDecimal.ZERO : use.amount()))));
        steps.sort(Comparator.comparing(Step::limit, Comparator.comparing(UsageLimit::key)));
        // What a cancel gives back, written with the order: if a code or counter below refuses, all of it rolls back.
        List<OrderLedger.UsageRecord> used = new ArrayList<>();
        codesUsed.forEach(code -> used.add(new OrderLedger.UsageRecord(UsageKey.Subject.code(code), UsageKey.Scope.TOTAL, "", BigDecimal.ZERO)));
        steps.forEach(step -> used.add(new OrderLedger.UsageRecord(step.limit().key().subject(), step.limit().key().scope(),
                step.limit().key().key(), step.amount())));
        if (!OrderLedger.insertOrder(c, request.orderId(), requestHash, request.checkout(), evaluation, answer, used)) {
            throw new OrderIdTaken();
        }
        for (String code : codesUsed) {
            if (!codes.consume(c, code)) throw new LimitTaken();
        }
        List<Outbox.Event> events = new ArrayList<>(OrderEvents.placed(request.orderId(), evaluation, Instant.now()));
        for (Step step : steps) {
            Usage after = ledger.consume(c, step.limit(), step.amount()).orElseThrow(LimitTaken::new);
            events.addAll(OrderEvents.crossings(step.limit(), after, step.amount(), request.orderId()));
        }
        outbox.add(c, events);
        OrderLedger.insertPromotions(c, request.orderId(), evaluation);
        OrderLedger.insertExperiments(c, request.orderId(), evaluation);
        if (counting.enabled()) OrderFeed.note(c, request.orderId(), OrderFeed.Change.PLACED);
    }

    /** Deadlocks and serialization failures are another order's doing; evaluating again resolves them. */
    private static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitTaken || t instanceof OrderIdTaken) return true;
            if (t instanceof SQLException failed && ("40P01".equals(failed.getSQLState()) || "40001".equals(failed.getSQLState()))) return true;
        }
        return false;
    }

    private String hash(OrderRequest request) {
        try {
            return RuleSource.sha256(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order request cannot be written as JSON", e);
        }
    }
}
