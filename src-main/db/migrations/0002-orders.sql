-- 0002 orders: shops, orders with lines, fees, refunds and change history, imports and saved
-- column mappings. Money is INTEGER minor units beside a currency column (SUM stays exact).
-- Orders are unique per platform + order number, lines per order + line key, fees per order +
-- type + description + source key, so re-importing a file never duplicates anything.
CREATE TABLE shops (
  id        INTEGER PRIMARY KEY,
  platform  TEXT NOT NULL CHECK (platform IN ('amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual')),
  name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  site      TEXT CHECK (site IS NULL OR length(site) <= 100),
  currency  TEXT NOT NULL CHECK (length(currency) = 3),
  time_zone TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
  UNIQUE (platform, name)
) STRICT;

CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  command_id      INTEGER NOT NULL REFERENCES command_log(id),
  source          TEXT NOT NULL CHECK (source IN ('amazon-orders', 'amazon-settlement', 'shopify', 'shopee', 'tiktok', 'generic')),
  file_name       TEXT NOT NULL,
  file_sha256     TEXT NOT NULL CHECK (length(file_sha256) = 64),
  encoding        TEXT NOT NULL,
  row_count       INTEGER NOT NULL CHECK (row_count >= 0),
  order_count     INTEGER NOT NULL CHECK (order_count >= 0),
  line_count      INTEGER NOT NULL CHECK (line_count >= 0),
  new_count       INTEGER NOT NULL DEFAULT 0 CHECK (new_count >= 0),
  updated_count   INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  unchanged_count INTEGER NOT NULL DEFAULT 0 CHECK (unchanged_count >= 0),
  rejected_count  INTEGER NOT NULL CHECK (rejected_count >= 0),
  at              TEXT NOT NULL
) STRICT;
CREATE INDEX imports_by_file ON imports (file_sha256);

CREATE TABLE import_mappings (
  name     TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  mapping  TEXT NOT NULL CHECK (json_valid(mapping)),
  saved_at TEXT NOT NULL
) STRICT;

-- origin: 'import' (an order export), 'settlement' (only seen in a settlement file so far: a
-- placeholder that the next order export completes), 'manual' (entered by a person).
CREATE TABLE orders (
  id              INTEGER PRIMARY KEY,
  shop_id         INTEGER NOT NULL REFERENCES shops(id),
  platform        TEXT NOT NULL CHECK (platform IN ('amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual')),
  order_no        TEXT NOT NULL CHECK (length(order_no) BETWEEN 1 AND 60),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded')),
  platform_status TEXT NOT NULL,
  sales_channel   TEXT,
  ordered_at      TEXT NOT NULL CHECK (length(ordered_at) BETWEEN 10 AND 40),
  ordered_at_utc  TEXT NOT NULL CHECK (length(ordered_at_utc) = 24 AND substr(ordered_at_utc, 24) = 'Z'),
  buyer_country   TEXT CHECK (buyer_country IS NULL OR (length(buyer_country) = 2 AND buyer_country = upper(buyer_country))),
  currency        TEXT NOT NULL CHECK (length(currency) = 3),
  customs_mode    TEXT CHECK (customs_mode IS NULL OR customs_mode IN ('9610', '9710', '9810', '1210')),
  fulfilment      TEXT CHECK (fulfilment IS NULL OR fulfilment IN ('self', 'overseas', 'platform')),
  goods           INTEGER NOT NULL,
  discount        INTEGER NOT NULL,
  shipping        INTEGER NOT NULL,
  gift_wrap       INTEGER NOT NULL,
  tax_on_top      INTEGER NOT NULL,
  gross           INTEGER NOT NULL,
  refunded        INTEGER NOT NULL DEFAULT 0,
  units           INTEGER NOT NULL CHECK (units >= 0),
  exclusion       TEXT CHECK (exclusion IS NULL OR exclusion IN ('cancelled', 'pending', 'otherChannel', 'unpaid')),
  origin          TEXT NOT NULL CHECK (origin IN ('import', 'settlement', 'manual')),
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  -- Hash of the content last read from a file (edits leave it alone, so re-reading the same
  -- file does not undo an edit); 'manual' / 'settlement' for orders no order export wrote yet.
  content_hash    TEXT NOT NULL,
  last_import_id  INTEGER REFERENCES imports(id),
  UNIQUE (platform, order_no)
) STRICT;
-- Keyset paging: every sort column alone (the rowid is the implicit last key, so the order is
-- (column, id)), and each equality filter followed by each sort column, so the first page of
-- any single filter + sort is an index range scan. Measured in test/bench/run.ts.
CREATE INDEX orders_by_time ON orders (ordered_at_utc);
CREATE INDEX orders_by_gross ON orders (gross);
CREATE INDEX orders_by_no ON orders (order_no);
CREATE INDEX orders_by_shop_time ON orders (shop_id, ordered_at_utc);
CREATE INDEX orders_by_shop_gross ON orders (shop_id, gross);
CREATE INDEX orders_by_shop_no ON orders (shop_id, order_no);
CREATE INDEX orders_by_status_time ON orders (status, ordered_at_utc);
CREATE INDEX orders_by_status_gross ON orders (status, gross);
CREATE INDEX orders_by_status_no ON orders (status, order_no);
CREATE INDEX orders_by_mode_time ON orders (customs_mode, ordered_at_utc);
CREATE INDEX orders_by_mode_gross ON orders (customs_mode, gross);
CREATE INDEX orders_by_mode_no ON orders (customs_mode, order_no);
CREATE INDEX orders_by_country_time ON orders (buyer_country, ordered_at_utc);
CREATE INDEX orders_by_country_gross ON orders (buyer_country, gross);
CREATE INDEX orders_by_country_no ON orders (buyer_country, order_no);

