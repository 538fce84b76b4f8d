package kupon.rules.sandbox;

import kupon.rules.source.RuleError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The second line of the sandbox: the bytecode Drools generated from rule files is read before any of it is
 * loaded, and a class made from a rule that refers to the process, files, network, threads, reflection, the
 * engine's own entry points or Kupon's internals refuses the whole module. {@link RuleSandbox} already refuses
 * every rule that could produce such code; this catches what a difference between its parsing and Drools'
 * might let through.
 */
public final class GeneratedCodeCheck {

    /** Where the classes made from rule files live (their package is the rule file's, forced under kupon.rules). */
    private static final String RULE_CLASSES = "kupon/rules/";

    /** Classes (with their nested classes), and packages where the name ends in / or $. */
    private static final List<String> FORBIDDEN_TYPES = List.of(
            "java/lang/Runtime", "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ProcessHandle", "java/lang/Thread",
            "java/lang/ThreadGroup", "java/lang/ClassLoader", "java/lang/Module", "java/lang/ModuleLayer",
            "java/lang/SecurityManager", "java/lang/StackWalker", "java/lang/System$", "java/lang/ref/", "java/lang/reflect/",
            "java/lang/management/", "java/lang/instrument/", "java/lang/invoke/VarHandle", "java/lang/invoke/MethodHandleProxies",
            "java/io/", "java/nio/", "java/net/", "java/sql/", "java/rmi/", "java/beans/", "java/security/", "java/awt/",
            "java/applet/", "java/util/concurrent/", "java/util/prefs/", "java/util/jar/", "java/util/zip/", "java/util/logging/",
            "java/util/spi/", "java/util/Formatter", "java/util/Scanner", "java/util/ServiceLoader", "java/util/Timer",
            "java/util/TimerTask",
            "javax/", "sun/", "jdk/", "com/sun/", "org/kie/api/KieServices", "org/kie/api/runtime/", "org/kie/api/builder/", "org/kie/api/KieBase",
            "org/drools/compiler/", "org/drools/kiesession/", "org/mvel2/", "org/objectweb/", "com/github/", "io/", "org/jboss/",
            "org/hibernate/", "org/postgresql/", "kupon/");

    private static final Set<String> ALLOWED_TYPES = Set.of("java/io/Serializable");

    /** The methods of these classes generated rule code may call; any other is refused. */
    private static final Map<String, Set<String>> RESTRICTED_CALLS = Map.of(
            "java/lang/System", Set.of("arraycopy", "identityHashCode", "nanoTime", "currentTimeMillis", "lineSeparator"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getCanonicalName", "isInstance", "cast", "isAssignableFrom",
                    "equals", "hashCode", "toString", "isEnum", "isArray", "isPrimitive", "getComponentType", "desiredAssertionStatus"),
            "java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString", "getClass"),
            "java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants", "makeConcat"),
            "java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory"));

    private GeneratedCodeCheck() {
    }

    /**
     * What the rule classes of a compiled module refer to that rules may not use; empty when it may be loaded.
     * {@code files} names the rule files, for the errors.
     */
    public static List<RuleError> violations(byte[] kjar, String files) {
        List<GeneratedCode> classes = GeneratedCode.of(kjar);
        Set<String> own = classes.stream().map(c -> c.name).collect(Collectors.toSet());
        Set<String> refused = new LinkedHashSet<>();
        for (GeneratedCode code : classes) {
            if (!code.name.startsWith(RULE_CLASSES)) continue;
            for (String type : code.types) {
                if (!own.contains(type) && !allowedType(type)) refused.add(type.replace('/', '.'));
            }
            for (GeneratedCode.Call call : code.calls) {
                if (!allowedCall(call)) refused.add(call.owner().replace('/', '.') + "." + call.name());
            }
        }
        List<RuleError> errors = new ArrayList<>();
        for (String what : refused) {
            errors.add(RuleError.inFile(files, "The code Drools generated from these rules uses " + what
                    + ", which rules may not use; nothing was loaded. Check the rules against docs/rules.md \"What rule code may use\""));
        }
        return errors;
    }

    private static boolean allowedType(String type) {
        if (ALLOWED_TYPES.contains(type)) return true;
        if (type.startsWith("kupon/")) {
            return AllowedTypes.all().stream().anyMatch(t -> type.equals(t.getName().replace('.', '/')));
        }
        return FORBIDDEN_TYPES.stream().noneMatch(forbidden -> forbidden.endsWith("/") || forbidden.endsWith("$")
                ? type.startsWith(forbidden) : type.equals(forbidden) || type.startsWith(forbidden + "$"));
    }

    private static boolean allowedCall(GeneratedCode.Call call) {
        Set<String> allowed = RESTRICTED_CALLS.get(call.owner());
        if (allowed != null) return allowed.contains(call.name());
        if (call.owner().startsWith("java/lang/invoke/")) return false;
        return !Set.of("wait", "notify", "notifyAll").contains(call.name()) || !call.owner().startsWith("java/");
    }
}
