package kupon.codes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kupon.customers.EmailNormalizer;
import kupon.database.Sql;
import kupon.promotions.PromotionService;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

/**
 * Owner of the table {@code promotion_code}: every write of a code goes through here: creating one or a chunk of a
 * batch, switching one off, an order's use and a cancel's release, and removing the codes of a deleted promotion.
 */
@ApplicationScoped
public class CodeLedger {

    /** The limits and dates every code of a batch shares. */
    public record BatchTerms(String promotionId, String batchId, Integer maxUses, Integer perCustomer,
                             Instant startsAt, Instant expiresAt) {
    }

    private final Sql sql;

    public CodeLedger(Sql sql) {
        this.sql = sql;
    }

    /** Stores the code; false when it is taken (by any promotion). The primary key decides, so two concurrent creates cannot both win. */
    public boolean create(String promotionId, CodeService.NewCode code) {
        return sql.update("Storing code " + code.code(), """
                INSERT INTO promotion_code (code, promotion_id, status, max_uses, per_customer, customer_id, email, starts_at, expires_at)
                VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO NOTHING""",
                PromoCode.normalize(code.code()), promotionId, code.maxUses(), code.perCustomer(), code.customerId(),
                EmailNormalizer.normalize(code.email()), code.startsAt(), code.expiresAt()) == 1;
    }

    /** Inserts the codes of a chunk that are free; how many were. */
    public int insertBatchChunk(Connection connection, BatchTerms terms, Collection<String> codes) throws SQLException {
        return Sql.update(connection, """
                INSERT INTO promotion_code (code, promotion_id, status, max_uses, per_customer, starts_at, expires_at, batch_id)
                SELECT code, ?, 'ACTIVE', ?::int, ?::int, ?, ?, ? FROM unnest(?::text[]) AS code
                ON CONFLICT (code) DO NOTHING""",
                terms.promotionId(), terms.maxUses(), terms.perCustomer(), terms.startsAt(), terms.expiresAt(),
                terms.batchId(), codes);
    }

    /** Takes back the codes written for a batch whose promotion went away while it ran. */
    public void deleteBatch(Connection connection, String batchId) throws SQLException {
        Sql.update(connection, "DELETE FROM promotion_code WHERE batch_id = ?", batchId);
    }

    /** Switches a stored (normalized) code off; false when there is none. */
    public boolean deactivate(String code) {
        return sql.update("Deactivating code " + code, "UPDATE promotion_code SET status = 'INACTIVE' WHERE code = ?", code) == 1;
    }

    /** Counts one more use of the code, in the caller's transaction, if it still has one; false, and nothing changed, if not. */
    public boolean consume(Connection connection, String code) throws SQLException {
        return Sql.update(connection, """
                UPDATE promotion_code SET uses = uses + 1
                 WHERE code = ? AND status = 'ACTIVE' AND (max_uses IS NULL OR uses < max_uses)""", code) == 1;
    }

    /** Gives back a use, for a cancelled order. */
    public void release(Connection connection, String code) throws SQLException {
        Sql.update(connection, "UPDATE promotion_code SET uses = GREATEST(uses - 1, 0) WHERE code = ?", code);
    }

    /** Codes carry no foreign key (see migration V9): a promotion's are removed in the transaction that deletes it. */
    void onPromotionDeleted(@Observes PromotionService.Deleted deleted) {
        sql.update("Deleting the codes of promotion " + deleted.promotionId(),
                "DELETE FROM promotion_code WHERE promotion_id = ?", deleted.promotionId());
    }
}
