package kupon.orders;

import kupon.evaluation.Evaluation;

import java.math.BigDecimal;

/** What placing an order came to: placed now, placed before (a replay), or refused with a reason. */
public sealed interface OrderOutcome {

    /** The order is recorded and its limits consumed; {@code answer} is what was stored for replays, as sent now. */
    record Placed(String answer) implements OrderOutcome {
    }

    /** The same order was placed before: its original answer, as stored; {@code cancelled} when it was cancelled since. */
    record Replayed(String answer, boolean cancelled) implements OrderOutcome {
    }

    /** Nothing was recorded. */
    sealed interface Refused extends OrderOutcome {
        String orderId();
    }

    /** An entered code cannot be used; {@code evaluation} shows which and why. */
    record CodeRejected(String orderId, Evaluation evaluation) implements Refused {
    }

    /** The total the shopper saw is not what the order comes to now. */
    record TotalChanged(String orderId, Evaluation evaluation, BigDecimal expected, BigDecimal total) implements Refused {
    }

    /** The order id was used before by an order with another body. */
    record OrderIdConflict(String orderId) implements Refused {
    }

    /** How the answer to a placed order is written, once: the same text is stored for replays and sent now. */
    @FunctionalInterface
    interface AnswerWriter {
        String write(String orderId, Evaluation evaluation);
    }
}
