-- Every rule set version says who made it, why, and what changed against the version before it, so that the
-- versions list reads as a history ("uploaded tiers.csv", "rolled back to 12") instead of look-alike rows.
ALTER TABLE rule_set_version ADD COLUMN created_by TEXT;
ALTER TABLE rule_set_version ADD COLUMN cause TEXT;
ALTER TABLE rule_set_version ADD COLUMN restores BIGINT;
ALTER TABLE rule_set_version ADD COLUMN changes JSONB;

-- The cause of the latest change travels with the catalog revision, so that whichever node builds the version first
-- (the one that made the change, or one told by NOTIFY) records who made it.
ALTER TABLE catalog_revision ADD COLUMN cause TEXT;
ALTER TABLE catalog_revision ADD COLUMN changed_by TEXT;
ALTER TABLE catalog_revision ADD COLUMN restores BIGINT;
