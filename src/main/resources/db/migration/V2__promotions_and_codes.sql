-- Promotions managed as JSON through the API. The whole definition is kept as JSONB (what the marketer
-- sent, normalized); the columns beside it are what lists and filters need.
CREATE TABLE promotion (
    id         TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'ARCHIVED')),
    campaign   TEXT,
    definition JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX promotion_status ON promotion (status);

-- Promo codes. Stored upper-cased (codes match case-insensitively); the primary key makes them unique.
CREATE TABLE promotion_code (
    code         TEXT PRIMARY KEY,
    promotion_id TEXT        NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    max_uses     INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
    per_customer INTEGER CHECK (per_customer IS NULL OR per_customer > 0),
    customer_id  TEXT,
    email        TEXT,
    starts_at    TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ,
    uses         INTEGER     NOT NULL DEFAULT 0 CHECK (uses >= 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX promotion_code_promotion ON promotion_code (promotion_id);

-- One row counting every change to promotions. Each node polls it and rebuilds its rule set when it moves,
-- so a change made through any node reaches all of them.
CREATE TABLE catalog_revision (
    id       BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    revision BIGINT NOT NULL
);

INSERT INTO catalog_revision (id, revision) VALUES (TRUE, 0);

ALTER TABLE rule_set_version ADD COLUMN promotions INTEGER NOT NULL DEFAULT 0;
