package kupon.codes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every reason an entered code gives nothing, worded once: the machine-readable reason and what the shopper is told
 * ({@code rejectedCodes[]} of docs/api.md). Checkout shows these messages as they are.
 */
public final class Rejections {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Rejections() {
    }

    public static RejectedCode unknown(String code) {
        return new RejectedCode(code, RejectionReason.UNKNOWN_CODE, "The code " + code + " does not exist. Check the spelling.");
    }

    public static RejectedCode inactive(String code) {
        return new RejectedCode(code, RejectionReason.INACTIVE, "The code " + code + " is no longer valid.");
    }

    public static RejectedCode notYetValid(String code, Instant from) {
        return notYetValid(code, DAY.format(from));
    }

    public static RejectedCode notYetValid(String code, LocalDate from) {
        return notYetValid(code, from.toString());
    }

    private static RejectedCode notYetValid(String code, String from) {
        return new RejectedCode(code, RejectionReason.NOT_YET_ACTIVE, "The code " + code + " can be used from " + from + ".");
    }

    /** The code is fine, but the promotion it belongs to has not started yet. */
    public static RejectedCode promotionNotStarted(String code, LocalDate from) {
        return new RejectedCode(code, RejectionReason.NOT_YET_ACTIVE, "The promotion of the code " + code + " starts on " + from + ".");
    }

    /** The code is fine, but the promotion it belongs to is over (the code itself may have no expiry). */
    public static RejectedCode promotionEnded(String code, LocalDate on) {
        return new RejectedCode(code, RejectionReason.EXPIRED, "The promotion of the code " + code + " ended on " + on + ".");
    }

    /** What every code rejection says with uniform messages on, and what a blocked requester is told. */
    public static final String CANNOT_BE_USED = "This code cannot be used on this order.";

    /** The requester (IP, email, customer, device or address) is blocked: none of its codes applies. */
    public static RejectedCode blocked(String code) {
        return new RejectedCode(code, RejectionReason.BLOCKED, CANNOT_BE_USED);
    }

    public static RejectedCode outsideHours(String code) {
        return new RejectedCode(code, RejectionReason.NOT_YET_ACTIVE, "The code " + code + " only works at certain times; try again then.");
    }

    public static RejectedCode expired(String code, Instant on) {
        return expired(code, DAY.format(on));
    }

    public static RejectedCode expired(String code, LocalDate on) {
        return expired(code, on.toString());
    }

    private static RejectedCode expired(String code, String on) {
        return new RejectedCode(code, RejectionReason.EXPIRED, "This code expired on " + on + ".");
    }

    public static RejectedCode anotherCustomers(String code) {
        return new RejectedCode(code, RejectionReason.ASSIGNED_TO_ANOTHER_CUSTOMER, "The code " + code + " belongs to another customer.");
    }

    public static RejectedCode notForThisShopper(String code) {
        return new RejectedCode(code, RejectionReason.NOT_ELIGIBLE_CUSTOMER, "The code " + code + " is not available for this customer or order.");
    }

    public static RejectedCode sameCodePromotionTwice(String code) {
        return new RejectedCode(code, RejectionReason.NOT_COMBINABLE, "Another code for the same promotion is already on this order.");
    }

    public static RejectedCode notCombinable(String code) {
        return new RejectedCode(code, RejectionReason.NOT_COMBINABLE, "The code " + code + " cannot be combined with the other discounts on this order.");
    }

    public static RejectedCode tooMany(String code, int allowed) {
        return new RejectedCode(code, RejectionReason.TOO_MANY_CODES,
                "Only " + allowed + " codes can be used on one order; remove one to use " + code + ".");
    }

    public static RejectedCode minSubtotal(String code, BigDecimal needed) {
        return new RejectedCode(code, RejectionReason.MIN_SUBTOTAL_NOT_MET, needed == null
                ? "The cart does not reach the amount the code " + code + " needs."
                : "The code " + code + " needs items worth at least " + needed.toPlainString() + ".");
    }

    public static RejectedCode minQuantity(String code, Integer needed) {
        return new RejectedCode(code, RejectionReason.MIN_QUANTITY_NOT_MET, needed == null
                ? "The cart does not hold enough items for the code " + code + "."
                : "The code " + code + " needs at least " + needed + " items in the cart.");
    }

    public static RejectedCode noEligibleItems(String code) {
        return new RejectedCode(code, RejectionReason.NO_ELIGIBLE_ITEMS, "None of the items in the cart qualify for " + code + ".");
    }

    /** A limit the code's promotion (or the code) has reached: the shopper is told which. */
    public static RejectedCode limitReached(String code, RejectionReason reason) {
        return new RejectedCode(code, reason, switch (reason) {
            case NOT_ELIGIBLE_CUSTOMER -> "The code " + code + " is limited per customer: sign in or give an email address to use it.";
            case USAGE_LIMIT_REACHED -> "The code " + code + " has been used up.";
            case CUSTOMER_LIMIT_REACHED -> "You have already used the code " + code + " as often as it allows.";
            case DAILY_LIMIT_REACHED -> "The code " + code + " has been used up for today; try again tomorrow.";
            case IP_LIMIT_REACHED -> "The code " + code + " has been used too often from this network.";
            case BUDGET_EXHAUSTED -> "The promotion behind " + code + " has run out.";
            default -> "The code " + code + " cannot be used.";
        });
    }
}
