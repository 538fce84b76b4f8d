package kupon.rules;

import jakarta.inject.Inject;
import kupon.database.Sql;
import kupon.events.EventType;
import kupon.events.Outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import kupon.promotions.PromotionCatalog;

import java.time.Instant;
import java.util.List;

/** Stores rule set versions so version numbers only grow, across restarts and nodes. */
@ApplicationScoped
public class RuleSetVersionRepository implements PanacheRepositoryBase<RuleSetVersionEntity, Long> {

    /** The data of {@code ruleset.activated}. */
    record Activated(long version, String cause, String by, Long restores, int promotions, int ruleFiles) {
    }

    @Inject
    Sql sql;

    @Inject
    Outbox outbox;

    /** The newest versions first. */
    public List<RuleSetVersionEntity> latest(int count) {
        return find("order by version desc").page(0, count).list();
    }

    /**
     * The version number for these sources: the latest version if it has the same content, else a new one that
     * records its cause and what changed against the latest (files always; promotions when {@code before} is known).
     */
    long versionFor(String contentHash, List<RuleSet.SourceInfo> sources, PromotionCatalog before,
                    PromotionCatalog after, VersionCause cause) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Nodes building the same change at the same moment take turns, so they agree on its number.
            getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7130001)) AS locked").getSingleResult();
            RuleSetVersionEntity latest = find("order by version desc").firstResult();
            if (latest != null && latest.contentHash.equals(contentHash)) {
                return latest.version;
            }
            RuleSetVersionEntity created = new RuleSetVersionEntity();
            created.contentHash = contentHash;
            created.sources = sources;
            created.promotions = after.size();
            created.createdAt = Instant.now();
            created.createdBy = cause.by();
            created.cause = cause.kind().name();
            created.restores = cause.restores();
            created.changes = VersionChanges.between(latest == null ? List.of() : latest.sources, sources,
                    before == null ? (latest == null ? List.of() : null) : before.all(), after.all());
            persist(created);
            flush();
            // Announced in the transaction that records the version: a version that did not commit is never announced.
            sql.transaction("Announcing rule set version " + created.version, c -> {
                outbox.add(c, new Outbox.Event(EventType.RULESET_ACTIVATED, "ruleset", new Activated(created.version,
                        created.cause, created.createdBy, created.restores, created.promotions, sources.size())));
                return null;
            });
            return created.version;
        });
    }
}
