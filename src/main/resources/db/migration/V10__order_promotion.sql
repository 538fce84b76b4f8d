-- What each promotion (and code) took off each order, one row per promotion instead of one per discounted line.
-- An order-wide promotion on a 20-line cart wrote twenty rows before; writing those rows was the largest part of
-- the database's work for an order. The split over lines stays exact, as two arrays in line order, and the view
-- order_line_discount gives the per-line rows back for reports.
CREATE TABLE order_promotion (
    order_id     TEXT             NOT NULL,
    promotion_id TEXT             NOT NULL,
    code         TEXT,
    target       TEXT             NOT NULL,
    -- everything this promotion took off the order: the sum of line_amounts, plus shipping for SHIPPING
    amount       NUMERIC(20, 4)   NOT NULL,
    line_ids     TEXT[]           NOT NULL,
    line_amounts NUMERIC(20, 4)[] NOT NULL,
    CHECK (cardinality(line_ids) = cardinality(line_amounts))
);

CREATE INDEX order_promotion_promotion ON order_promotion (promotion_id);

INSERT INTO order_promotion (order_id, promotion_id, code, target, amount, line_ids, line_amounts)
SELECT order_id, promotion_id, code, min(target), sum(amount),
       coalesce(array_agg(line_id ORDER BY line_id) FILTER (WHERE line_id IS NOT NULL), '{}'),
       coalesce(array_agg(amount ORDER BY line_id) FILTER (WHERE line_id IS NOT NULL), '{}')
  FROM order_discount
 GROUP BY order_id, promotion_id, code;

DROP TABLE order_discount;

CREATE VIEW order_line_discount AS
SELECT p.order_id, p.promotion_id, p.code, p.target, l.line_id, l.amount
  FROM order_promotion p, unnest(p.line_ids, p.line_amounts) AS l (line_id, amount);