-- Distinct (SKU, item name) pairs, searched by substring through the trigram index (works for
-- Chinese). Lines point here, so text search costs one small index, not one entry per order.
CREATE TABLE line_texts (
  id        INTEGER PRIMARY KEY,
  sku       TEXT NOT NULL,
  item_name TEXT NOT NULL,
  UNIQUE (sku, item_name)
) STRICT;
CREATE VIRTUAL TABLE line_texts_fts USING fts5 (sku, item_name, content = 'line_texts', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER line_texts_ai AFTER INSERT ON line_texts BEGIN
  INSERT INTO line_texts_fts (rowid, sku, item_name) VALUES (new.id, new.sku, new.item_name);
END;
CREATE TRIGGER line_texts_ad AFTER DELETE ON line_texts BEGIN
  INSERT INTO line_texts_fts (line_texts_fts, rowid, sku, item_name) VALUES ('delete', old.id, old.sku, old.item_name);
END;
CREATE TRIGGER line_texts_au AFTER UPDATE ON line_texts BEGIN
  INSERT INTO line_texts_fts (line_texts_fts, rowid, sku, item_name) VALUES ('delete', old.id, old.sku, old.item_name);
  INSERT INTO line_texts_fts (rowid, sku, item_name) VALUES (new.id, new.sku, new.item_name);
END;

CREATE TABLE order_lines (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  line_key   TEXT NOT NULL CHECK (length(line_key) BETWEEN 1 AND 200),
  sku        TEXT NOT NULL,
  item_name  TEXT NOT NULL,
  text_id    INTEGER NOT NULL REFERENCES line_texts(id),
  quantity   INTEGER NOT NULL,
  unit_price INTEGER,
  line_total INTEGER NOT NULL,
  discount   INTEGER NOT NULL,
  tax_on_top INTEGER NOT NULL,
  shipping   INTEGER NOT NULL,
  gift_wrap  INTEGER NOT NULL,
  cancelled  INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
  UNIQUE (order_id, line_key)
) STRICT;
CREATE INDEX order_lines_by_text ON order_lines (text_id, order_id);

-- source_key: the import source for order exports (their fee columns are a snapshot, replaced
-- on re-import), 'amazon-settlement:<file sha256>' for settlements (each settlement adds).
CREATE TABLE order_fees (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES orders(id),
  type        TEXT NOT NULL CHECK (type IN ('commission', 'fulfilment', 'shipping', 'advertising', 'other')),
  description TEXT NOT NULL,
  amount      INTEGER NOT NULL,
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  source_key  TEXT NOT NULL,
  import_id   INTEGER REFERENCES imports(id),
  UNIQUE (order_id, type, description, source_key)
) STRICT;

-- Refunds per source, same keys as fees; orders.refunded is their sum.
CREATE TABLE order_refunds (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  source_key TEXT NOT NULL,
  amount     INTEGER NOT NULL,
  currency   TEXT NOT NULL CHECK (length(currency) = 3),
  import_id  INTEGER REFERENCES imports(id),
  UNIQUE (order_id, source_key)
) STRICT;

-- Every change after an order was first written, with the value it replaced.
CREATE TABLE order_changes (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  command_id INTEGER NOT NULL REFERENCES command_log(id),
  at         TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  cause      TEXT NOT NULL CHECK (cause IN ('import', 'edit'))
) STRICT;
CREATE INDEX order_changes_by_order ON order_changes (order_id, id);
CREATE TRIGGER order_changes_append_only_u BEFORE UPDATE ON order_changes
  BEGIN SELECT RAISE(ABORT, 'order_changes is append-only'); END;
CREATE TRIGGER order_changes_append_only_d BEFORE DELETE ON order_changes
  BEGIN SELECT RAISE(ABORT, 'order_changes is append-only'); END;
