package kupon.rules;

import kupon.rules.source.RuleSource;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * While a rollback pins the rule files, notices the files in the rules folder and uploads that differ from the
 * pinned ones, so that saving a file during a rollback is reported (log, {@code GET /api/v1/rulesets/active})
 * instead of silently ignored. Each distinct difference is logged once.
 */
public final class PinWatch {

    private static final Logger LOG = Logger.getLogger(PinWatch.class);

    /** A live file that does not serve because of the rollback. */
    public record Unserved(String file, Change change) {
    }

    /** How the live file differs from the one the pinned version serves. */
    public enum Change { ADDED, CHANGED, REMOVED }

    private volatile List<Unserved> unserved = List.of();

    List<Unserved> unserved() {
        return unserved;
    }

    /** Compares what serves ({@code pinned}) with the live files; clears the report when nothing is pinned. */
    void check(Long pinnedVersion, List<RuleSource> pinned, List<RuleSource> live) {
        if (pinnedVersion == null) {
            unserved = List.of();
            return;
        }
        List<Unserved> now = differences(pinned, live);
        if (!now.equals(unserved) && !now.isEmpty()) {
            LOG.warnf("The rule set is pinned to version %d by a rollback, so these rule files do not serve: %s."
                    + " POST /api/v1/rulesets/reload (admin) ends the rollback and serves the files as they are now.",
                    pinnedVersion, now.stream().map(u -> u.file() + " " + u.change().name().toLowerCase()).toList());
        }
        unserved = now;
    }

    static List<Unserved> differences(List<RuleSource> pinned, List<RuleSource> live) {
        Map<String, String> served = new HashMap<>();
        pinned.forEach(s -> served.put(s.name(), s.sha256()));
        List<Unserved> found = new ArrayList<>();
        for (RuleSource source : live) {
            String sha = served.remove(source.name());
            if (sha == null) found.add(new Unserved(source.name(), Change.ADDED));
            else if (!sha.equals(source.sha256())) found.add(new Unserved(source.name(), Change.CHANGED));
        }
        served.keySet().stream().sorted().forEach(name -> found.add(new Unserved(name, Change.REMOVED)));
        found.sort(java.util.Comparator.comparing(Unserved::file));
        return List.copyOf(found);
    }
}
