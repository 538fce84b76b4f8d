-- Each order records the device it came from and the household hash of its shipping address (never the address), so
-- that abuse patterns can group accounts by device and household. Partial indexes: most orders may have neither.
ALTER TABLE orders ADD COLUMN device_id TEXT;
ALTER TABLE orders ADD COLUMN address_hash TEXT;
CREATE INDEX orders_device ON orders (device_id, placed_at) WHERE device_id IS NOT NULL;
CREATE INDEX orders_address ON orders (address_hash, placed_at) WHERE address_hash IS NOT NULL;
