-- 0017 dashboard aggregates (issue 17 point 4): monthly totals of orders and of sold SKU lines,
-- kept by triggers in the transaction that writes, re-classifies or deletes an order or a line
-- (imports, re-imports, status mappings, customs mode, manual edits), so the dashboard reads a
-- few thousand rows instead of every order. Backfilled here from the orders already stored.
--
-- month: the order's local month as the platform states it (substr(ordered_at, 1, 7), the month
-- the orders list's date filter uses). Unknown values are '' (a key column is never NULL, so the
-- upsert finds its row): currency/country/customs mode not stated, exclusion '' = a sale.
-- gross sums the known amounts; unknown_amounts counts the orders whose amounts are unknown.
-- The SKU tables take every change as an upsert of its signed delta (a delete upserts the negated row).
-- A row whose count drops to 0 is deleted, so the table holds only groups that exist.
-- A later migration that rebuilds `orders` or `order_lines` must re-create these triggers (a unit test
-- in test/unit/areas/dashboard/ checks they exist at the latest schema).
CREATE TABLE order_month_totals (
  month           TEXT NOT NULL CHECK (length(month) = 7),
  shop_id         INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  country         TEXT NOT NULL,
  customs_mode    TEXT NOT NULL,
  exclusion       TEXT NOT NULL,
  orders          INTEGER NOT NULL,
  units           INTEGER NOT NULL,
  gross           INTEGER NOT NULL,
  refunded        INTEGER NOT NULL,
  unknown_amounts INTEGER NOT NULL,
  PRIMARY KEY (month, shop_id, currency, country, customs_mode, exclusion)
) STRICT, WITHOUT ROWID;

-- Sold lines only: the order counts as a sale (exclusion IS NULL) and the line is not cancelled.
-- Per month and SKU (ranking by units reads this narrow table), and per SKU, month and currency the
-- goods after discounts (line_total − discount) of the lines whose amounts are known.
CREATE TABLE sku_month_totals (
  month         TEXT NOT NULL CHECK (length(month) = 7),
  sku           TEXT NOT NULL,
  lines         INTEGER NOT NULL,
  quantity      INTEGER NOT NULL,
  unknown_lines INTEGER NOT NULL,
  PRIMARY KEY (month, sku)
) STRICT, WITHOUT ROWID;

CREATE TABLE sku_month_amounts (
  sku           TEXT NOT NULL,
  month         TEXT NOT NULL CHECK (length(month) = 7),
  currency      TEXT NOT NULL,
  lines         INTEGER NOT NULL,
  amount        INTEGER NOT NULL,
  unknown_lines INTEGER NOT NULL,
  PRIMARY KEY (sku, month, currency)
) STRICT, WITHOUT ROWID;

-- ---- orders ---------------------------------------------------------------------------------
CREATE TRIGGER order_month_totals_ai AFTER INSERT ON orders BEGIN
  INSERT INTO order_month_totals (month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross, refunded, unknown_amounts)
    VALUES (substr(NEW.ordered_at, 1, 7), NEW.shop_id, coalesce(NEW.currency, ''), coalesce(NEW.buyer_country, ''),
      coalesce(NEW.customs_mode, ''), coalesce(NEW.exclusion, ''), 1, NEW.units, coalesce(NEW.gross, 0), NEW.refunded, NEW.gross IS NULL)
    ON CONFLICT (month, shop_id, currency, country, customs_mode, exclusion) DO UPDATE SET orders = orders + excluded.orders,
      units = units + excluded.units, gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      unknown_amounts = unknown_amounts + excluded.unknown_amounts;
END;

CREATE TRIGGER order_month_totals_ad AFTER DELETE ON orders BEGIN
  UPDATE order_month_totals SET orders = orders - 1, units = units - OLD.units, gross = gross - coalesce(OLD.gross, 0),
      refunded = refunded - OLD.refunded, unknown_amounts = unknown_amounts - (OLD.gross IS NULL)
    WHERE month = substr(OLD.ordered_at, 1, 7) AND shop_id = OLD.shop_id AND currency = coalesce(OLD.currency, '')
      AND country = coalesce(OLD.buyer_country, '') AND customs_mode = coalesce(OLD.customs_mode, '') AND exclusion = coalesce(OLD.exclusion, '');
  DELETE FROM order_month_totals
    WHERE month = substr(OLD.ordered_at, 1, 7) AND shop_id = OLD.shop_id AND currency = coalesce(OLD.currency, '')
      AND country = coalesce(OLD.buyer_country, '') AND customs_mode = coalesce(OLD.customs_mode, '') AND exclusion = coalesce(OLD.exclusion, '')
      AND orders = 0;
  -- its lines still stored leave the SKU totals with it (lines deleted first have left already)
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(OLD.ordered_at, 1, 7), sku, -count(*), -sum(quantity), -sum(line_total IS NULL)
      FROM order_lines WHERE order_id = OLD.id AND cancelled = 0 AND OLD.exclusion IS NULL GROUP BY sku
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT sku, substr(OLD.ordered_at, 1, 7), coalesce(OLD.currency, ''), -count(*), -coalesce(sum(line_total - coalesce(discount, 0)), 0),
        -sum(line_total IS NULL)
      FROM order_lines WHERE order_id = OLD.id AND cancelled = 0 AND OLD.exclusion IS NULL GROUP BY sku
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  DELETE FROM sku_month_totals WHERE month = substr(OLD.ordered_at, 1, 7) AND lines = 0
    AND sku IN (SELECT sku FROM order_lines WHERE order_id = OLD.id);
  DELETE FROM sku_month_amounts WHERE month = substr(OLD.ordered_at, 1, 7) AND currency = coalesce(OLD.currency, '') AND lines = 0
    AND sku IN (SELECT sku FROM order_lines WHERE order_id = OLD.id);
