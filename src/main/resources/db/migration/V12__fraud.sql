-- Fraud prevention (kupon.fraud). Unknown-code attempts are counted per requester identity in one-minute buckets of
-- the database's clock, so every node counts into the same rows and a window is the sum of its last buckets.
CREATE TABLE fraud_attempt (
    subject_type  TEXT        NOT NULL,
    subject_value TEXT        NOT NULL,
    minute        TIMESTAMPTZ NOT NULL,
    attempts      INTEGER     NOT NULL,
    PRIMARY KEY (subject_type, subject_value, minute)
);
CREATE INDEX fraud_attempt_minute ON fraud_attempt (minute);

-- Blocks: a requester identity whose codes are refused (BLOCKED) until `until` (null: until removed).
CREATE TABLE fraud_block (
    id            TEXT        PRIMARY KEY,
    subject_type  TEXT        NOT NULL,
    subject_value TEXT        NOT NULL,
    until         TIMESTAMPTZ,
    reason        TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    removed_at    TIMESTAMPTZ
);
CREATE INDEX fraud_block_active ON fraud_block (subject_type, subject_value) WHERE removed_at IS NULL;

-- What fraud prevention did and saw: throttling, blocks added and removed (by hand or by the auto-block policy).
CREATE TABLE fraud_event (
    id            BIGSERIAL   PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    type          TEXT        NOT NULL,
    subject_type  TEXT        NOT NULL,
    subject_value TEXT        NOT NULL,
    detail        TEXT        NOT NULL
);
CREATE INDEX fraud_event_at ON fraud_event (at);
CREATE INDEX fraud_event_subject ON fraud_event (subject_value, at);
