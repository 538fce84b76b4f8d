package kupon.rules.sandbox;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the type names of one DRL file resolve, as javac and Drools resolve them: a single-type import
 * first, then {@code java.lang}, then the packages imported with {@code .*}. Only allowed types can be
 * imported, so a name either means an allowed type or nothing.
 */
final class TypeNames {

    /** Packages a file may import with {@code .*}. */
    static final Set<String> ON_DEMAND_PACKAGES = Set.of("kupon.rules.model", "kupon.rules.api", "java.time");

    private final Map<String, Class<?>> imported = new HashMap<>();
    private final List<String> onDemand = new ArrayList<>();

    /** Records an import; the reason it is refused, or null. */
    String addImport(String target) {
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            if (!ON_DEMAND_PACKAGES.contains(pkg)) {
                return "import " + target + " is not allowed: import kupon.rules.model.*, kupon.rules.api.* or java.time.*,"
                        + " or a single allowed type such as java.math.BigDecimal or java.util.List";
            }
            onDemand.add(pkg);
            return null;
        }
        Optional<Class<?>> type = AllowedTypes.byCanonicalName(target);
        if (type.isEmpty()) {
            return "import " + target + " is not allowed: rules may use the fact model (kupon.rules.model), the actions API"
                    + " (kupon.rules.api), String, BigDecimal, java.time and immutable List, Set and Map";
        }
        imported.put(type.get().getSimpleName(), type.get());
        return null;
    }

    /** The allowed type a simple, nested ({@code BuyGet.Buy}) or qualified ({@code java.time.DayOfWeek}) name means. */
    Optional<Class<?>> resolve(String name) {
        Optional<Class<?>> qualified = AllowedTypes.byCanonicalName(name);
        if (qualified.isPresent()) return qualified;
        int dot = name.indexOf('.');
        Optional<Class<?>> first = simple(dot < 0 ? name : name.substring(0, dot));
        if (first.isEmpty() || dot < 0) return first;
        return AllowedTypes.byCanonicalName(first.get().getCanonicalName() + name.substring(dot));
    }

    /**
     * The allowed class a written type means: a class or interface whose type arguments are allowed too
     * ({@code java.util.List<String>}), or a primitive. Arrays, wildcards and the like are not.
     */
    Optional<Class<?>> resolve(Type type) {
        if (type instanceof PrimitiveType primitive) {
            return Optional.of(switch (primitive.getType()) {
                case BOOLEAN -> boolean.class;
                case CHAR -> char.class;
                case BYTE -> byte.class;
                case SHORT -> short.class;
                case INT -> int.class;
                case LONG -> long.class;
                case FLOAT -> float.class;
                case DOUBLE -> double.class;
            });
        }
        if (!(type instanceof ClassOrInterfaceType named)) return Optional.empty();
        for (Type argument : named.getTypeArguments().orElse(new NodeList<>())) {
            if (resolve(argument).isEmpty()) return Optional.empty();
        }
        return resolve(named.getNameWithScope());
    }

    /** The allowed class a type written in DRL means ({@code boolean}, {@code String}, {@code void} for a function). */
    Optional<Class<?>> resolveWritten(String written) {
        if (written == null) return Optional.empty();
        if (written.strip().equals("void")) return Optional.of(void.class);
        try {
            return new JavaParser().parseType(written.strip()).getResult().flatMap(this::resolve);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when {@code qualified} starts the canonical name of an allowed type ({@code java}, {@code java.time}). */
    static boolean isPackagePrefix(String qualified) {
        return AllowedTypes.all().stream().anyMatch(t -> t.getCanonicalName().startsWith(qualified + "."));
    }

    private Optional<Class<?>> simple(String name) {
        Class<?> single = imported.get(name);
        if (single != null) return Optional.of(single);
        Optional<Class<?>> lang = AllowedTypes.byCanonicalName("java.lang." + name);
        if (lang.isPresent()) return lang;
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : onDemand) AllowedTypes.byCanonicalName(pkg + "." + name).ifPresent(found::add);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
