-- Generating codes and committing orders that use them are bound by the database's work per written row.

-- 1. The two foreign keys of promotion_code ran a trigger and a locking lookup of the promotion and of the batch
-- for every generated code. Codes are written by two services only (CodeService, CodeBatchService), which check
-- the promotion first; deleting a promotion deletes its codes explicitly (PromotionRepository.deleteWithCodes), and
-- a batch whose promotion is deleted while it runs removes what it wrote. An orphan code left by a race would
-- match no promotion and be rejected like an unknown one.
ALTER TABLE promotion_code DROP CONSTRAINT IF EXISTS promotion_code_promotion_id_fkey;
ALTER TABLE promotion_code DROP CONSTRAINT IF EXISTS promotion_code_batch_id_fkey;

-- 2. "Which orders used this code" is answered from order_usage, where an order records each code it used once,
-- instead of from order_discount, where it has a row per discounted line (twenty index entries for a 20-line order).
DROP INDEX IF EXISTS order_discount_code;
CREATE INDEX order_usage_subject ON order_usage (subject, scope);
