-- Signed webhooks from a transactional outbox. An event is written in the transaction of what it reports, so nothing
-- is announced that did not commit and nothing committed goes unannounced; one dispatcher at a time (an advisory
-- lock) fans events out to the webhooks subscribed to them and delivers them, in order per subject.

CREATE TABLE webhook (
    id         TEXT        PRIMARY KEY,
    url        TEXT        NOT NULL,
    events     TEXT[]      NOT NULL,
    secret     TEXT        NOT NULL,
    created_by TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ
);

CREATE TABLE event_outbox (
    seq        BIGSERIAL   PRIMARY KEY,
    id         TEXT        NOT NULL UNIQUE,
    type       TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    time       TIMESTAMPTZ NOT NULL,
    data       TEXT        NOT NULL,
    fanned_out BOOLEAN     NOT NULL DEFAULT false
);

CREATE INDEX event_outbox_to_fan_out ON event_outbox (seq) WHERE NOT fanned_out;

-- One row per (webhook, event): PENDING until a 2xx answer (DELIVERED) or 72 hours of retries (FAILED).
CREATE TABLE webhook_delivery (
    webhook_id      TEXT        NOT NULL,
    event_seq       BIGINT      NOT NULL,
    subject         TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_status     INT,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    PRIMARY KEY (webhook_id, event_seq)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_subject ON webhook_delivery (webhook_id, subject, event_seq) WHERE status = 'PENDING';
