package kupon.rules;

/** A located problem in a rule source: file, line and column (1-based, 0 when unknown) and what is wrong. */
public record RuleError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
