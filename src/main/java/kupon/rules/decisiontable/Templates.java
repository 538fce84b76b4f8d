package kupon.rules.decisiontable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header cells Kupon accepts in a decision table. A table only chooses among these: which facts
 * its conditions look at, which constraint each condition column applies, and which calls on a
 * promotion each action column makes. Cells below supply typed values ({@link ValueType}); nothing a
 * table holds is ever code of its own.
 */
final class Templates {

    static final String RULE_SET_PREFIX = "kupon.rules.tables.";
    static final String RULE_SET_PATTERN = "kupon\\.rules\\.tables(\\.[a-z][a-z0-9_]{0,39})+";
    static final String VARIABLES = "kupon.rules.api.Actions actions";
    static final String RULE_TABLE_NAME_PATTERN = "[A-Za-z][A-Za-z0-9 _-]{0,39}";
    static final Set<String> IMPORTS = Set.of("kupon.rules.model.*", "kupon.rules.model.Line", "kupon.rules.model.Cart",
            "kupon.rules.model.Customer", "kupon.rules.model.Context", "kupon.rules.model.EnteredCode");

    /** The facts a condition column may look at, as written in the row under CONDITION. */
    enum Fact {
        LINE("Line"), CART("Cart"), CUSTOMER("Customer"), CONTEXT("Context"), ENTERED_CODE("EnteredCode");

        final String type;

        Fact(String type) {
            this.type = type;
        }
    }

    /** A fact a condition column matches, optionally bound so actions can name it ({@code $line : Line}). */
    record Pattern(Fact fact, String binding) {
    }

    /** A constraint a condition column applies to its fact; {@code $param} is the cell's value. */
    record Condition(Fact fact, String code, ValueType type) {
    }

    enum Role {
        /** {@code actions.promotion("…")}: the first action column, starts the statement. */
        PROMOTION,
        /** How the promotion stacks or which items it targets. */
        DETAIL,
        /** What it gives; exactly one column per table. */
        REWARD
    }

    /** A call an action column makes on the promotion; {@code uses} is the bound fact it needs, if any. */
    record Action(String code, ValueType type, Role role, String uses) {
    }

    private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();
    private static final Map<String, Condition> CONDITIONS = new LinkedHashMap<>();
    private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    static {
        for (Fact fact : Fact.values()) PATTERNS.put(fact.type, new Pattern(fact, null));
        PATTERNS.put("$line : Line", new Pattern(Fact.LINE, "$line"));
        PATTERNS.put("$code : EnteredCode", new Pattern(Fact.ENTERED_CODE, "$code"));

        for (String name : List.of("categories contains", "tags contains")) condition(Fact.LINE, name + " \"$param\"", ValueType.NAME);
        for (String name : List.of("sku", "brand")) condition(Fact.LINE, name + " == \"$param\"", ValueType.NAME);
        for (String name : List.of("inCategory", "hasTag")) condition(Fact.LINE, name + "(\"$param\")", ValueType.NAME);
        condition(Fact.LINE, "onSale == $param", ValueType.BOOLEAN);
        for (String op : List.of(">=", ">", "<=", "<", "==")) {
            condition(Fact.LINE, "quantity " + op + " $param", ValueType.WHOLE_NUMBER);
            condition(Fact.CART, "quantity " + op + " $param", ValueType.WHOLE_NUMBER);
            condition(Fact.CUSTOMER, "orderCount " + op + " $param", ValueType.WHOLE_NUMBER);
        }
        condition(Fact.CART, "currency == \"$param\"", ValueType.CURRENCY);
        condition(Fact.CART, "shippingCountry == \"$param\"", ValueType.COUNTRY);
        condition(Fact.CART, "shippingMethod == \"$param\"", ValueType.NAME);
        condition(Fact.CUSTOMER, "inSegment(\"$param\")", ValueType.NAME);
        condition(Fact.CUSTOMER, "segments contains \"$param\"", ValueType.NAME);
        condition(Fact.CUSTOMER, "country == \"$param\"", ValueType.COUNTRY);
        condition(Fact.CUSTOMER, "firstOrder == $param", ValueType.BOOLEAN);
        condition(Fact.CUSTOMER, "guest == $param", ValueType.BOOLEAN);
        for (String name : List.of("channel", "source", "campaign")) condition(Fact.CONTEXT, name + " == \"$param\"", ValueType.NAME);
        condition(Fact.CONTEXT, "country == \"$param\"", ValueType.COUNTRY);
        condition(Fact.ENTERED_CODE, "code == \"$param\"", ValueType.CODE);

        action("actions.promotion(\"$param\")", ValueType.PROMOTION_ID, Role.PROMOTION, null);
        action(".name(\"$param\")", ValueType.TEXT, Role.DETAIL, null);
        action(".priority($param)", ValueType.INTEGER, Role.DETAIL, null);
        action(".exclusive()", ValueType.FLAG, Role.DETAIL, null);
        action(".stopFurther()", ValueType.FLAG, Role.DETAIL, null);
        action(".code($code)", ValueType.FLAG, Role.DETAIL, "$code");
        action(".code(\"$param\")", ValueType.CODE, Role.DETAIL, null);
        action(".minSubtotal(\"$param\")", ValueType.AMOUNT, Role.DETAIL, null);
        action(".minQuantity($param)", ValueType.WHOLE_NUMBER, Role.DETAIL, null);
        action(".maxAmount(\"$param\")", ValueType.AMOUNT, Role.DETAIL, null);
        action(".onLine($line)", ValueType.FLAG, Role.DETAIL, "$line");
        for (String target : List.of("onCategories", "onSkus", "onBrands", "onTags", "excludeCategories", "excludeBrands")) {
            action("." + target + "(\"$param\")", ValueType.NAME, Role.DETAIL, null);
        }
        action(".excludeOnSale()", ValueType.FLAG, Role.DETAIL, null);
        for (String percent : List.of("percentOffItems", "percentOffOrder", "percentOffShipping")) {
            action("." + percent + "($param)", ValueType.WHOLE_PERCENT, Role.REWARD, null);
            action("." + percent + "(\"$param\")", ValueType.PERCENT, Role.REWARD, null);
        }
        for (String amount : List.of("amountOffItems", "amountOffEachItem", "amountOffOrder", "amountOffShipping", "fixedPrice")) {
            action("." + amount + "(\"$param\")", ValueType.AMOUNT, Role.REWARD, null);
        }
        action(".freeShipping()", ValueType.FLAG, Role.REWARD, null);
    }

