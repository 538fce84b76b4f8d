package kupon.rules.sandbox;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import kupon.rules.source.RuleError;
import kupon.rules.api.Actions;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.util.StringUtils;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boundary between rule authors and the server. A DRL file is parsed as Drools parses it, and every
 * piece of code in it (conditions, consequences, functions) is checked on its parsed form against an
 * allow-list: the fact model, the action API and a few value types ({@link AllowedTypes}). Consequences
 * are straight-line calls and functions a single return, so a rule can neither reach the process nor
 * spin or allocate without bound. Files in {@code rules/} and uploads get the same check.
 */
public final class RuleSandbox {

    /** Where a rule's package may be: under kupon.rules, and not in a package of Kupon's own code. */
    private static final Pattern PACKAGE = Pattern.compile("kupon\\.rules(\\.[a-z][a-z0-9_]{0,39}){1,4}");
    private static final Set<String> CODE_PACKAGES = Set.of("kupon.rules.model", "kupon.rules.api", "kupon.rules.sandbox",
            "kupon.rules.decisiontable");

    /** Attributes that only order or group rules; their values are literals. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "date-effective", "date-expires", "enabled", "dialect");

    /** A Java unicode escape: javac would decode it in the code Drools generates, after any check of the text. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
    /** Control characters, and the bidirectional overrides that make code read differently to a reviewer than to javac. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069]");
    /** What a name Drools writes into generated Java as a string (a rule name, an agenda group) may not hold. */
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\"\\\\\\p{Cntrl}]|\\*/");

    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "equals", "hashCode", "toString", "wait", "notify",
            "notifyAll", "clone", "finalize");

    private final String file;
    private final Findings findings;
    private final TypeNames types = new TypeNames();
    private final Map<String, Scope.Function> functions = new LinkedHashMap<>();

    private RuleSandbox(String file, String source) {
        this.file = file;
        this.findings = new Findings(file, source);
    }

    /** Every violation in a DRL file, located; empty when it may be compiled. */
    public static List<RuleError> check(String file, String source) {
        return new RuleSandbox(file, source).check(source);
    }

    private List<RuleError> check(String source) {
        if (!text(source)) return findings.errors();
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of(RuleError.inFile(file, "The file cannot be parsed as DRL: " + Findings.shorten(String.valueOf(e.getMessage()))));
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? Math.max(1, p.getRow()) : 1;
                int column = error instanceof ParserError p ? Math.max(0, p.getCol()) + 1 : 1;
                findings.at(new Findings.Origin(line, column), Findings.shorten(error.getMessage()));
            }
            return findings.errors();
        }
        header(pkg);
        for (FunctionDescr function : pkg.getFunctions()) signature(function);
        for (FunctionDescr function : pkg.getFunctions()) body(function);
        attributes(pkg.getAttributes(), located(pkg));
        for (RuleDescr rule : pkg.getRules()) rule(rule);
        return findings.errors();
    }

    /** Refuses what no parser should be trusted to see the same way javac will. */
    private boolean text(String source) {
        Matcher escape = UNICODE_ESCAPE.matcher(source);
        if (escape.find()) {
            findings.at(findings.ofOffset(escape.start()), "unicode escapes (\\u...) are not allowed in rule files: write the"
                    + " character itself (files are read as UTF-8)");
        }
        Matcher control = CONTROL.matcher(source);
        if (control.find()) {
            findings.at(findings.ofOffset(control.start()), "control characters (such as NUL) and bidirectional overrides are not allowed in rule files");
        }
        if (findings.isEmpty()) {
            Punctuation.Mistake mistake = Punctuation.check(source);
            if (mistake != null) findings.at(findings.ofOffset(mistake.offset()), mistake.message());
        }
        return findings.isEmpty();
    }

    private void header(PackageDescr pkg) {
        String name = pkg.getName() == null ? "" : pkg.getName();
        boolean codePackage = CODE_PACKAGES.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
        if (!PACKAGE.matcher(name).matches() || codePackage) {
            findings.at(located(pkg), "the package must be kupon.rules.<area> (e.g. package kupon.rules.catalog;), and not one of"
                    + " Kupon's own packages (kupon.rules.model, kupon.rules.api)");
        }
        for (ImportDescr imported : pkg.getImports()) {
            String problem = types.addImport(imported.getTarget());
            if (problem != null) findings.at(located(imported), problem);
        }
        refuseAll(pkg.getFunctionImports(), "import function is not allowed: write the function in the file");
        refuseAll(pkg.getAccumulateImports(), "import accumulate is not allowed: use count, sum, average, min, max, collectList or collectSet");
        refuseAll(pkg.getTypeDeclarations(), "declare is not allowed: rules use the fact model (Cart, Line, Customer, EnteredCode, Context, Clock)");
        refuseAll(pkg.getEnumDeclarations(), "declare enum is not allowed in rules");
        refuseAll(pkg.getEntryPointDeclarations(), "entry points are not used by Kupon");
        refuseAll(pkg.getWindowDeclarations(), "windows are not used by Kupon");
        if (pkg.getUnit() != null) findings.at(located(pkg.getUnit()), "rule units are not used by Kupon");
        for (GlobalDescr global : pkg.getGlobals()) {
            boolean actions = global.getIdentifier().equals("actions")
                    && types.resolve(global.getType().strip()).filter(t -> t == Actions.class).isPresent();
            if (!actions) {
                findings.at(located(global), "the only global is the actions API: global kupon.rules.api.Actions actions;");
            }
        }
    }

    private void signature(FunctionDescr function) {
        Findings.Origin at = located(function);
        Optional<Class<?>> returns = typeNamed(function.getReturnType(), at);
        boolean parameters = function.getParameterTypes().stream().allMatch(t -> typeNamed(t, at).isPresent());
        if (OBJECT_METHODS.contains(function.getName())) {
            findings.at(at, "a function cannot be named " + function.getName());
        }
        if (returns.isPresent() && parameters) {
            functions.put(function.getName(), new Scope.Function(function.getName(), returns.get(), function.getParameterTypes().size()));
        }
    }

    private void body(FunctionDescr function) {
        Findings.Origin at = located(function);
        Scope scope = Scope.of(Scope.Place.FUNCTION, types, functions);
        List<String> names = function.getParameterNames();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            types.resolveWritten(function.getParameterTypes().get(i)).ifPresent(t -> scope.bind(names.get(index), t));
        }
        String body = function.getBody() == null ? "" : function.getBody();
        Findings.Origin origin = findings.find(body.strip(), findings.offsetOf(function.getLine(), function.getColumn()), at).inBlock();
        Optional<BlockStmt> block = parseBlock(body.strip(), origin);
        if (block.isEmpty()) return;
        List<Statement> statements = block.get().getStatements();
        if (statements.size() != 1 || !(statements.get(0) instanceof ReturnStmt ret) || ret.getExpression().isEmpty()) {
            findings.at(at, "a function is a single return statement, e.g. function boolean isShoe(Line line) { return line.inCategory(\"shoes\"); }");
            return;
        }
        new CodeChecker(findings, scope, origin).value(ret.getExpression().get());
    }

    private void rule(RuleDescr rule) {
        Findings.Origin at = located(rule);
        if (rule.isQuery()) {
            findings.at(at, "queries are not used by Kupon: write rules that state offers");
            return;
        }
        if (UNSAFE_NAME.matcher(rule.getName()).find()) {
            findings.at(at, "a rule name cannot hold quotes, backslashes, control characters or */");
        }
        if (!rule.getAnnotations().isEmpty()) findings.at(at, "annotations on rules are not allowed");
        if (!rule.getNamedConsequences().isEmpty()) findings.at(at, "named consequences (then[...], do[...]) are not allowed: write one rule per offer");
        attributes(rule.getAttributes().values(), at);
        Scope scope = Scope.of(Scope.Place.CONDITION, types, functions);
        new ConditionChecker(findings).check(rule.getLhs(), scope);
        // The actions are for consequences: a condition that stated offers would make them while merely matching.
        Scope consequence = scope.about(Scope.Place.CONSEQUENCE, null);
        consequence.bind("actions", Actions.class);
        consequence(rule, consequence);
    }

    private void consequence(RuleDescr rule, Scope scope) {
        String text = rule.getConsequence() == null ? "" : rule.getConsequence().toString().strip();
        Findings.Origin at = new Findings.Origin(Math.max(1, rule.getConsequenceLine()), 1);
        Findings.Origin origin = findings.find(text, findings.offsetOf(rule.getLine(), rule.getColumn()), at).inBlock();
        // Drools sends a consequence that mentions modify through another compiler; Kupon's rules never modify facts.
        if (StringUtils.indexOfOutOfQuotes(text, "modify") >= 0) {
            findings.at(origin, "modify is not allowed: rules do not change facts; state offers with actions.promotion(...)");
            return;
        }
        Optional<BlockStmt> block = parseBlock(text, origin);
        if (block.isEmpty()) return;
        CodeChecker checker = new CodeChecker(findings, scope, origin);
        int before = findings.count();
        for (Statement statement : block.get().getStatements()) {
            if (statement instanceof EmptyStmt) continue;
            if (statement instanceof ExpressionStmt expression && expression.getExpression().isMethodCallExpr()) {
                checker.value(expression.getExpression());
            } else {
                findings.at(origin, statement, "a consequence only calls actions, e.g. actions.promotion(\"shoes-10\").percentOffItems(10);"
                        + " " + kind(statement) + " is not allowed");
            }
        }
        if (findings.count() > before) return;
        ConstantArguments constants = new ConstantArguments(findings, origin);
        for (Statement statement : block.get().getStatements()) {
            if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call) constants.check(call);
        }
    }

    private Optional<BlockStmt> parseBlock(String code, Findings.Origin origin) {
        try {
            return Optional.of(DrlxParseUtil.parseBlock(code));
        } catch (ParseProblemException e) {
            Optional<Problem> problem = e.getProblems().stream().findFirst();
            Findings.Origin where = problem.flatMap(Problem::getLocation).map(range -> range.getBegin().getRange())
                    .flatMap(range -> range.map(r -> origin.plus(r.begin))).orElse(origin);
            findings.at(where, "this code is not valid Java: " + problem.map(RuleSandbox::plain).orElse("it cannot be parsed"));
        } catch (RuntimeException e) {
            findings.at(origin, "this code is not valid Java");
        }
        return Optional.empty();
    }

    private static final Pattern FOUND = Pattern.compile("Found (\"[^\"]*\"|<EOF>)");
    private static final Pattern EXPECTED = Pattern.compile("\"([^\"]+)\"");

    /**
     * JavaParser's "Parse error. Found ";", expected one of "," ")" "." ... (40 tokens)" as one sentence an author
     * can act on: what it found and the first few tokens it expected there.
     */
    private static String plain(Problem problem) {
        String message = problem.getMessage();
        Matcher found = FOUND.matcher(message);
        int expectedAt = message.indexOf("expected");
        if (!found.find() || expectedAt < 0) return Findings.shorten(message.lines().findFirst().orElse(""));
        List<String> expected = new java.util.ArrayList<>();
        Matcher token = EXPECTED.matcher(message.substring(expectedAt));
        while (token.find() && expected.size() < 3) expected.add("'" + token.group(1) + "'");
        String what = found.group(1).equals("<EOF>") ? "the end of the code" : "'" + found.group(1).replace("\"", "") + "'";
        return "found " + Findings.shorten(what) + (expected.isEmpty() ? "" : " where " + String.join(" or ", expected)
                + " was expected") + "; check for a missing ')', ';' or quote just before it";
    }

    private void attributes(Collection<AttributeDescr> attributes, Findings.Origin at) {
        for (AttributeDescr attribute : attributes) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            Findings.Origin where = attribute.getLine() > 0 ? located(attribute) : at;
            if (!ATTRIBUTES.contains(name)) {
                findings.at(where, "the attribute " + Findings.shorten(name) + " is not allowed in rules (timers, calendars and durations are not used by Kupon)");
            } else if (name.equals("salience") && !value.matches("-?\\d{1,9}")) {
                findings.at(where, "salience must be a whole number; better, give the promotion a priority with .priority(...)");
            } else if (name.equals("dialect") && !value.equals("java")) {
                findings.at(where, "only the java dialect is allowed in rules");
            } else if (name.equals("enabled") && !value.equals("true") && !value.equals("false")) {
                findings.at(where, "enabled must be true or false");
            } else if (UNSAFE_NAME.matcher(value).find()) {
                findings.at(where, "the value of " + name + " cannot hold quotes, backslashes, control characters or */");
            }
        }
    }

    private Optional<Class<?>> typeNamed(String written, Findings.Origin at) {
        Optional<Class<?>> type = types.resolveWritten(written);
        if (type.isEmpty()) findings.at(at, "the type " + Findings.shorten(String.valueOf(written)) + " is not allowed in rules");
        return type;
    }

    private void refuseAll(Collection<? extends BaseDescr> descrs, String message) {
        for (BaseDescr descr : descrs) findings.at(located(descr), message);
    }

    private static Findings.Origin located(BaseDescr descr) {
        return new Findings.Origin(Math.max(1, descr.getLine()), Math.max(0, descr.getColumn()) + 1);
    }

    private static String kind(Statement statement) {
        String kind = statement.getClass().getSimpleName().replace("Stmt", "");
        return switch (kind) {
            case "Expression" -> "an expression that is not a call";
            case "For", "ForEach", "While", "Do" -> "a loop";
            case "If", "Switch" -> "a branch (put conditions in the when part)";
            default -> "a " + kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " statement";
        };
    }
}
