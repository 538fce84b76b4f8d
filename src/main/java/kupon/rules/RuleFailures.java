package kupon.rules;

import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

import java.util.List;
import java.util.function.Supplier;

/**
 * What happens when a rule's consequence throws on a cart: the failure is recorded as a {@link RuleProblem} and the
 * other rules go on firing, instead of the exception ending the firing of every rule after it. Every KieBase Kupon
 * builds uses it ({@link RuleSetCompiler}); the evaluation firing the rules says where the problems go.
 */
public final class RuleFailures implements ConsequenceExceptionHandler {

    private static final ThreadLocal<List<RuleProblem>> SINK = new ThreadLocal<>();

    /** Runs {@code firing} on this thread, adding the rules that fail to {@code problems}. */
    public static <T> T collectInto(List<RuleProblem> problems, Supplier<T> firing) {
        List<RuleProblem> previous = SINK.get();
        SINK.set(problems);
        try {
            return firing.get();
        } finally {
            if (previous == null) SINK.remove();
            else SINK.set(previous);
        }
    }

    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        List<RuleProblem> problems = SINK.get();
        RuleProblem problem = new RuleProblem(match.getRule().getName(), null, rootMessage(exception));
        if (problems == null) throw new IllegalStateException(problem.message(), exception);
        problems.add(problem);
    }

    /** What went wrong, without the engine's wrapping ("Exception executing consequence for rule ..."). */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
