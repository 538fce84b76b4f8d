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

-- Each shopper row carries the shopper's number, so the edges of a period add to the daily sets without a join.
ALTER TABLE analytics_customer ADD COLUMN shopper INT;
INSERT INTO analytics_shopper (customer_key) SELECT DISTINCT customer_key FROM analytics_customer ORDER BY 1;
UPDATE analytics_customer a SET shopper = s.number FROM analytics_shopper s WHERE s.customer_key = a.customer_key;
ALTER TABLE analytics_customer ALTER COLUMN shopper SET NOT NULL;

-- Rollups kept before this migration get their daily rows here; their daily shopper sets are computed by the service
-- at its first start (Rollups), which needs the bitmap library.
INSERT INTO analytics_rollup_day (dimension, value, currency, bucket, orders, cancelled_orders, new_customers, costed_orders,
                                  revenue, discount_total, discount_cancelled, gross_margin, redemptions)
SELECT dimension, value, currency, date_trunc('day', bucket AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', sum(orders),
       sum(cancelled_orders), sum(new_customers), sum(costed_orders), sum(revenue), sum(discount_total),
       sum(discount_cancelled), sum(gross_margin), sum(redemptions)
  FROM analytics_rollup GROUP BY 1, 2, 3, 4;
