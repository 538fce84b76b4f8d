-- Whole UTC days of the analytics rollups, so that a period of months reads a row per day instead of 96; quarter-hour
-- rows (V14) are read only at a period's two edges, where it does not start or end on a UTC midnight.

-- The sums of analytics_rollup per UTC day (bucket: the day's midnight, UTC), kept with them in the same transaction.
CREATE TABLE analytics_rollup_day (
    dimension          TEXT           NOT NULL,
    value              TEXT           NOT NULL,
    currency           TEXT           NOT NULL,
    bucket             TIMESTAMPTZ    NOT NULL,
    orders             BIGINT         NOT NULL DEFAULT 0,
    cancelled_orders   BIGINT         NOT NULL DEFAULT 0,
    new_customers      BIGINT         NOT NULL DEFAULT 0,
    revenue            NUMERIC(24, 4) NOT NULL DEFAULT 0,
    discount_total     NUMERIC(24, 4) NOT NULL DEFAULT 0,
    discount_cancelled NUMERIC(24, 4) NOT NULL DEFAULT 0,
    gross_margin       NUMERIC(24, 4) NOT NULL DEFAULT 0,
    costed_orders      BIGINT         NOT NULL DEFAULT 0,
    redemptions        BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, value, currency, bucket)
);

-- A number per identified shopper (customer key), so that a day's shoppers fit in a compressed set of numbers.
CREATE TABLE analytics_shopper (
    customer_key TEXT PRIMARY KEY,
    number       INT  NOT NULL GENERATED ALWAYS AS IDENTITY UNIQUE
);

-- The shoppers of a dimension value per UTC day, as a serialized Roaring bitmap of their numbers: the distinct count
-- over a period is the size of the union of its days' sets (and of the quarter-hour rows at its edges), still exact.
CREATE TABLE analytics_customer_day (
    dimension TEXT        NOT NULL,
    value     TEXT        NOT NULL,
    currency  TEXT        NOT NULL,
    bucket    TIMESTAMPTZ NOT NULL,
    shoppers  BYTEA       NOT NULL,
    PRIMARY KEY (dimension, value, currency, bucket)
);
