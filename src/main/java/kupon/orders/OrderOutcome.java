package kupon.orders;

/** What placing an order came to: placed now, placed before (a replay), or refused with a reason. */
public sealed interface OrderOutcome {

    /** The order is recorded and its limits consumed; {@code json} is the evaluation plus the order id. */
    record Placed(String json) implements OrderOutcome {
    }

    /** The same order was placed before: its original answer, as stored. */
    record Replayed(String json) implements OrderOutcome {
    }

    /** Nothing was recorded: {@code error} is CODE_REJECTED, TOTAL_CHANGED or ORDER_ID_CONFLICT. */
    record Refused(String error, String json) implements OrderOutcome {
    }
}
