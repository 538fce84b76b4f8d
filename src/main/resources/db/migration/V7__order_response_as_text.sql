-- The answer kept for replays is only ever read back whole: plain text spares PostgreSQL parsing it as JSONB
-- on every order.
ALTER TABLE orders ALTER COLUMN response TYPE TEXT;
