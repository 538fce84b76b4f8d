package kupon.promotions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Owner of the table {@code promotion}: stored promotions, searched by status and text. */
@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, String> {

    public List<PromotionEntity> search(PromotionStatus status, String text) {
        Filter filter = filter(status, text, null);
        return find(filter.query(), Sort.by("id"), filter.params()).list();
    }

    /** One page (0-based) of the promotions that match, by id, and how many match in all. */
    public io.quarkus.hibernate.orm.panache.PanacheQuery<PromotionEntity> search(PromotionStatus status, String text, String campaign) {
        Filter filter = filter(status, text, campaign);
        return find(filter.query(), Sort.by("id"), filter.params());
    }

    private record Filter(String query, java.util.Map<String, Object> params) {
    }

    private static Filter filter(PromotionStatus status, String text, String campaign) {
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
        if (campaign != null && !campaign.isBlank()) {
            query.append(" and campaign = :campaign");
            params.put("campaign", campaign);
        }
        return new Filter(query.toString(), params);
    }
}
