package kupon.orders;

import kupon.evaluation.Evaluation;
import kupon.events.EventType;
import kupon.events.Outbox;
import kupon.limits.Usage;
import kupon.limits.UsageKey;
import kupon.limits.UsageLimit;
import kupon.pricing.PricingResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events an order announces, written with it: {@code order.placed}, one {@code code.redeemed} per code, and a
 * promotion's counters crossing their line (5% of the budget left, the budget spent, the last use taken). A counter
 * is updated by one order at a time, so each crossing is seen by exactly one order, however many race.
 */
final class OrderEvents {

    private static final BigDecimal LOW = new BigDecimal("0.05");

    private OrderEvents() {
    }

    /** What a promotion took off an order, in {@code order.placed}. */
    record Taken(String promotionId, String code, BigDecimal amount) {
    }

    record Placed(String orderId, String customerId, String currency, BigDecimal subtotal, BigDecimal discountTotal,
                  BigDecimal total, List<Taken> promotions, Instant placedAt) {
    }

    record Redeemed(String code, String promotionId, String orderId, BigDecimal amount) {
    }

    record Cancelled(String orderId, Instant cancelledAt) {
    }

    record Budget(String promotionId, BigDecimal budget, BigDecimal used, BigDecimal remaining, String orderId) {
    }

    record UsageLimitReached(String promotionId, int maxUses, int uses, String orderId) {
    }

    static String subject(String orderId) {
        return "order/" + orderId;
    }

    static List<Outbox.Event> placed(String orderId, Evaluation evaluation, Instant at) {
        PricingResult p = evaluation.pricing();
        List<Outbox.Event> events = new ArrayList<>();
        List<Taken> taken = p.applied().stream().map(a -> new Taken(a.promotionId(), a.code(), a.amount().amount())).toList();
        events.add(new Outbox.Event(EventType.ORDER_PLACED, subject(orderId), new Placed(orderId, evaluation.shopper().customerId(),
                p.currency().getCurrencyCode(), p.subtotal().amount(), p.discountTotal().amount(), p.total().amount(), taken, at)));
        for (Taken t : taken) {
            if (t.code() != null) {
                events.add(new Outbox.Event(EventType.CODE_REDEEMED, subject(orderId), new Redeemed(t.code(), t.promotionId(), orderId, t.amount())));
            }
        }
        return events;
    }

    static Outbox.Event cancelled(String orderId, Instant at) {
        return new Outbox.Event(EventType.ORDER_CANCELLED, subject(orderId), new Cancelled(orderId, at));
    }

    /** The lines a promotion's own counter crossed with this order's use ({@code amount} of budget); none for other counters. */
    static List<Outbox.Event> crossings(UsageLimit limit, Usage after, BigDecimal amount, String orderId) {
        UsageKey key = limit.key();
        if (key.subject().kind() != UsageKey.Subject.Kind.PROMOTION || key.scope() != UsageKey.Scope.TOTAL) return List.of();
        String promotionId = key.subject().id();
        String subject = "promotion/" + promotionId;
        List<Outbox.Event> events = new ArrayList<>();
        if (limit.budget() != null && amount.signum() > 0) {
            BigDecimal remaining = limit.budget().subtract(after.amount());
            BigDecimal before = remaining.add(amount);
            BigDecimal low = limit.budget().multiply(LOW);
            Budget figures = new Budget(promotionId, limit.budget(), after.amount(), remaining.max(BigDecimal.ZERO), orderId);
            if (before.compareTo(low) > 0 && remaining.compareTo(low) <= 0) {
                events.add(new Outbox.Event(EventType.PROMOTION_BUDGET_LOW, subject, figures));
            }
            if (before.signum() > 0 && remaining.signum() <= 0) {
                events.add(new Outbox.Event(EventType.PROMOTION_BUDGET_EXHAUSTED, subject, figures));
            }
        }
        if (limit.maxUses() != null && after.uses() == limit.maxUses()) {
            events.add(new Outbox.Event(EventType.PROMOTION_USAGE_LIMIT_REACHED, subject,
                    new UsageLimitReached(promotionId, limit.maxUses(), after.uses(), orderId)));
        }
        return events;
    }
}
