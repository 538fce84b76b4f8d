package kupon.rules.sandbox;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the conditions of a rule: every pattern is about a fact of the model (or, with {@code from},
 * {@code accumulate} or {@code collect}, an allowed value type), every constraint passes
 * {@link CodeChecker}, and what a rule binds is a fact or one of its properties — never a computed value,
 * which a chain of patterns could otherwise double in size at each step.
 */
final class ConditionChecker {

    private static final Map<String, Class<?>> ACCUMULATE_FUNCTIONS = Map.of("count", Long.class, "sum", Number.class,
            "average", Number.class, "min", Number.class, "max", Number.class, "collectList", List.class, "collectSet", Set.class);

    private final Findings findings;

    ConditionChecker(Findings findings) {
        this.findings = findings;
    }

    void check(BaseDescr descr, Scope scope) {
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr || descr instanceof ExistsDescr
                || descr instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) check(child, scope);
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, scope);
        } else if (descr instanceof EvalDescr eval) {
            Findings.Origin at = located(eval);
            String content = String.valueOf(eval.getContent());
            expression(content, findings.find(content, findings.offsetOf(eval.getLine(), eval.getColumn()), at), scope.about(Scope.Place.CONDITION, null));
        } else {
            findings.at(located(descr), describe(descr) + " is not allowed in rules; use patterns, not, exists, forall, or, eval,"
                    + " from, accumulate and collect");
        }
    }

    private void pattern(PatternDescr pattern, Scope scope) {
        Findings.Origin at = located(pattern);
        if (!pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty()) {
            findings.at(at, "annotations and windows on patterns are not allowed in rules");
        }
        String typeName = pattern.getObjectType();
        if (typeName == null || typeName.isBlank() || typeName.startsWith("/") || pattern.isQuery()) {
            findings.at(at, "this pattern is not allowed: write a fact type with constraints, e.g. Line( inCategory(\"shoes\") )");
            return;
        }
        Optional<Class<?>> type = scope.types.resolve(typeName.strip());
        PatternSourceDescr source = pattern.getSource();
        if (type.isEmpty()) {
            if (pattern.getIdentifier() != null) scope.bind(pattern.getIdentifier(), Scope.UNKNOWN);
            at = findings.find(typeName.strip(), findings.offsetOf(pattern.getLine(), pattern.getColumn()), at);
            findings.at(at, "the type " + Findings.shorten(typeName) + " is not allowed in rules: match Cart, Line, Customer,"
                    + " EnteredCode, Context or Clock");
            return;
        }
        if (source == null && !AllowedTypes.isFact(type.get())) {
            findings.at(at, type.get().getSimpleName() + " is not a fact Kupon inserts: match Cart, Line, Customer, EnteredCode,"
                    + " Context or Clock, or use it with from, accumulate or collect");
        }
        if (source != null) source(source, scope, at);
        if (pattern.getIdentifier() != null) scope.bind(pattern.getIdentifier(), type.get());
        Scope constraints = scope.about(Scope.Place.CONDITION, type.get());
        int from = findings.offsetOf(pattern.getLine(), pattern.getColumn());
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                constraint(expr.getExpression(), null, findings.find(expr.getExpression(), from, located(expr)), constraints);
            } else if (constraint instanceof BindingDescr binding) {
                constraint(binding.getExpression(), binding.getVariable(), findings.find(binding.getExpression(), from, located(binding)), constraints);
            } else {
                findings.at(located(constraint), describe(constraint) + " is not allowed in a pattern");
            }
        }
    }

    private void source(PatternSourceDescr source, Scope scope, Findings.Origin at) {
        if (source instanceof FromDescr from) {
            String expression = from.getExpression();
            Optional<DrlxExpression> parsed = parse(expression, at);
            if (parsed.isEmpty()) return;
            if (!isPath(parsed.get().getExpr())) {
                findings.at(at, "from takes a bound fact's property, e.g. from $customer.segments");
                return;
            }
            new CodeChecker(findings, scope.about(Scope.Place.CONDITION, null), findings.find(expression, 0, at)).value(parsed.get().getExpr());
        } else if (source instanceof GroupByDescr) {
            findings.at(at, "groupby is not allowed in rules: use accumulate with count, sum, average, min, max, collectList or collectSet");
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, scope, at);
        } else if (source instanceof CollectDescr collect) {
            check(collect.getInputPattern(), scope.nested());
        } else {
            findings.at(at, describe(source) + " is not allowed in rules (entry points and windows are not used by Kupon)");
        }
    }

    private void accumulate(AccumulateDescr accumulate, Scope scope, Findings.Origin at) {
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getReverseCode() != null
                || accumulate.getResultCode() != null || accumulate.getFunctions().isEmpty()) {
            findings.at(at, "accumulate with init/action/result code is not allowed: use count, sum, average, min, max,"
                    + " collectList or collectSet");
            return;
        }
        Scope input = scope.nested();
        if (accumulate.getInput() != null) check(accumulate.getInput(), input);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            Class<?> result = ACCUMULATE_FUNCTIONS.get(function.getFunction());
            if (result == null) {
                findings.at(at, "the accumulate function " + Findings.shorten(String.valueOf(function.getFunction()))
                        + " is not allowed: use count, sum, average, min, max, collectList or collectSet");
                continue;
            }
            for (String parameter : function.getParams()) expression(parameter, findings.find(parameter, 0, at), input.about(Scope.Place.CONDITION, null));
            if (function.getBind() != null) scope.bind(function.getBind(), result);
        }
    }

    private void constraint(String text, String variable, Findings.Origin at, Scope scope) {
        Optional<DrlxExpression> parsed = parse(text, at);
        if (parsed.isEmpty()) return;
        Expression expression = parsed.get().getExpr();
        CodeChecker checker = new CodeChecker(findings, scope, at);
        String bind = variable != null ? variable : parsed.get().getBind() == null ? null : parsed.get().getBind().asString();
        if (bind == null) {
            checker.value(expression);
            return;
        }
        Expression bound = boundPart(expression);
        if (!isPath(bound)) {
            findings.at(at, "a binding names a fact or a property ($q : quantity), not a computed value");
            return;
        }
        Typed typed = checker.value(expression);
        Typed boundType = bound == expression ? typed : checker.value(bound);
        if (boundType.is(Typed.Kind.VALUE)) scope.bind(bind, boundType.classes().size() == 1 ? boundType.classes().iterator().next() : Object.class);
    }

    /** What {@code $q : quantity > 2} binds: the left of a comparison. */
    private static Expression boundPart(Expression expression) {
        if (expression instanceof BinaryExpr binary && binary.getOperator() != BinaryExpr.Operator.PLUS
                && binary.getOperator() != BinaryExpr.Operator.MINUS) return boundPart(binary.getLeft());
        if (expression instanceof PointFreeExpr op) return op.getLeft();
        if (expression instanceof HalfBinaryExpr) return expression;
        return expression;
    }

    /** A name, {@code this}, or properties and no-argument calls on one: nothing computed. */
    static boolean isPath(Expression expression) {
        if (expression instanceof EnclosedExpr enclosed) return isPath(enclosed.getInner());
        if (expression instanceof NameExpr || expression instanceof ThisExpr) return true;
        if (expression instanceof FieldAccessExpr access) return isPath(access.getScope());
        if (expression instanceof NullSafeFieldAccessExpr access) return isPath(access.getScope());
        if (expression instanceof MethodCallExpr call) return call.getArguments().isEmpty() && call.getScope().map(ConditionChecker::isPath).orElse(true);
        return false;
    }

    private void expression(String text, Findings.Origin at, Scope scope) {
        parse(text, at).ifPresent(parsed -> new CodeChecker(findings, scope, at).value(parsed.getExpr()));
    }

    private Optional<DrlxExpression> parse(String text, Findings.Origin at) {
        try {
            return Optional.of(DrlxParseUtil.parseExpression(text));
        } catch (RuntimeException e) {
            findings.at(at, "this condition cannot be read: " + Findings.shorten(text));
            return Optional.empty();
        }
    }

    private Findings.Origin located(BaseDescr descr) {
        return new Findings.Origin(Math.max(1, descr.getLine()), Math.max(0, descr.getColumn()) + 1);
    }

    static String describe(Object descr) {
        return descr.getClass().getSimpleName().replace("Descr", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

}
