-- Every order checkout commits, with or without promotions: the ledger analytics and fraud checks read.
CREATE TABLE orders (
    order_id          TEXT PRIMARY KEY,
    request_hash      TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PLACED', 'CANCELLED')),
    customer_id       TEXT,
    email             TEXT,
    ip                TEXT,
    channel           TEXT,
    source            TEXT,
    campaign          TEXT,
    currency          TEXT        NOT NULL,
    subtotal          NUMERIC(20, 4) NOT NULL,
    discount_total    NUMERIC(20, 4) NOT NULL,
    shipping          NUMERIC(20, 4) NOT NULL,
    shipping_discount NUMERIC(20, 4) NOT NULL,
    tax               NUMERIC(20, 4) NOT NULL,
    total             NUMERIC(20, 4) NOT NULL,
    rule_set_version  BIGINT      NOT NULL,
    response          JSONB       NOT NULL,
    placed_at         TIMESTAMPTZ NOT NULL,
    cancelled_at      TIMESTAMPTZ
);

CREATE INDEX orders_customer ON orders (customer_id, placed_at) WHERE customer_id IS NOT NULL;
CREATE INDEX orders_email ON orders (email, placed_at) WHERE email IS NOT NULL;
CREATE INDEX orders_placed_at ON orders (placed_at);

CREATE TABLE order_line (
    order_id   TEXT           NOT NULL REFERENCES orders (order_id),
    line_id    TEXT           NOT NULL,
    sku        TEXT           NOT NULL,
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(20, 4) NOT NULL,
    unit_cost  NUMERIC(20, 4),
    subtotal   NUMERIC(20, 4) NOT NULL,
    discount   NUMERIC(20, 4) NOT NULL,
    total      NUMERIC(20, 4) NOT NULL,
    PRIMARY KEY (order_id, line_id)
);

-- What each promotion (and code) took off each line of each order; line_id is null for shipping.
CREATE TABLE order_discount (
    order_id     TEXT           NOT NULL REFERENCES orders (order_id),
    promotion_id TEXT           NOT NULL,
    code         TEXT,
    line_id      TEXT,
    target       TEXT           NOT NULL,
    amount       NUMERIC(20, 4) NOT NULL
);

CREATE INDEX order_discount_order ON order_discount (order_id);
CREATE INDEX order_discount_promotion ON order_discount (promotion_id);
CREATE INDEX order_discount_code ON order_discount (code) WHERE code IS NOT NULL;

-- Usage limits. Each counter is one row, changed only by conditional updates inside the order's
-- transaction, so no number of concurrent orders on any number of nodes can pass a limit.
-- subject: a promotion id, or 'code:<CODE>'; scope: TOTAL, CUSTOMER, DAY, IP; key: '' for TOTAL,
-- the customer key, the calendar day, or the IP.
CREATE TABLE usage_counter (
    subject TEXT           NOT NULL,
    scope   TEXT           NOT NULL,
    key     TEXT           NOT NULL,
    uses    INTEGER        NOT NULL CHECK (uses >= 0),
    amount  NUMERIC(20, 4) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    PRIMARY KEY (subject, scope, key)
);

-- Exactly what an order consumed, so cancelling releases exactly that.
CREATE TABLE order_usage (
    order_id TEXT           NOT NULL REFERENCES orders (order_id),
    subject  TEXT           NOT NULL,
    scope    TEXT           NOT NULL,
    key      TEXT           NOT NULL,
    amount   NUMERIC(20, 4) NOT NULL DEFAULT 0
);

CREATE INDEX order_usage_order ON order_usage (order_id);
