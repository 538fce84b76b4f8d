package kupon.evaluation;

import kupon.rules.RuleFailures;
import kupon.rules.RuleProblem;
import kupon.rules.api.Actions;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fires a KieBase once on a cart's facts, within a bound of firings and time, and says which rules fired. */
final class RuleFiring {

    private static final Logger LOG = Logger.getLogger(RuleFiring.class);

    private RuleFiring() {
    }

    /**
     * @param what names the rule set in log lines
     * @param problems receives the rule that failed, if one did
     */
    static List<String> fire(KieBase kieBase, boolean declaresActions, CheckoutFacts facts, Actions actions,
                             int maxFirings, Duration maxTime, String what, List<RuleProblem> problems) {
        List<String> fired = new ArrayList<>();
        String[] firing = new String[1];
        KieSession session = kieBase.newKieSession();
        try {
            if (declaresActions) {
                session.setGlobal("actions", actions);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    firing[0] = event.getMatch().getRule().getName();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firing[0] = null;
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(facts.cart());
            facts.lines().forEach(session::insert);
            session.insert(facts.customer());
            facts.codes().forEach(session::insert);
            session.insert(facts.context());
            session.insert(facts.clock());
            long deadline = System.nanoTime() + maxTime.toNanos();
            try {
                int count = RuleFailures.collectInto(problems, () -> session.fireAllRules(match -> System.nanoTime() < deadline, maxFirings));
                if (count >= maxFirings || System.nanoTime() >= deadline) {
                    LOG.warnf("%s was stopped after %d firings: a rule probably triggers itself again; the offers made so far are used",
                            what, count);
                }
            } catch (RuntimeException e) {
                // A rule that throws (a bad amount, a malformed id) is the rule author's bug; checkout keeps working
                // with the offers made before it, and the log says which rule to fix.
                // A KieBase built by Kupon records failing rules and goes on (RuleFailures); one built otherwise throws.
                problems.add(new RuleProblem(firing[0], null, RuleFailures.rootMessage(e)));
            }
        } finally {
            session.dispose();
        }
        return fired;
    }
}
