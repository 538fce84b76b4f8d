-- The dispatcher reads pending deliveries in event order. Without this index it walks the primary key from the first
-- delivery ever made, past every delivered one kept for the log, and a pass slows down as the log grows.
CREATE INDEX webhook_delivery_pending ON webhook_delivery (event_seq) WHERE status = 'PENDING';
