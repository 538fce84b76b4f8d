-- Every rule set that compiled and became active gets a version. The sources' hashes are kept so
-- `GET /api/v1/rulesets/active` can show exactly what is serving, and a restart with unchanged
-- sources keeps the same version number.
CREATE TABLE rule_set_version (
    version      BIGSERIAL PRIMARY KEY,
    content_hash TEXT        NOT NULL,
    sources      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX rule_set_version_hash ON rule_set_version (content_hash);