END;

CREATE TRIGGER order_month_totals_au AFTER UPDATE OF ordered_at, shop_id, currency, buyer_country, customs_mode, exclusion, units,
  gross, refunded ON orders
  WHEN OLD.ordered_at IS NOT NEW.ordered_at OR OLD.shop_id IS NOT NEW.shop_id OR OLD.currency IS NOT NEW.currency
    OR OLD.buyer_country IS NOT NEW.buyer_country OR OLD.customs_mode IS NOT NEW.customs_mode OR OLD.exclusion IS NOT NEW.exclusion
    OR OLD.units IS NOT NEW.units OR OLD.gross IS NOT NEW.gross OR OLD.refunded IS NOT NEW.refunded
BEGIN
  UPDATE order_month_totals SET orders = orders - 1, units = units - OLD.units, gross = gross - coalesce(OLD.gross, 0),
      refunded = refunded - OLD.refunded, unknown_amounts = unknown_amounts - (OLD.gross IS NULL)
    WHERE month = substr(OLD.ordered_at, 1, 7) AND shop_id = OLD.shop_id AND currency = coalesce(OLD.currency, '')
      AND country = coalesce(OLD.buyer_country, '') AND customs_mode = coalesce(OLD.customs_mode, '') AND exclusion = coalesce(OLD.exclusion, '');
  DELETE FROM order_month_totals
    WHERE month = substr(OLD.ordered_at, 1, 7) AND shop_id = OLD.shop_id AND currency = coalesce(OLD.currency, '')
      AND country = coalesce(OLD.buyer_country, '') AND customs_mode = coalesce(OLD.customs_mode, '') AND exclusion = coalesce(OLD.exclusion, '')
      AND orders = 0;
  INSERT INTO order_month_totals (month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross, refunded, unknown_amounts)
    VALUES (substr(NEW.ordered_at, 1, 7), NEW.shop_id, coalesce(NEW.currency, ''), coalesce(NEW.buyer_country, ''),
      coalesce(NEW.customs_mode, ''), coalesce(NEW.exclusion, ''), 1, NEW.units, coalesce(NEW.gross, 0), NEW.refunded, NEW.gross IS NULL)
    ON CONFLICT (month, shop_id, currency, country, customs_mode, exclusion) DO UPDATE SET orders = orders + excluded.orders,
      units = units + excluded.units, gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      unknown_amounts = unknown_amounts + excluded.unknown_amounts;
END;

-- The order's month, currency or sale state moved: its stored lines move with it.
CREATE TRIGGER sku_month_totals_order_au AFTER UPDATE OF ordered_at, currency, exclusion ON orders
  WHEN substr(OLD.ordered_at, 1, 7) IS NOT substr(NEW.ordered_at, 1, 7) OR OLD.currency IS NOT NEW.currency
    OR (OLD.exclusion IS NULL) IS NOT (NEW.exclusion IS NULL)
BEGIN
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(OLD.ordered_at, 1, 7), sku, -count(*), -sum(quantity), -sum(line_total IS NULL)
      FROM order_lines WHERE order_id = OLD.id AND cancelled = 0 AND OLD.exclusion IS NULL GROUP BY sku
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT sku, substr(OLD.ordered_at, 1, 7), coalesce(OLD.currency, ''), -count(*), -coalesce(sum(line_total - coalesce(discount, 0)), 0),
        -sum(line_total IS NULL)
      FROM order_lines WHERE order_id = OLD.id AND cancelled = 0 AND OLD.exclusion IS NULL GROUP BY sku
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  DELETE FROM sku_month_totals WHERE month = substr(OLD.ordered_at, 1, 7) AND lines = 0
    AND sku IN (SELECT sku FROM order_lines WHERE order_id = OLD.id);
  DELETE FROM sku_month_amounts WHERE month = substr(OLD.ordered_at, 1, 7) AND currency = coalesce(OLD.currency, '') AND lines = 0
    AND sku IN (SELECT sku FROM order_lines WHERE order_id = OLD.id);
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(NEW.ordered_at, 1, 7), sku, count(*), sum(quantity), sum(line_total IS NULL)
      FROM order_lines WHERE order_id = NEW.id AND cancelled = 0 AND NEW.exclusion IS NULL GROUP BY sku
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT sku, substr(NEW.ordered_at, 1, 7), coalesce(NEW.currency, ''), count(*), coalesce(sum(line_total - coalesce(discount, 0)), 0),
        sum(line_total IS NULL)
      FROM order_lines WHERE order_id = NEW.id AND cancelled = 0 AND NEW.exclusion IS NULL GROUP BY sku
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
END;

