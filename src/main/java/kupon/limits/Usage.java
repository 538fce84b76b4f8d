package kupon.limits;

import java.math.BigDecimal;

/** How much of one counter is used: orders counted and, for budgets, money given. */
public record Usage(int uses, BigDecimal amount) {

    public static final Usage NONE = new Usage(0, BigDecimal.ZERO);
}
