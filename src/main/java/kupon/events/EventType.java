package kupon.events;

import java.util.Arrays;
import java.util.Optional;

/** What Kupon announces to webhooks, with the CloudEvents {@code type} each goes by. */
public enum EventType {
    ORDER_PLACED("order.placed"),
    ORDER_CANCELLED("order.cancelled"),
    CODE_REDEEMED("code.redeemed"),
    PROMOTION_BUDGET_LOW("promotion.budget_low"),
    PROMOTION_BUDGET_EXHAUSTED("promotion.budget_exhausted"),
    PROMOTION_USAGE_LIMIT_REACHED("promotion.usage_limit_reached"),
    CODE_BATCH_COMPLETED("code_batch.completed"),
    RULESET_ACTIVATED("ruleset.activated"),
    FRAUD_BLOCKED("fraud.blocked");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The name in deliveries and in {@code events} of a webhook: {@code order.placed}. */
    public String wire() {
        return wire;
    }

    public static Optional<EventType> ofWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }
}
