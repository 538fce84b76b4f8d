-- Content of every rule source any version was built from, addressed by its SHA-256, so any version
-- can be compiled again (rollback, simulation) on any node.
CREATE TABLE rule_source_blob (
    sha256  TEXT PRIMARY KEY,
    content BYTEA NOT NULL
);

-- Rule files uploaded through the API (DRL by admins, decision tables by marketers). A new upload of
-- the same name replaces the current one; every upload stays in the history.
CREATE TABLE rule_file (
    name        TEXT PRIMARY KEY,
    kind        TEXT        NOT NULL,
    sha256      TEXT        NOT NULL REFERENCES rule_source_blob (sha256),
    uploaded_at TIMESTAMPTZ NOT NULL,
    uploaded_by TEXT        NOT NULL
);

CREATE TABLE rule_file_history (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    sha256      TEXT        NOT NULL REFERENCES rule_source_blob (sha256),
    uploaded_at TIMESTAMPTZ NOT NULL,
    uploaded_by TEXT        NOT NULL
);

-- Uploads validated with ?dryRun=true: rule sources that can be simulated before they are made live.
CREATE TABLE rule_set_draft (
    id         TEXT PRIMARY KEY,
    sources    JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- When set, every node serves the rule files of this version instead of the folder and uploads
-- (a rollback). Cleared by a new upload or a reload.
CREATE TABLE rule_set_pin (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT REFERENCES rule_set_version (version)
);

INSERT INTO rule_set_pin (id, version) VALUES (TRUE, NULL);
