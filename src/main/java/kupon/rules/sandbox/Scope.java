package kupon.rules.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What names mean where a piece of rule code stands: the kind of code it is, the fact a constraint is
 * about, the variables bound before it, the file's functions and its type names.
 */
final class Scope {

    /** The kinds of rule code, each with its own rules (a condition may name its fact's properties; a function calls no function). */
    enum Place { CONDITION, CONSEQUENCE, FUNCTION }

    /** A {@code function} of the file: what it returns and how many arguments it takes. */
    record Function(String name, Class<?> returns, int arity) {
    }

    /** The type of a variable whose pattern was already refused: its uses raise no second error. */
    static final Class<?> UNKNOWN = Void.class;

    final Place place;
    final TypeNames types;
    private final Class<?> fact;
    private final Map<String, Class<?>> variables;
    private final Map<String, Function> functions;

    private Scope(Place place, TypeNames types, Class<?> fact, Map<String, Class<?>> variables, Map<String, Function> functions) {
        this.place = place;
        this.types = types;
        this.fact = fact;
        this.variables = variables;
        this.functions = functions;
    }

    static Scope of(Place place, TypeNames types, Map<String, Function> functions) {
        return new Scope(place, types, null, new LinkedHashMap<>(), functions);
    }

    /** The same variables (shared: a binding made in a constraint is seen by what follows), about another fact. */
    Scope about(Place place, Class<?> fact) {
        return new Scope(place, types, fact, variables, functions);
    }

    /** A scope whose new bindings stay inside it, as those in an accumulate's source. */
    Scope nested() {
        return new Scope(place, types, fact, new LinkedHashMap<>(variables), functions);
    }

    void bind(String name, Class<?> type) {
        variables.put(name, type);
    }

    Optional<Class<?>> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    Optional<Function> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** The fact whose properties bare names mean, in a constraint. */
    Optional<Class<?>> fact() {
        return Optional.ofNullable(fact);
    }
}
