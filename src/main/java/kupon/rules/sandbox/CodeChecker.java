package kupon.rules.sandbox;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.Type;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.InlineCastExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.drools.mvel.parser.ast.expr.TemporalLiteralExpr;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one expression of rule code, parsed as Drools parses it, against the allow-list: every name
 * must be a bound variable, a property of the fact, a function of the file or an allowed type, and
 * every member and constructor must be one {@link AllowedTypes} lists. Anything it does not know is
 * refused, so a construct added to Java or Drools later is refused until someone allows it here.
 */
final class CodeChecker {

    /** The DRL operators a constraint may use; {@code matches} is not one: a regular expression can run for minutes. */
    private static final Set<String> OPERATORS = Set.of("contains", "excludes", "memberOf", "soundslike", "str", "in",
            "after", "before", "coincides", "during", "finishes", "finishedby", "includes", "meets", "metby", "overlaps",
            "overlappedby", "starts", "startedby");

    private static final Set<BinaryExpr.Operator> BINARY = Set.of(BinaryExpr.Operator.OR, BinaryExpr.Operator.AND,
            BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.LESS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS);

    /** A decimal a rule may write as a BigDecimal: plain digits, no exponent that could stand for a billion of them. */
    static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,10})?");

    private static final String ALLOWED = "; rules may use the fact model, the actions API and a few methods of String,"
            + " BigDecimal, java.time and collections, listed in docs/rules.md (What rule code may use)";

    private static final Set<String> ENGINE = Set.of("drools", "kcontext", "kieRuntime", "channels");
    private static final Set<String> FACT_CHANGES = Set.of("insert", "insertLogical", "update", "modify", "delete", "retract");

    private final Findings findings;
    private final Scope scope;
    private final Findings.Origin origin;
    private int functionArguments;

    CodeChecker(Findings findings, Scope scope, Findings.Origin origin) {
        this.findings = findings;
        this.scope = scope;
        this.origin = origin;
    }

    /** Checks {@code e} and says what it is; errors go to the findings. */
    Typed check(Expression e) {
        if (e instanceof EnclosedExpr enclosed) return check(enclosed.getInner());
        if (e instanceof StringLiteralExpr || e instanceof CharLiteralExpr) return Typed.value(e instanceof CharLiteralExpr ? char.class : String.class);
        if (e instanceof IntegerLiteralExpr) return Typed.value(int.class);
        if (e instanceof LongLiteralExpr || e instanceof TemporalLiteralExpr) return Typed.value(long.class);
        if (e instanceof DoubleLiteralExpr) return Typed.value(double.class);
        if (e instanceof BooleanLiteralExpr) return Typed.value(boolean.class);
        if (e instanceof NullLiteralExpr) return Typed.value(Object.class);
        if (e instanceof BigDecimalLiteralExpr literal) return bigDecimal(literal, literal.getValue());
        if (e instanceof NameExpr name) return name(name);
        if (e instanceof ThisExpr && scope.place == Scope.Place.CONDITION && scope.fact().isPresent()) return Typed.value(scope.fact().get());
        if (e instanceof FieldAccessExpr access) return member(access, check(access.getScope()), access.getNameAsString());
        if (e instanceof NullSafeFieldAccessExpr access) return member(access, check(access.getScope()), access.getNameAsString());
        if (e instanceof MethodCallExpr call) return call(call, call.getScope(), call.getNameAsString(), call.getArguments());
        if (e instanceof NullSafeMethodCallExpr call) return call(call, call.getScope(), call.getNameAsString(), call.getArguments());
        if (e instanceof BinaryExpr binary) return binary(binary);
        if (e instanceof UnaryExpr unary) return unary(unary);
        if (e instanceof ConditionalExpr conditional) {
            value(conditional.getCondition());
            return value(conditional.getThenExpr()).or(value(conditional.getElseExpr()));
        }
        if (e instanceof CastExpr cast) return cast(cast, cast.getType(), cast.getExpression());
        if (e instanceof InlineCastExpr cast) return cast(cast, cast.getType(), cast.getExpression());
        if (e instanceof InstanceOfExpr test) {
            if (test.getPattern().isPresent()) return refuse(test, "instanceof with a pattern variable is not allowed; bind the fact in a pattern instead");
            value(test.getExpression());
            return type(test, test.getType()).map(t -> Typed.value(boolean.class)).orElse(Typed.INVALID);
        }
        if (e instanceof ObjectCreationExpr creation) return creation(creation);
        if (e instanceof PointFreeExpr op) {
            operator(op, op.getOperator().asString());
            value(op.getLeft());
            op.getRight().forEach(this::value);
            return Typed.value(boolean.class);
        }
        if (e instanceof HalfPointFreeExpr op) {
            operator(op, op.getOperator().asString());
            op.getRight().forEach(this::value);
            return Typed.value(boolean.class);
        }
        if (e instanceof HalfBinaryExpr half) {
            value(half.getRight());
            return Typed.value(boolean.class);
        }
        return refuse(e, describe(e) + " is not allowed in rules: a rule reads facts, compares values and calls actions"
                + " (docs/rules.md, What rule code may use)");
    }

    /** Like {@link #check}, for a place where only a value makes sense (not a bare type or package). */
    Typed value(Expression e) {
        Typed typed = check(e);
        if (typed.is(Typed.Kind.TYPE) || typed.is(Typed.Kind.PACKAGE)) {
            return refuse(e, "'" + e + "' is a type, not a value");
        }
        return typed;
    }

    private Typed name(NameExpr name) {
        String n = name.getNameAsString();
        if (name instanceof DrlNameExpr drl && drl.getBackReferencesCount() > 0) return refuse(name, "back references (../) are not allowed");
        Optional<Class<?>> variable = scope.variable(n);
        if (variable.isPresent()) return variable.get() == Scope.UNKNOWN ? Typed.INVALID : Typed.value(variable.get());
        if (scope.place == Scope.Place.CONDITION && scope.fact().isPresent()) {
            Optional<Class<?>> property = AllowedTypes.property(scope.fact().get(), n);
            if (property.isPresent()) return Typed.value(property.get());
        }
        Optional<Class<?>> type = scope.types.resolve(n);
        if (type.isPresent()) return Typed.type(type.get());
        if (TypeNames.isPackagePrefix(n)) return Typed.pkg(n);
        if (ENGINE.contains(n)) return refuse(name, "'" + n + "' gives access to the rule engine and is not allowed; state offers with actions.promotion(...)");
        String about = scope.fact().map(f -> ", a property of " + f.getSimpleName()).orElse("");
        return refuse(name, "'" + n + "' is not a variable bound in this rule" + about + " or an allowed type"
                + " (the fact model, the actions API, String, BigDecimal, java.time, List, Set, Map, Math)");
    }

    private Typed member(Node node, Typed scopeType, String name) {
        switch (scopeType.kind()) {
            case INVALID:
                return Typed.INVALID;
            case PACKAGE: {
                String qualified = scopeType.name() + "." + name;
                Optional<Class<?>> type = AllowedTypes.byCanonicalName(qualified);
                if (type.isPresent()) return Typed.type(type.get());
                if (TypeNames.isPackagePrefix(qualified)) return Typed.pkg(qualified);
                return refuse(node, qualified + " is not an allowed type" + ALLOWED);
            }
            case TYPE: {
                Class<?> owner = scopeType.classes().iterator().next();
                Optional<Class<?>> constant = AllowedTypes.constant(owner, name);
                if (constant.isPresent()) return Typed.value(constant.get());
                Optional<Class<?>> nested = AllowedTypes.byCanonicalName(owner.getCanonicalName() + "." + name);
                if (nested.isPresent()) return Typed.type(nested.get());
                if (name.equals("class")) return refuse(node, ".class is not allowed in rules" + ALLOWED);
                return refuse(node, owner.getSimpleName() + "." + name + " is not an allowed constant" + ALLOWED);
            }
            default: {
                Set<Class<?>> types = new LinkedHashSet<>();
                for (Class<?> owner : scopeType.classes()) {
                    Optional<Class<?>> property = AllowedTypes.property(owner, name);
                    if (property.isEmpty()) return refuse(node, owner.getSimpleName() + " has no property '" + name + "' a rule may read");
                    types.add(property.get());
                }
                return Typed.value(types);
            }
        }
    }

    private Typed call(Node call, Optional<Expression> target, String name, List<Expression> arguments) {
        Optional<Scope.Function> function = target.isEmpty() ? scope.function(name) : Optional.empty();
        if (function.isPresent()) {
            // Functions cannot call functions, nor be nested in each other's arguments: with either, a few lines
            // could double a string thirty times over.
            if (scope.place == Scope.Place.FUNCTION) return refuse(call, "a function cannot call a function");
            if (functionArguments > 0) return refuse(call, "a function call cannot be an argument of another function call");
            functionArguments++;
            arguments.forEach(this::value);
            functionArguments--;
            if (function.get().arity() != arguments.size()) {
                return refuse(call, "function " + name + " takes " + function.get().arity() + " argument(s)");
            }
            return Typed.value(function.get().returns());
        }
        arguments.forEach(this::value);
        if (target.isEmpty()) {
            if (scope.place == Scope.Place.CONDITION && scope.fact().isPresent()) {
                Set<Class<?>> returns = AllowedTypes.methodReturns(scope.fact().get(), name, arguments.size(), false);
                if (!returns.isEmpty()) return Typed.value(returns);
            }
            if (FACT_CHANGES.contains(name)) {
                return refuse(call, name + "(...) is not allowed: rules do not change facts; state offers with actions.promotion(...)");
            }
            return refuse(call, name + "(...) is not a function of this file" + scope.fact().map(f -> " nor a method of " + f.getSimpleName()).orElse("")
                    + " a rule may call");
        }
        Typed on = check(target.get());
        switch (on.kind()) {
            case INVALID:
                return Typed.INVALID;
            case PACKAGE:
                return refuse(call, on.name() + " is not an allowed type" + ALLOWED);
            case TYPE: {
                Class<?> owner = on.classes().iterator().next();
                Set<Class<?>> returns = AllowedTypes.methodReturns(owner, name, arguments.size(), true);
                if (returns.isEmpty()) return refuse(call, owner.getSimpleName() + "." + name + "(...) is not allowed in rules" + suggestion(owner, name));
                return Typed.value(returns);
            }
            default: {
                Set<Class<?>> returns = new LinkedHashSet<>();
                for (Class<?> owner : on.classes()) {
                    Set<Class<?>> found = AllowedTypes.methodReturns(owner, name, arguments.size(), false);
                    if (found.isEmpty()) return refuse(call, name + "(...) on " + owner.getSimpleName() + " is not allowed in rules" + suggestion(owner, name));
                    returns.addAll(found);
                }
                return Typed.value(returns);
            }
        }
    }

    /** A closer name if there is one, else where the list of what rules may call is. */
    private static String suggestion(Class<?> owner, String name) {
        return AllowedTypes.closestMethod(owner, name).map(m -> "; did you mean " + m + "(...)?").orElse(ALLOWED);
    }

    private Typed binary(BinaryExpr binary) {
        if (!BINARY.contains(binary.getOperator())) {
            return refuse(binary, "the operator " + binary.getOperator().asString() + " is not allowed in rules; compare values,"
                    + " or use + and - (Kupon's pricing does the arithmetic on money)");
        }
        Typed left = value(binary.getLeft());
        Typed right = value(binary.getRight());
        if (COMPARISONS.contains(binary.getOperator())) {
            // Drools turns "100" into a number for a numeric field, but "lots" only fails deep inside the compiler.
            for (Expression[] pair : new Expression[][] {{binary.getLeft(), binary.getRight()}, {binary.getRight(), binary.getLeft()}}) {
                Typed other = pair[0] == binary.getLeft() ? left : right;
                if (pair[1] instanceof StringLiteralExpr text && isNumeric(other) && !DECIMAL_TEXT.matcher(text.asString().strip()).matches()) {
                    String named = pair[0] instanceof com.github.javaparser.ast.expr.NameExpr name ? name.getNameAsString() : "the value compared";
                    return refuse(pair[1], named + " is a number: compare it with a number such as 100 or \"100.00\", not \""
                            + Findings.shorten(text.asString()) + "\"");
                }
            }
        }
        if (binary.getOperator() == BinaryExpr.Operator.PLUS && (left.mayBe(String.class) || right.mayBe(String.class))) {
            return Typed.value(String.class);
        }
        if (binary.getOperator() == BinaryExpr.Operator.PLUS || binary.getOperator() == BinaryExpr.Operator.MINUS) {
            return Typed.value(Set.of(BigDecimal.class, long.class));
        }
        return Typed.value(boolean.class);
    }

    private static final Set<BinaryExpr.Operator> COMPARISONS = Set.of(BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.GREATER, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER_EQUALS);
    private static final java.util.regex.Pattern DECIMAL_TEXT = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private static boolean isNumeric(Typed typed) {
        return !typed.classes().isEmpty() && typed.classes().stream().allMatch(type -> type == BigDecimal.class || type == int.class
                || type == long.class || type == Integer.class || type == Long.class || type == double.class || type == Double.class);
    }

    private Typed unary(UnaryExpr unary) {
        UnaryExpr.Operator op = unary.getOperator();
        if (op != UnaryExpr.Operator.MINUS && op != UnaryExpr.Operator.PLUS && op != UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return refuse(unary, "the operator " + op.asString() + " is not allowed in rules");
        }
        return value(unary.getExpression());
    }

    private Typed cast(Node node, Type type, Expression expression) {
        value(expression);
        return type(node, type).map(Typed::value).orElse(Typed.INVALID);
    }

    private Typed creation(ObjectCreationExpr creation) {
        Optional<Class<?>> type = creation.getScope().isPresent() || creation.getAnonymousClassBody().isPresent()
                ? Optional.empty() : scope.types.resolve(creation.getType().getNameWithScope());
        if (type.isEmpty() || type.get() != BigDecimal.class || creation.getArguments().size() != 1) {
            return refuse(creation, "new " + creation.getType() + "(...) is not allowed in rules; the only object a rule may create"
                    + " is new BigDecimal(\"12.50\"), and amounts are better given to actions as text");
        }
        Expression argument = creation.getArgument(0);
        if (argument instanceof StringLiteralExpr text) return bigDecimal(creation, text.asString());
        if (argument instanceof IntegerLiteralExpr) return Typed.value(BigDecimal.class);
        return refuse(creation, "new BigDecimal(...) takes a literal such as \"12.50\" or 12");
    }

    private Typed bigDecimal(Node node, String literal) {
        String digits = literal.endsWith("B") ? literal.substring(0, literal.length() - 1) : literal;
        if (!PLAIN_DECIMAL.matcher(digits).matches()) {
            return refuse(node, "the number " + Findings.shorten(literal) + " is not a plain decimal of at most 20 digits and 10 decimals");
        }
        return Typed.value(BigDecimal.class);
    }

    private void operator(Node node, String operator) {
        if (operator.equals("matches")) {
            refuse(node, "matches (regular expressions) is not allowed: a pattern can take minutes on a hostile cart;"
                    + " use ==, in, str[startsWith], str[endsWith] or contains");
        } else if (!OPERATORS.contains(operator)) {
            refuse(node, "the operator " + operator + " is not allowed in rules");
        }
    }

    /** The allowed class a written type means ({@code BigDecimal}, {@code java.util.List<String>}, {@code int}). */
    Optional<Class<?>> type(Node at, Type type) {
        Optional<Class<?>> resolved = scope.types.resolve(type);
        if (resolved.isEmpty()) refuse(at, "the type " + Findings.shorten(type.asString()) + " is not allowed in rules" + ALLOWED);
        return resolved;
    }

    private Typed refuse(Node node, String message) {
        // A call in a chain spread over lines starts where the chain does: point at the method's own name instead.
        findings.at(origin, node instanceof com.github.javaparser.ast.expr.MethodCallExpr call ? call.getName() : node, message);
        return Typed.INVALID;
    }

    private static String describe(Node node) {
        String kind = node.getClass().getSimpleName().replaceAll("(Expr|Expression|Stmt)$", "");
        return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " '" + Findings.shorten(node.toString()) + "'";
    }
}
