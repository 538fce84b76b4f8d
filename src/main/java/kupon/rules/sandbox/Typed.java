package kupon.rules.sandbox;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a piece of rule code denotes, as far as the sandbox needs to know: a value of one of a few
 * allowed classes, an allowed type (the scope of a static call), the start of a qualified name
 * ({@code java.time}), or nothing more to say because an error was already reported there.
 */
record Typed(Kind kind, Set<Class<?>> classes, String name) {

    enum Kind { VALUE, TYPE, PACKAGE, INVALID }

    static final Typed INVALID = new Typed(Kind.INVALID, Set.of(), null);

    static Typed value(Class<?> type) {
        return new Typed(Kind.VALUE, Set.of(type), null);
    }

    static Typed value(Set<Class<?>> types) {
        return types.isEmpty() ? INVALID : new Typed(Kind.VALUE, Set.copyOf(types), null);
    }

    static Typed type(Class<?> type) {
        return new Typed(Kind.TYPE, Set.of(type), type.getCanonicalName());
    }

    static Typed pkg(String name) {
        return new Typed(Kind.PACKAGE, Set.of(), name);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** Either this or that: the union of what each may be. */
    Typed or(Typed that) {
        if (!is(Kind.VALUE) || !that.is(Kind.VALUE)) return INVALID;
        Set<Class<?>> both = new LinkedHashSet<>(classes);
        both.addAll(that.classes);
        return value(both);
    }

    boolean mayBe(Class<?> type) {
        return classes.contains(type);
    }

    String describe() {
        if (kind == Kind.TYPE || kind == Kind.PACKAGE) return name;
        return classes.stream().map(Class::getSimpleName).sorted().reduce((a, b) -> a + " or " + b).orElse("?");
    }
}
