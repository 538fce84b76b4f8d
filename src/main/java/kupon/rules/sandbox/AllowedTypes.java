package kupon.rules.sandbox;

import kupon.rules.api.Actions;
import kupon.rules.api.BuyGet;
import kupon.rules.api.Items;
import kupon.rules.api.PromotionOffer;
import kupon.rules.api.Tiers;
import kupon.rules.model.Cart;
import kupon.rules.model.Clock;
import kupon.rules.model.Context;
import kupon.rules.model.Customer;
import kupon.rules.model.EnteredCode;
import kupon.rules.model.Line;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The short list of types rule code may name, and which of their members: the fact model, the action
 * API, and a few immutable value types. Every method that is allowed returns an allowed type, so
 * nothing a rule can reach leads outside this list. The list is written out by hand, never looked up
 * by a name taken from a rule, so checking a rule loads or initialises no class.
 */
final class AllowedTypes {

    /** What a rule may match without {@code from}: the facts Kupon inserts for each evaluation. */
    static final List<Class<?>> FACTS = List.of(Cart.class, Line.class, Customer.class, EnteredCode.class, Context.class, Clock.class);

    static final List<Class<?>> ACTION_API = List.of(Actions.class, PromotionOffer.class, Items.class, BuyGet.class,
            BuyGet.Buy.class, Tiers.class, Tiers.Basis.class);

    static final List<Class<?>> TIME = List.of(Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
            ZonedDateTime.class, OffsetDateTime.class, Duration.class, Period.class, DayOfWeek.class, Month.class,
            MonthDay.class, Year.class, YearMonth.class, ZoneId.class, ZoneOffset.class, ChronoUnit.class);

    /** Value types with the members a rule may use; anything else on them (regular expressions, repeat, pow…) is refused. */
    private static final Map<Class<?>, Members> VALUES = new LinkedHashMap<>();

    static {
        Set<String> objectMethods = Set.of("equals", "hashCode", "toString");
        values(Object.class, objectMethods, Set.of());
        values(String.class, Set.of("length", "isEmpty", "isBlank", "equals", "equalsIgnoreCase", "startsWith", "endsWith",
                "contains", "toLowerCase", "toUpperCase", "trim", "strip", "substring", "indexOf", "lastIndexOf", "charAt",
                "compareTo", "compareToIgnoreCase", "concat", "hashCode", "toString"), Set.of("valueOf"));
        // Comparison, addition and subtraction only: they grow a number by a digit at most, where multiply,
        // pow or setScale let a few characters of rule code allocate gigabytes.
        values(BigDecimal.class, Set.of("compareTo", "signum", "equals", "add", "subtract", "negate", "abs", "min", "max",
                "intValue", "longValue", "scale", "precision", "stripTrailingZeros", "hashCode", "toString"), Set.of("valueOf"));
        values(Integer.class, Set.of("intValue", "longValue", "compareTo", "equals", "hashCode", "toString"), Set.of("valueOf", "compare", "min", "max"));
        values(Long.class, Set.of("intValue", "longValue", "compareTo", "equals", "hashCode", "toString"), Set.of("valueOf", "compare", "min", "max"));
        values(Boolean.class, Set.of("booleanValue", "equals", "hashCode", "toString"), Set.of("valueOf"));
        values(Number.class, Set.of("intValue", "longValue", "equals", "hashCode", "toString"), Set.of());
        values(Math.class, Set.of(), Set.of("min", "max", "abs"));
        Set<String> collection = Set.of("contains", "containsAll", "isEmpty", "size", "equals", "hashCode", "toString");
        values(Collection.class, collection, Set.of());
        values(List.class, union(collection, Set.of("get", "indexOf", "lastIndexOf")), Set.of("of"));
        values(Set.class, collection, Set.of("of"));
        values(Map.class, Set.of("containsKey", "containsValue", "get", "getOrDefault", "isEmpty", "size", "equals",
                "hashCode", "toString"), Set.of("of"));
    }