-- ---- order lines (their order's month, currency and sale state) -----------------------------
CREATE TRIGGER sku_month_totals_ai AFTER INSERT ON order_lines WHEN NEW.cancelled = 0 BEGIN
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

CREATE TRIGGER sku_month_totals_ad AFTER DELETE ON order_lines WHEN OLD.cancelled = 0 BEGIN
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(o.ordered_at, 1, 7), OLD.sku, -1, -OLD.quantity, -(OLD.line_total IS NULL)
      FROM orders o WHERE o.id = OLD.order_id AND o.exclusion IS NULL
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT OLD.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), -1,
        -coalesce(OLD.line_total - coalesce(OLD.discount, 0), 0), -(OLD.line_total IS NULL)
      FROM orders o WHERE o.id = OLD.order_id AND o.exclusion IS NULL
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  DELETE FROM sku_month_totals WHERE lines = 0
    AND (month, sku) IN (SELECT substr(ordered_at, 1, 7), OLD.sku FROM orders WHERE id = OLD.order_id);
  DELETE FROM sku_month_amounts WHERE lines = 0
    AND (sku, month, currency) IN (SELECT OLD.sku, substr(ordered_at, 1, 7), coalesce(currency, '') FROM orders WHERE id = OLD.order_id);
END;

CREATE TRIGGER sku_month_totals_au AFTER UPDATE OF order_id, sku, quantity, line_total, discount, cancelled ON order_lines
  WHEN OLD.order_id IS NOT NEW.order_id OR OLD.sku IS NOT NEW.sku OR OLD.quantity IS NOT NEW.quantity
    OR OLD.line_total IS NOT NEW.line_total OR OLD.discount IS NOT NEW.discount OR OLD.cancelled IS NOT NEW.cancelled
BEGIN
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(o.ordered_at, 1, 7), OLD.sku, -1, -OLD.quantity, -(OLD.line_total IS NULL)
      FROM orders o WHERE o.id = OLD.order_id AND o.exclusion IS NULL AND OLD.cancelled = 0
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT OLD.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), -1,
        -coalesce(OLD.line_total - coalesce(OLD.discount, 0), 0), -(OLD.line_total IS NULL)
      FROM orders o WHERE o.id = OLD.order_id AND o.exclusion IS NULL AND OLD.cancelled = 0
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  DELETE FROM sku_month_totals WHERE lines = 0
    AND (month, sku) IN (SELECT substr(ordered_at, 1, 7), OLD.sku FROM orders WHERE id = OLD.order_id);
  DELETE FROM sku_month_amounts WHERE lines = 0
    AND (sku, month, currency) IN (SELECT OLD.sku, substr(ordered_at, 1, 7), coalesce(currency, '') FROM orders WHERE id = OLD.order_id);
  INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
    SELECT substr(o.ordered_at, 1, 7), NEW.sku, 1, NEW.quantity, (NEW.line_total IS NULL)
      FROM orders o WHERE o.id = NEW.order_id AND o.exclusion IS NULL AND NEW.cancelled = 0
    ON CONFLICT (month, sku) DO UPDATE SET lines = lines + excluded.lines, quantity = quantity + excluded.quantity,
      unknown_lines = unknown_lines + excluded.unknown_lines;
  INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
    SELECT NEW.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), 1,
        coalesce(NEW.line_total - coalesce(NEW.discount, 0), 0), (NEW.line_total IS NULL)
      FROM orders o WHERE o.id = NEW.order_id AND o.exclusion IS NULL AND NEW.cancelled = 0
    ON CONFLICT (sku, month, currency) DO UPDATE SET lines = lines + excluded.lines, amount = amount + excluded.amount,
      unknown_lines = unknown_lines + excluded.unknown_lines;
END;

-- ---- backfill -------------------------------------------------------------------------------
INSERT INTO order_month_totals (month, shop_id, currency, country, customs_mode, exclusion, orders, units, gross, refunded, unknown_amounts)
  SELECT substr(ordered_at, 1, 7), shop_id, coalesce(currency, ''), coalesce(buyer_country, ''), coalesce(customs_mode, ''),
      coalesce(exclusion, ''), count(*), sum(units), coalesce(sum(gross), 0), sum(refunded), sum(gross IS NULL)
    FROM orders GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO sku_month_totals (month, sku, lines, quantity, unknown_lines)
  SELECT substr(o.ordered_at, 1, 7), l.sku, count(*), sum(l.quantity), sum(l.line_total IS NULL)
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.exclusion IS NULL AND l.cancelled = 0
    GROUP BY 1, 2;

INSERT INTO sku_month_amounts (sku, month, currency, lines, amount, unknown_lines)
  SELECT l.sku, substr(o.ordered_at, 1, 7), coalesce(o.currency, ''), count(*),
      coalesce(sum(l.line_total - coalesce(l.discount, 0)), 0), sum(l.line_total IS NULL)
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.exclusion IS NULL AND l.cancelled = 0
    GROUP BY 1, 2, 3;
