-- Stock of the SKUs promotions give away (free gifts) that may not be in the cart, as the shop's inventory system
-- last reported it through PUT /api/v1/inventory. Lines in a cart carry their own stock (inStock, availableQuantity).
CREATE TABLE inventory_item (
    sku        TEXT        PRIMARY KEY,
    available  INT         NOT NULL CHECK (available >= 0),
    updated_at TIMESTAMPTZ NOT NULL
);
