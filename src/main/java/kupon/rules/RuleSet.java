package kupon.rules;

import kupon.rules.source.RuleSourceKind;
import kupon.rules.source.RuleSource;
import kupon.promotions.PromotionCatalog;
import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;

/**
 * An immutable rule set version: the KieBase compiled from rule files, the catalog of active JSON
 * promotions, and what both were built from. A new version replaces the active one as a whole.
 */
public record RuleSet(long version, KieBase kieBase, List<SourceInfo> sources, String sourcesHash,
                      boolean declaresActions, PromotionCatalog promotions, String promotionsHash, Instant compiledAt) {

    /** A source as shown to people: name, kind and SHA-256 of the content. */
    public record SourceInfo(String name, RuleSourceKind kind, String sha256) {
    }

    public RuleSet {
        sources = List.copyOf(sources);
    }

    /** One hash for everything this version was built from. */
    public String contentHash() {
        return RuleSource.sha256((sourcesHash + "\n" + promotionsHash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
