package kupon.rules.sandbox;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import kupon.rules.api.Actions;
import kupon.rules.api.BuyGet;
import kupon.rules.api.Items;
import kupon.rules.api.PromotionOffer;
import kupon.rules.api.Tiers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks at compile time the values a consequence states as constants, by making the same calls on a scratch
 * {@link Actions} that the rule makes when it fires: {@code percentOffItems(150)} is refused at its line with the
 * message evaluation would have logged, instead of compiling and silently dropping the promotion at every cart.
 * Calls with values known only when the rule fires (a fact, a variable) are left out, and nothing else is run:
 * the calls were allowed by {@link CodeChecker} first, and the action API computes nothing but the offer it states.
 */
final class ConstantArguments {

    private static final Map<String, Class<?>> STATIC_API = Map.of("Items", Items.class, "Tiers", Tiers.class, "BuyGet", BuyGet.class);
    private static final Object UNKNOWN = new Object();

    private final Findings findings;
    private final Findings.Origin origin;

    ConstantArguments(Findings findings, Findings.Origin origin) {
        this.findings = findings;
        this.origin = origin;
    }

    /** Makes the calls of one statement {@code actions.promotion(..).x(..).y(..)} whose arguments are constants. */
    void check(MethodCallExpr statement) {
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression at = statement;
        while (at instanceof MethodCallExpr call) {
            chain.add(0, call);
            at = call.getScope().orElse(null);
        }
        if (!(at instanceof NameExpr root) || !root.getNameAsString().equals("actions")) return;
        Object receiver = new Actions();
        for (MethodCallExpr call : chain) {
            Object[] arguments = call.getArguments().stream().map(this::value).toArray();
            if (Arrays.asList(arguments).contains(UNKNOWN)) {
                // Fluent calls return the offer itself; anything else cannot be followed without this value.
                if (!(receiver instanceof PromotionOffer)) return;
                continue;
            }
            Optional<Object> next = invoke(receiver, call, arguments);
            if (next.isEmpty()) return;
            receiver = next.get();
            if (receiver instanceof PromotionOffer offer && !builds(offer, call)) return;
        }
    }

    /** Builds the offer as evaluation will, so a reward refused there (150%) is refused at the call that stated it. */
    private boolean builds(PromotionOffer offer, MethodCallExpr call) {
        try {
            offer.toOffer();
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            refuse(call, e);
            return false;
        }
    }

    private Optional<Object> invoke(Object receiver, MethodCallExpr call, Object[] arguments) {
        Class<?> type = receiver instanceof Class<?> c ? c : receiver.getClass();
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(call.getNameAsString()) || method.getDeclaringClass() == Object.class) continue;
            if (receiver instanceof Class<?> != Modifier.isStatic(method.getModifiers())) continue;
            Object[] fitted = fit(method, arguments);
            if (fitted == null) continue;
            try {
                return Optional.ofNullable(method.invoke(receiver instanceof Class<?> ? null : receiver, fitted));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException) {
                    refuse(call, e.getCause());
                }
                return Optional.empty();
            } catch (IllegalAccessException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void refuse(MethodCallExpr call, Throwable problem) {
        String what = call.getNameAsString() + "(" + Findings.shorten(call.getArguments().toString().replaceAll("^\\[|]$", "")) + ")";
        findings.at(origin, call.getName(), what + " would be refused every time the rule fires: "
                + Findings.shorten(String.valueOf(problem.getMessage())));
    }

    /** The arguments converted to the method's parameters, or null when they do not fit. */
    private static Object[] fit(Method method, Object[] arguments) {
        Class<?>[] parameters = method.getParameterTypes();
        if (method.isVarArgs()) {
            int fixed = parameters.length - 1;
            if (arguments.length < fixed) return null;
            Class<?> element = parameters[fixed].getComponentType();
            Object array = java.lang.reflect.Array.newInstance(element, arguments.length - fixed);
            for (int i = fixed; i < arguments.length; i++) {
                Object value = convert(arguments[i], element);
                if (value == UNKNOWN) return null;
                java.lang.reflect.Array.set(array, i - fixed, value);
            }
            Object[] fitted = new Object[parameters.length];
            for (int i = 0; i < fixed; i++) {
                fitted[i] = convert(arguments[i], parameters[i]);
                if (fitted[i] == UNKNOWN) return null;
            }
            fitted[fixed] = array;
            return fitted;
        }
        if (parameters.length != arguments.length) return null;
        Object[] fitted = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            fitted[i] = convert(arguments[i], parameters[i]);
            if (fitted[i] == UNKNOWN) return null;
        }
        return fitted;
    }

    private static Object convert(Object value, Class<?> parameter) {
        if (value == null) return parameter.isPrimitive() ? UNKNOWN : null;
        if (parameter == int.class || parameter == Integer.class) {
            return value instanceof Integer ? value : UNKNOWN;
        }
        if (parameter == long.class || parameter == Long.class) {
            return value instanceof Integer i ? Long.valueOf(i) : value instanceof Long ? value : UNKNOWN;
        }
        if (parameter == boolean.class || parameter == Boolean.class) return value instanceof Boolean ? value : UNKNOWN;
        return parameter.isInstance(value) ? value : UNKNOWN;
    }

    /** The value of a constant expression, or {@link #UNKNOWN}. */
    private Object value(Expression expression) {
        if (expression instanceof StringLiteralExpr s) return s.asString();
        if (expression instanceof IntegerLiteralExpr i) {
            Number n = i.asNumber();
            return n instanceof Integer ? n : UNKNOWN;
        }
        if (expression instanceof LongLiteralExpr l) return l.asNumber();
        if (expression instanceof DoubleLiteralExpr d) return d.asDouble();
        if (expression instanceof BooleanLiteralExpr b) return b.getValue();
        if (expression instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
            Object inner = value(u.getExpression());
            if (inner instanceof Integer i) return -i;
            if (inner instanceof Long l) return -l;
            if (inner instanceof Double d) return -d;
            return UNKNOWN;
        }
        if (expression instanceof ObjectCreationExpr created && created.getType().getNameAsString().equals("BigDecimal")
                && created.getArguments().size() == 1 && created.getArguments().get(0) instanceof StringLiteralExpr s) {
            try {
                return new BigDecimal(s.asString());
            } catch (NumberFormatException e) {
                return UNKNOWN; // CodeChecker reports a malformed decimal
            }
        }
        if (expression instanceof MethodCallExpr call && call.getScope().orElse(null) instanceof NameExpr scope
                && STATIC_API.containsKey(scope.getNameAsString())) {
            Object[] arguments = call.getArguments().stream().map(this::value).toArray();
            if (Arrays.asList(arguments).contains(UNKNOWN)) return UNKNOWN;
            return invoke(STATIC_API.get(scope.getNameAsString()), call, arguments).orElse(UNKNOWN);
        }
        if (expression instanceof MethodCallExpr call && call.getScope().isPresent()) {
            // A call on a constant (Items.categories("x").excludeBrands("y")) is itself constant.
            // Only the action API's own values are called: a String method on a constant could be made to allocate.
            Object target = value(call.getScope().get());
            if (target == UNKNOWN || target == null || !target.getClass().getPackageName().equals("kupon.rules.api")) return UNKNOWN;
            Object[] arguments = call.getArguments().stream().map(this::value).toArray();
            if (Arrays.asList(arguments).contains(UNKNOWN)) return UNKNOWN;
            return invoke(target, call, arguments).orElse(UNKNOWN);
        }
        return UNKNOWN;
    }
}
