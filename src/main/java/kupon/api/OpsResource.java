package kupon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.orders.LedgerConsistency;

/** Checks for operators: {@code GET /api/v1/ops/consistency} compares every counter with the order ledger. */
@Path("/api/v1/ops")
@Allowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    private final LedgerConsistency consistency;

    public OpsResource(LedgerConsistency consistency) {
        this.consistency = consistency;
    }

    @GET
    @Path("/consistency")
    public LedgerConsistency.Report consistency() {
        return consistency.check();
    }
}
