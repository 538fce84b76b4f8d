-- Signed-in console users. The cookie carries a random token; only its SHA-256 is stored, so a copy of this table
-- signs nobody in. key_digest is the SHA-256 of the API key used to sign in: a session ends when that key is removed
-- from the configuration, and its role is the key's role now, not when the session began.
CREATE TABLE console_session (
    token_hash  TEXT        PRIMARY KEY,
    key_digest  TEXT        NOT NULL,
    csrf        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX console_session_expiry ON console_session (expires_at);
