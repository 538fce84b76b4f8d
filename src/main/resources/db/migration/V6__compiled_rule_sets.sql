-- Compiled rule modules (kjars) by the hash of their sources: a restart, another node or a rollback with
-- sources compiled before loads the module instead of compiling it again.
CREATE TABLE compiled_rule_set (
    sources_hash    TEXT PRIMARY KEY,
    release_version TEXT        NOT NULL,
    kjar            BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
