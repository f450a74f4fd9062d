-- 0004 stock on-hand as of a date: a covering index per SKU × warehouse, so the balance of one
-- position as of any date is one short range read (the moves of that position up to the date),
-- a page of positions is a page of such reads, and the full list as of a past date is one pass
-- over the index already grouped by (sku, warehouse) with no sort of the moves.
CREATE INDEX stock_moves_by_position ON stock_moves (sku_id, warehouse_id, date, quantity, value);