    private static void condition(Fact fact, String code, ValueType type) {
        CONDITIONS.put(fact + " " + canonical(code), new Condition(fact, code, type));
    }

    private static void action(String code, ValueType type, Role role, String uses) {
        ACTIONS.put(canonical(code), new Action(code, type, role, uses));
    }

    private Templates() {
    }

    /** The pattern an object-type cell names ({@code Line}, {@code $line : Line}, …), if it is one Kupon knows. */
    static Optional<Pattern> pattern(String cell) {
        return Optional.ofNullable(PATTERNS.get(canonical(cell).replace(":", " : ")));
    }

    static Optional<Condition> condition(Fact fact, String code) {
        return Optional.ofNullable(CONDITIONS.get(fact + " " + canonical(code)));
    }

    /**
     * The action a code cell names. The last action column ends the statement, so its code carries a
     * final {@code ;}, and a reward there may be followed by {@code .onLine($line)}.
     */
    static Optional<Action> action(String code, boolean last) {
        String canonical = canonical(code);
        if (last != canonical.endsWith(";")) return Optional.empty();
        if (last) canonical = canonical.substring(0, canonical.length() - 1);
        Action action = ACTIONS.get(canonical);
        if (action == null && last && canonical.endsWith(".onLine($line)")) {
            Action reward = ACTIONS.get(canonical.substring(0, canonical.length() - ".onLine($line)".length()));
            if (reward != null && reward.role() == Role.REWARD) action = new Action(code, reward.type(), Role.REWARD, "$line");
        }
        return Optional.ofNullable(action);
    }

    /** Every constraint a fact accepts, for error messages. */
    static List<String> conditionsOf(Fact fact) {
        return CONDITIONS.values().stream().filter(c -> c.fact() == fact).map(Condition::code).toList();
    }

    static List<String> actionCodes(Role role) {
        return ACTIONS.values().stream().filter(a -> a.role() == role).map(Action::code).toList();
    }

    static List<String> patterns() {
        return List.copyOf(PATTERNS.keySet());
    }

    /** Spaces only matter between two words: {@code quantity>=$param} and {@code quantity >= $param} are the same. */
    static String canonical(String code) {
        String collapsed = code.strip().replaceAll("\\s+", " ");
        return collapsed.replaceAll(" ?([^\\w$ ]) ?", "$1");
    }
}
