package kupon.promotions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates, changes and retires promotions. Every write fires {@link Changed} inside its transaction: the catalog
 * revision moves in that same transaction (kupon.rules.CatalogRevision), so every node sees it must rebuild, and
 * observers after commit rebuild this node at once.
 */
@ApplicationScoped
public class PromotionService {

    /** Fired inside the transaction of every promotion write; observed during it and after its commit. */
    public record Changed(String promotionId) {
    }

    /** Fired inside the transaction that deletes a promotion, for what belongs to it (its codes). */
    public record Deleted(String promotionId) {
    }

    /** Why a write could not be done. */
    public static class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    private final PromotionRepository repository;
    private final Event<Changed> changed;
    private final Event<Deleted> deleted;

    public PromotionService(PromotionRepository repository, Event<Changed> changed, Event<Deleted> deleted) {
        this.repository = repository;
        this.changed = changed;
        this.deleted = deleted;
    }

    public List<Promotion> search(PromotionStatus status, String text) {
        return repository.search(status, text).stream().map(e -> PromotionJson.read(e.definition)).toList();
    }

    /** A page of promotions that match, by id, with how many match in all. */
    public record Found(List<Promotion> promotions, long total) {
    }

    /** Promotions by status, text in id, name or campaign, and exact campaign; page is 0-based. */
    public Found page(PromotionStatus status, String text, String campaign, int page, int size) {
        var query = repository.search(status, text, campaign);
        List<Promotion> found = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(e -> PromotionJson.read(e.definition)).toList();
        return new Found(found, query.count());
    }

    /** The campaigns promotions name, for filters. */
    public List<String> campaigns() {
        return repository.getEntityManager().createQuery(
                "select distinct p.campaign from PromotionEntity p where p.campaign is not null order by p.campaign", String.class)
                .setMaxResults(500).getResultList();
    }

    public Optional<Promotion> find(String id) {
        return repository.findByIdOptional(id).map(e -> PromotionJson.read(e.definition));
    }

    /** Stores a new promotion; its id must be free. */
    @Transactional
    public Promotion create(Promotion promotion) {
        if (repository.findById(promotion.id()) != null) {
            throw new ConflictException("A promotion with id '" + promotion.id() + "' exists; choose another id or PUT to change it");
        }
        PromotionEntity entity = new PromotionEntity();
        entity.id = promotion.id();
        entity.createdAt = Instant.now();
        write(entity, promotion);
        repository.persist(entity);
        return committed(promotion);
    }

    /** Replaces a promotion's definition; empty when there is no such promotion. */
    @Transactional
    public Optional<Promotion> replace(Promotion promotion) {
        return repository.findByIdOptional(promotion.id()).map(entity -> {
            write(entity, promotion);
            return committed(promotion);
        });
    }

    @Transactional
    public Optional<Promotion> changeStatus(String id, PromotionStatus status) {
        return repository.findByIdOptional(id).map(entity -> {
            Promotion updated = PromotionJson.read(entity.definition).withStatus(status);
            write(entity, updated);
            return committed(updated);
        });
    }

    @Transactional
    public boolean delete(String id) {
        if (!repository.deleteById(id)) return false;
        deleted.fire(new Deleted(id));
        changed.fire(new Changed(id));
        return true;
    }

    private void write(PromotionEntity entity, Promotion promotion) {
        entity.name = promotion.name();
        entity.status = promotion.status();
        entity.campaign = promotion.campaign();
        entity.definition = PromotionJson.write(promotion);
        entity.updatedAt = Instant.now();
    }

    private Promotion committed(Promotion promotion) {
        changed.fire(new Changed(promotion.id()));
        return promotion;
    }
}
