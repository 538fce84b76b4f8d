package kupon.rules;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Stores rule set versions so version numbers only grow, across restarts and nodes. */
@ApplicationScoped
public class RuleSetVersionRepository implements PanacheRepositoryBase<RuleSetVersionEntity, Long> {

    /** The version number for these sources: the latest version if it has the same content, else a new one. */
    public long versionFor(String contentHash, List<RuleSet.SourceInfo> sources) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RuleSetVersionEntity latest = find("order by version desc").firstResult();
            if (latest != null && latest.contentHash.equals(contentHash)) {
                return latest.version;
            }
            RuleSetVersionEntity created = new RuleSetVersionEntity();
            created.contentHash = contentHash;
            created.sources = sources;
            created.createdAt = Instant.now();
            persist(created);
            return created.version;
        });
    }
}
