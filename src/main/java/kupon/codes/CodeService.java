package kupon.codes;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates codes for promotions, shows them, and switches them off. */
@ApplicationScoped
public class CodeService {

    /** What a marketer sends to create one code. */
    public record NewCode(String code, Integer maxUses, Integer perCustomer, String customerId, String email,
                          Instant startsAt, Instant expiresAt) {
    }

    private final CodeLookup lookup;
    private final CodeLedger ledger;

    public CodeService(CodeLookup lookup, CodeLedger ledger) {
        this.lookup = lookup;
        this.ledger = ledger;
    }

    /** Stores the code; false when it is taken (by any promotion). The database decides, so two concurrent creates cannot both win. */
    public boolean create(String promotionId, NewCode code) {
        return ledger.create(promotionId, code);
    }

    public Optional<PromoCode> find(String code) {
        String normalized = PromoCode.normalize(code);
        return Optional.ofNullable(lookup.findFresh(List.of(normalized)).get(normalized));
    }

    public boolean deactivate(String code) {
        String normalized = PromoCode.normalize(code);
        boolean changed = ledger.deactivate(normalized);
        lookup.forget(normalized);
        return changed;
    }
}
