package kupon.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What placing an order came to: placed now, placed before (a replay), or refused with a reason. */
public sealed interface OrderOutcome {

    /** The order is recorded and its limits consumed; {@code body} is the evaluation plus the order id. */
    record Placed(ObjectNode body) implements OrderOutcome {
    }

    /** The same order was placed before: its original answer. */
    record Replayed(ObjectNode body) implements OrderOutcome {
    }

    /** Nothing was recorded: {@code error} is CODE_REJECTED, TOTAL_CHANGED or ORDER_ID_CONFLICT. */
    record Refused(String error, ObjectNode body) implements OrderOutcome {
    }
}
