package kupon.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.database.Sql;
import kupon.promotions.PromotionService;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Owner of the table {@code catalog_revision}: one number that every change to what the rule set is built from
 * (a promotion, a rule file, a pin) moves in its own transaction, and tells every node about on commit
 * ({@link RuleChangeListener}). Nodes that miss the notification see the number move at their next poll.
 */
@ApplicationScoped
public class CatalogRevision {

    private final Sql sql;

    public CatalogRevision(Sql sql) {
        this.sql = sql;
    }

    public long current() {
        return sql.one("Reading the catalog revision", "SELECT revision FROM catalog_revision", row -> row.getLong(1)).orElse(0L);
    }

    /** Why the revision last moved: what a node that builds the change records, whichever node made it. */
    public java.util.Optional<VersionCause> lastCause() {
        return sql.one("Reading the catalog revision", "SELECT cause, changed_by, restores FROM catalog_revision",
                row -> row.getString(1) == null ? null
                        : new VersionCause(VersionCause.Kind.valueOf(row.getString(1)), row.getString(2), (Long) row.getObject(3)));
    }

    /** Moves the revision in the caller's transaction, with its cause; the cause's kind is the notification's text. */
    static void bump(Connection connection, VersionCause cause) throws SQLException {
        Sql.update(connection, "UPDATE catalog_revision SET revision = revision + 1, cause = ?, changed_by = ?, restores = ?::bigint",
                cause.kind().name(), cause.by(), cause.restores());
        Sql.one(connection, "SELECT pg_notify('" + RuleChangeListener.CHANNEL + "', ?)", row -> null, cause.kind().name());
    }

    void onPromotionChanged(@Observes PromotionService.Changed change) {
        sql.transaction("Moving the catalog revision", c -> {
            bump(c, PROMOTIONS);
            return null;
        });
    }

    static final VersionCause PROMOTIONS = VersionCause.of(VersionCause.Kind.PROMOTIONS, "promotions API");
}
