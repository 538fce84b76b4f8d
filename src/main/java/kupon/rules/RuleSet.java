package kupon.rules;

import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;

/**
 * An immutable, compiled rule set: the KieBase every evaluation opens a session on, its version
 * and what it was built from. A new version replaces the active one as a whole.
 */
public record RuleSet(long version, KieBase kieBase, List<SourceInfo> sources, String contentHash,
                      Instant compiledAt, boolean declaresActions) {

    /** A source as shown to people: name, kind and SHA-256 of the content. */
    public record SourceInfo(String name, RuleSourceKind kind, String sha256) {
    }

    public RuleSet {
        sources = List.copyOf(sources);
    }
}
