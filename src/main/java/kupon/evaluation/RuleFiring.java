package kupon.evaluation;

import kupon.rules.api.Actions;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
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

    /** @param what names the rule set in log lines */
    static List<String> fire(KieBase kieBase, boolean declaresActions, CheckoutFacts facts, Actions actions,
                             int maxFirings, Duration maxTime, String what) {
        List<String> fired = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            if (declaresActions) {
                session.setGlobal("actions", actions);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
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
                int count = session.fireAllRules(match -> System.nanoTime() < deadline, maxFirings);
                if (count >= maxFirings || System.nanoTime() >= deadline) {
                    LOG.warnf("%s was stopped after %d firings: a rule probably triggers itself again; the offers made so far are used",
                            what, count);
                }
            } catch (RuntimeException e) {
                // A rule that throws (a bad amount, a malformed id) is the rule author's bug; checkout keeps working
                // with the offers made before it, and the log says which rule to fix.
                LOG.errorf("%s: a rule failed and was skipped, the offers made before it are used: %s", what, e.getMessage());
            }
        } finally {
            session.dispose();
        }
        return fired;
    }
}
