-- Promotion analytics: rollups kept from the order ledger, the counters checkout adds in batches, and the groups of
-- each experiment (holdout). The ledger (orders, order_line, order_promotion) stays the source of truth: every rollup
-- can be rebuilt from it (POST /api/v1/analytics/rebuild).

-- Orders placed or cancelled that the rollups have not taken in yet. Written in the order's (or the cancel's) own
-- transaction; taken, deleted, in the transaction that adds them to the rollups, so each change counts exactly once.
CREATE TABLE analytics_pending (
    seq      BIGSERIAL PRIMARY KEY,
    order_id TEXT NOT NULL,
    change   TEXT NOT NULL CHECK (change IN ('PLACED', 'CANCELLED'))
);

-- Sums per currency and quarter hour (UTC), so that a period or a day, week or month in any time zone is a sum of whole rows.
-- dimension: ALL (value ''), PROMOTION, CODE, CHANNEL, SOURCE, CAMPAIGN (the order's context). Orders and their
-- discounts count when placed, in the quarter hour of placed_at; a cancel moves its order's figures in that same
-- quarter hour. discount_*: for PROMOTION and CODE what that promotion or code took off (shipping included), for the
-- others the order's whole discount (items and shipping). revenue and gross_margin: orders not cancelled only.
CREATE TABLE analytics_rollup (
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
    -- PROMOTION only: orders not cancelled that got the promotion through one of its codes
    redemptions        BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, value, currency, bucket)
);

-- Every value each dimension has had (promotion ids, codes, channels...), to page through them without scanning rollups.
CREATE TABLE analytics_value (
    dimension TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (dimension, value)
);

-- Which identified shoppers (customer id, else normalized email) ordered, per dimension value and quarter hour: the
-- distinct count over a period is exact, where summing per-day counts would count a returning shopper twice.
CREATE TABLE analytics_customer (
    dimension    TEXT        NOT NULL,
    value        TEXT        NOT NULL,
    currency     TEXT        NOT NULL,
    bucket       TIMESTAMPTZ NOT NULL,
    customer_key TEXT        NOT NULL,
    PRIMARY KEY (dimension, value, currency, bucket, customer_key)
);

-- Codes entered per promotion and quarter hour, counted by checkout in memory and added here in batches:
-- outcome ENTERED (every evaluation or order that entered one of its codes), APPLIED, or a rejection reason.
CREATE TABLE analytics_code_counter (
    promotion_id TEXT        NOT NULL,
    bucket       TIMESTAMPTZ NOT NULL,
    outcome      TEXT        NOT NULL,
    count        BIGINT      NOT NULL,
    PRIMARY KEY (promotion_id, bucket, outcome)
);

-- Shoppers exposed to a promotion with a holdout (it was eligible for them), with the group they are in, from the
-- first time. Added in batches like the code counters.
CREATE TABLE analytics_exposure (
    promotion_id     TEXT        NOT NULL,
    customer_key     TEXT        NOT NULL,
    held_out         BOOLEAN     NOT NULL,
    first_exposed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (promotion_id, customer_key)
);

-- The experiments an order took part in: for each promotion with a holdout that was eligible for the cart, the
-- shopper's group. Written with the order; what the analytics compare between the groups.
CREATE TABLE order_experiment (
    order_id     TEXT    NOT NULL,
    promotion_id TEXT    NOT NULL,
    customer_key TEXT    NOT NULL,
    held_out     BOOLEAN NOT NULL
);

CREATE INDEX order_experiment_promotion ON order_experiment (promotion_id);
