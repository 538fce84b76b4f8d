package kupon.evaluation;

/** No rule set has compiled yet, so nothing can be evaluated; answered with 503. */
public class NoActiveRuleSetException extends RuntimeException {

    public NoActiveRuleSetException() {
        super("No rule set is active yet: the rule files have errors. GET /api/v1/rulesets/active lists them; fix and save, the folder reloads on its own.");
    }
}
