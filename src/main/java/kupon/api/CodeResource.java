package kupon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.codes.CodeService;
import kupon.orders.OrderService;
import kupon.codes.PromoCode;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/codes/{code}}: what a code is, how often it was used, and switching it off. */
@Path("/api/v1/codes/{code}")
@Allowed(Role.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
public class CodeResource {

    /** A code as shown to marketers. */
    public record CodeView(String code, String promotionId, String status, int uses, Integer maxUses, Integer perCustomer,
                           String customerId, String email, Instant startsAt, Instant expiresAt,
                           List<OrderService.CodeOrder> orders) {
        static CodeView of(PromoCode c, List<OrderService.CodeOrder> orders) {
            return new CodeView(c.code(), c.promotionId(), c.status().name(), c.uses(), c.maxUses(), c.perCustomer(),
                    c.customerId(), c.email(), c.startsAt(), c.expiresAt(), orders);
        }
    }

    private final CodeService codes;
    private final OrderService orders;

    public CodeResource(CodeService codes, OrderService orders) {
        this.orders = orders;
        this.codes = codes;
    }

    @GET
    public CodeView get(@PathParam("code") String code) {
        return codes.find(code).map(c -> CodeView.of(c, orders.ordersUsing(c.code()))).orElseThrow(() -> notFound(code));
    }

    @POST
    @Path("/deactivate")
    public CodeView deactivate(@PathParam("code") String code) {
        if (!codes.deactivate(code)) throw notFound(code);
        return get(code);
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("NOT_FOUND", "No code '" + FieldLimits.excerpt(code) + "'")).build());
    }
}
