package kupon.promotions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Stored promotions, and the revision counter every node polls to notice a change. */
@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, String> {

    public List<PromotionEntity> search(PromotionStatus status, String text) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (text != null && !text.isBlank()) {
            query.append(" and (lower(id) like :text or lower(name) like :text or lower(campaign) like :text)");
            params.put("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return find(query.toString(), Sort.by("id"), params).list();
    }

    /** Deletes a promotion and its codes (codes carry no foreign key: see migration V9); false when there was none. */
    public boolean deleteWithCodes(String id) {
        getEntityManager().createNativeQuery("DELETE FROM promotion_code WHERE promotion_id = ?1").setParameter(1, id).executeUpdate();
        return deleteById(id);
    }

    /** Counts one more change and tells every node (on commit); called in the transaction of every promotion write. */
    public void bumpRevision() {
        getEntityManager().createNativeQuery("UPDATE catalog_revision SET revision = revision + 1").executeUpdate();
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_notify('kupon_rules', 'promotions')) AS notified").getSingleResult();
    }
}
