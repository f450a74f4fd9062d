-- 0022 bulk imports keep the derived tables set-based (issue 19, import.amazon100k ≤ 4× bare).
-- The per-row AFTER INSERT triggers on orders and order_lines (month totals 0017, payout late
-- matches 0008/0019, register rows 0021) stay for every single write. While `bulk_write` holds a
-- row they do nothing: OrderWriter.insertMany inserts that row, writes its batch of new orders and
-- lines (multi-row INSERTs), then applies the same maintenance to the whole batch with one
-- INSERT … SELECT … GROUP BY per derived table over the ids it just wrote, and deletes the row — all
-- inside the import's one transaction, so the row is never seen committed (a failure rolls it back
-- with everything else). Trigger bodies are unchanged; only their WHEN gains the check.
CREATE TABLE bulk_write (
  id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

DROP TRIGGER IF EXISTS order_month_totals_ai;
CREATE TRIGGER order_month_totals_ai AFTER INSERT ON orders WHEN NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO order_month_totals (month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross, refunded, unknown_amounts)
    VALUES (substr(NEW.ordered_at, 1, 7), NEW.shop_id, coalesce(NEW.currency, ''), coalesce(NEW.buyer_country, ''),
      coalesce(NEW.customs_mode, ''), coalesce(NEW.exclusion, ''), 1, NEW.units, coalesce(NEW.gross, 0), NEW.refunded, NEW.gross IS NULL)
    ON CONFLICT (month, shop_id, currency, country, customs_mode, exclusion) DO UPDATE SET orders = orders + excluded.orders,
      units = units + excluded.units, gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      unknown_amounts = unknown_amounts + excluded.unknown_amounts;
END;

DROP TRIGGER IF EXISTS sku_month_totals_ai;
CREATE TRIGGER sku_month_totals_ai AFTER INSERT ON order_lines WHEN NEW.cancelled = 0 AND NOT EXISTS (SELECT 1 FROM bulk_write) BEGIN
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(o.ordered_at, 1, 7), NEW.sku, 1, NEW.quantity, (NEW.line_total IS NULL)
      FROM orders o WHERE o.id = NEW.order_id AND o.exclusion IS NULL
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT NEW.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), 1,
        coalesce(NEW.line_total - coalesce(NEW.discount, 0), 0), (NEW.line_total IS NULL)
      FROM orders o WHERE o.id = NEW.order_id AND o.exclusion IS NULL
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
END;

DROP TRIGGER IF EXISTS payout_late_match_on_order;
CREATE TRIGGER payout_late_match_on_order AFTER INSERT ON orders WHEN NOT EXISTS (SELECT 1 FROM bulk_write)
BEGIN
  INSERT OR IGNORE INTO payout_late_matches (payout_id, order_no, order_id, line_count)
    SELECT l.payout_id, NEW.order_no, NEW.id, count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL GROUP BY l.payout_id;
  INSERT INTO payout_order_totals (payout_id, order_id, amount, first_row, line_count)
    SELECT l.payout_id, NEW.id, sum(l.amount), min(l.row), count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL
      AND EXISTS (SELECT 1 FROM payout_late_matches m WHERE m.payout_id = l.payout_id AND m.order_no = NEW.order_no AND m.order_id = NEW.id)
    GROUP BY l.payout_id;
END;

DROP TRIGGER IF EXISTS register_list_lines_order_ai;
CREATE TRIGGER register_list_lines_order_ai AFTER INSERT ON orders
  WHEN NOT EXISTS (SELECT 1 FROM bulk_write) AND EXISTS (SELECT 1 FROM customs_documents WHERE order_id = NEW.id)
BEGIN
  DELETE FROM register_list_lines WHERE order_id = NEW.id;
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id = NEW.id;
END;

DROP TRIGGER IF EXISTS register_six_items_order_ai;
CREATE TRIGGER register_six_items_order_ai AFTER INSERT ON orders WHEN NOT EXISTS (SELECT 1 FROM bulk_write)
BEGIN
  INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
    SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
      FROM register_six_items_source WHERE order_id = NEW.id;
END;

-- (shop_id, order_no) is indexed twice: by the UNIQUE constraint (sqlite_autoindex_orders_1) and by
-- orders_by_shop_no. The list reads the constraint's index; every imported order writes one index less.
DROP INDEX IF EXISTS orders_by_shop_no;