    /** Never allowed on any type: they reach the class, the monitor or the platform's descriptors. */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "getDeclaringClass",
            "describeConstable", "resolveConstantDesc", "finalize", "clone", "now", "query", "values");

    private static final Map<String, Class<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (Class<?> type : all()) BY_NAME.put(type.getCanonicalName(), type);
    }

    /** Which methods of a value type may be called, on a value and on the type. */
    private record Members(Set<String> instance, Set<String> statics) {
    }

    private AllowedTypes() {
    }

    private static void values(Class<?> type, Set<String> instance, Set<String> statics) {
        VALUES.put(type, new Members(instance, statics));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
    }

    /** Every allowed type, facts and action API first. */
    static List<Class<?>> all() {
        List<Class<?>> all = new java.util.ArrayList<>(FACTS);
        all.addAll(ACTION_API);
        all.addAll(VALUES.keySet());
        all.addAll(TIME);
        return all;
    }

    /** The allowed type with this canonical name ({@code java.time.DayOfWeek}, {@code kupon.rules.api.BuyGet.Buy}). */
    static Optional<Class<?>> byCanonicalName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static boolean isAllowed(Class<?> type) {
        return type.isPrimitive() || BY_NAME.containsValue(type);
    }

    static boolean isFact(Class<?> type) {
        return FACTS.contains(type);
    }

    /**
     * The return types of the allowed methods {@code name} of {@code owner} that take {@code arity} arguments;
     * empty when none is allowed. Overloads that differ in return type give more than one.
     */
    static Set<Class<?>> methodReturns(Class<?> owner, String name, int arity, boolean onType) {
        Set<Class<?>> returns = new LinkedHashSet<>();
        if (NEVER.contains(name) || !isAllowed(owner) || owner.isPrimitive()) return returns;
        for (Method method : owner.getMethods()) {
            if (!method.getName().equals(name) || !takes(method, arity) || Modifier.isStatic(method.getModifiers()) != onType) continue;
            if (method.isSynthetic() || method.isBridge() || !allowedMember(owner, method)) continue;
            Class<?> returned = method.getReturnType();
            if (returned == void.class || isAllowed(returned)) returns.add(returned);
        }
        return returns;
    }

    /** The allowed method name of {@code owner} closest to a mistyped one, for "did you mean". */
    static Optional<String> closestMethod(Class<?> owner, String mistyped) {
        String best = null;
        int bestDistance = 3;
        for (Method method : owner.getMethods()) {
            String name = method.getName();
            if (name.equals(mistyped) || NEVER.contains(name) || !allowedMember(owner, method)) continue;
            if (method.getReturnType() != void.class && !isAllowed(method.getReturnType())) continue;
            int distance = distance(name.toLowerCase(), mistyped.toLowerCase());
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The type of property {@code name} of {@code owner} ({@code getName()}, {@code isOnSale()}, or {@code size()} itself). */
    static Optional<Class<?>> property(Class<?> owner, String name) {
        if (name.isEmpty()) return Optional.empty();
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of("get" + capitalized, "is" + capitalized, name)) {
            Set<Class<?>> returns = methodReturns(owner, candidate, 0, false);
            if (returns.size() == 1 && returns.iterator().next() != void.class) return Optional.of(returns.iterator().next());
        }
        return Optional.empty();
    }

    /** The type of a public constant ({@code DayOfWeek.FRIDAY}, {@code BigDecimal.ZERO}), if allowed. */
    static Optional<Class<?>> constant(Class<?> owner, String name) {
        if (!isAllowed(owner) || owner.isPrimitive()) return Optional.empty();
        try {
            java.lang.reflect.Field field = owner.getField(name);
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && isAllowed(field.getType())) {
                return Optional.of(field.getType());
            }
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean takes(Method method, int arity) {
        int declared = method.getParameterCount();
        return method.isVarArgs() ? arity >= declared - 1 : arity == declared;
    }

    private static boolean allowedMember(Class<?> owner, Method method) {
        Members members = VALUES.get(owner);
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (members != null) {
            // BigDecimal.valueOf(unscaled, scale) could name a number of a billion digits in a few characters.
            if (owner == BigDecimal.class && isStatic && method.getParameterCount() != 1) return false;
            return (isStatic ? members.statics() : members.instance()).contains(method.getName());
        }
        if (owner == Actions.class) {
            return method.getName().equals("promotion");
        }
        if (FACTS.contains(owner) || ACTION_API.contains(owner)) {
            Class<?> declaring = method.getDeclaringClass();
            return declaring == owner || declaring == Object.class && Set.of("equals", "hashCode", "toString").contains(method.getName());
        }
        // java.time: immutable values throughout; their reading of the clock is refused by NEVER.
        return TIME.contains(owner);
    }
}
