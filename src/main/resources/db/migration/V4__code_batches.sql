-- Bulk-generated codes are made in the background; a batch row shows progress to whoever polls it.
CREATE TABLE code_batch (
    id           TEXT PRIMARY KEY,
    promotion_id TEXT        NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    count        INTEGER     NOT NULL CHECK (count > 0),
    generated    INTEGER     NOT NULL DEFAULT 0,
    pattern      TEXT        NOT NULL,
    charset      TEXT        NOT NULL,
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE promotion_code ADD COLUMN batch_id TEXT REFERENCES code_batch (id) ON DELETE CASCADE;
CREATE INDEX promotion_code_batch ON promotion_code (batch_id) WHERE batch_id IS NOT NULL;
