package kupon.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kupon.auth.Allowed;
import kupon.auth.Role;
import kupon.inventory.Inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/inventory}: the stock of SKUs that promotions give away, as the shop's inventory system reports it, so
 * that a free gift out of stock is not promised. Lines in a cart carry their own stock; this is for gifts not in it.
 */
@Path("/api/v1/inventory")
@Allowed(Role.MARKETER)
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    static final int MAX_ITEMS = 10_000;
    private static final int MAX_AVAILABLE = 1_000_000_000;

    /** A SKU and how many units of it can be given away now. */
    public record StockInput(String sku, Integer available) {
    }

    /** The body of a PUT: up to 10,000 SKUs. */
    public record StockUpdate(List<StockInput> items) {
    }

    /** What a PUT stored. */
    public record Stored(int items) {
    }

    private final Inventory inventory;

    public InventoryResource(Inventory inventory) {
        this.inventory = inventory;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Stored put(StockUpdate update) {
        BodyCheck.check(update);
        List<FieldError> errors = new ArrayList<>();
        List<StockInput> items = update == null ? null : update.items();
        if (items == null) {
            throw new InvalidRequestException(List.of(new FieldError("items", "is required: [{\"sku\": \"TOTE-1\", \"available\": 0}, …]")));
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidRequestException(List.of(new FieldError("items", "has " + items.size() + " items; send at most "
                    + MAX_ITEMS + " per call, in several calls")));
        }
        List<Inventory.Item> valid = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            StockInput item = items.get(i);
            if (item == null) {
                errors.add(new FieldError(at, "must be an object with sku and available"));
                continue;
            }
            if (item.sku() == null || item.sku().isBlank()) errors.add(new FieldError(at + ".sku", "is required"));
            else FieldLimits.text(at + ".sku", item.sku(), FieldLimits.ID, errors);
            if (item.available() == null) errors.add(new FieldError(at + ".available", "is required: the units that can be given away, 0 when none"));
            else if (item.available() < 0 || item.available() > MAX_AVAILABLE) {
                errors.add(new FieldError(at + ".available", "must be between 0 and " + MAX_AVAILABLE));
            }
            if (errors.isEmpty()) valid.add(new Inventory.Item(item.sku(), item.available(), null));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        inventory.put(valid);
        return new Stored(valid.size());
    }

    @GET
    @Path("/{sku}")
    public Inventory.Item get(@PathParam("sku") String sku) {
        return inventory.find(sku).orElseThrow(() -> new NotFoundException(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("NOT_FOUND", "No stock recorded for SKU '" + FieldLimits.excerpt(sku)
                        + "'; a SKU never reported is taken to be in stock. PUT /api/v1/inventory records it")).build()));
    }
}
