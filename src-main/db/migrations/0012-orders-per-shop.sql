-- kuajing:foreign-keys-off
-- 0012 orders keep everything a file holds, keyed by their shop (issue 14):
--  * an order is its shop's: UNIQUE (shop_id, order_no) instead of (platform, order_no), so two
--    Shopify stores' #1058 are two orders (existing ledgers hold one order per platform + number,
--    which is also one per shop + number, so every row moves over as it is);
--  * amounts a file does not state are NULL (unknown, never 0): goods … gross and currency on
--    orders, the amounts of order_lines; `gross_sort` sorts unknown amounts apart (below all);
--  * statuses `refunding` and `unknown`, exclusions `unknownStatus` and `amountsUnknown`;
--  * `stated_total`: the total the file states (the difference from the parts is kept);
--  * `channel_order_no`: an Amazon multi-channel order's number in its own channel;
--  * status_mappings: a shop's own meaning of a status word (written when an import is confirmed).
-- Tables are rebuilt the way SQLite documents, with foreign keys off (migrate.ts checks them
-- before commit); indexes and triggers on the rebuilt tables are re-created as they were.

CREATE TABLE orders_new (
  id               INTEGER PRIMARY KEY,
  shop_id          INTEGER NOT NULL REFERENCES shops(id),
  platform         TEXT NOT NULL CHECK (platform IN ('amazon', 'shopify', 'shopee', 'tiktok', 'erp', 'manual')),
  order_no         TEXT NOT NULL CHECK (length(order_no) BETWEEN 1 AND 60),
  status           TEXT NOT NULL CHECK (status IN ('pending', 'unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunding', 'refunded', 'partially_refunded', 'unknown')),
  platform_status  TEXT NOT NULL,
  sales_channel    TEXT,
  ordered_at       TEXT NOT NULL CHECK (length(ordered_at) BETWEEN 10 AND 40),
  ordered_at_utc   TEXT NOT NULL CHECK (length(ordered_at_utc) = 24 AND substr(ordered_at_utc, 24) = 'Z'),
  buyer_country    TEXT CHECK (buyer_country IS NULL OR (length(buyer_country) = 2 AND buyer_country = upper(buyer_country))),
  currency         TEXT CHECK (currency IS NULL OR length(currency) = 3),
  customs_mode     TEXT CHECK (customs_mode IS NULL OR customs_mode IN ('9610', '9710', '9810', '1210')),
  fulfilment       TEXT CHECK (fulfilment IS NULL OR fulfilment IN ('self', 'overseas', 'platform')),
  goods            INTEGER,
  discount         INTEGER,
  shipping         INTEGER,
  gift_wrap        INTEGER,
  tax_on_top       INTEGER,
  gross            INTEGER,
  refunded         INTEGER NOT NULL DEFAULT 0,
  units            INTEGER NOT NULL CHECK (units >= 0),
  exclusion        TEXT CHECK (exclusion IS NULL OR exclusion IN ('cancelled', 'pending', 'otherChannel', 'unpaid', 'unknownStatus', 'amountsUnknown')),
  origin           TEXT NOT NULL CHECK (origin IN ('import', 'settlement', 'manual')),
  revision         INTEGER NOT NULL CHECK (revision >= 1),
  content_hash     TEXT NOT NULL,
  last_import_id   INTEGER REFERENCES imports(id),
  stated_total     INTEGER,
  channel_order_no TEXT CHECK (channel_order_no IS NULL OR length(channel_order_no) BETWEEN 1 AND 60),
  gross_sort       INTEGER NOT NULL GENERATED ALWAYS AS (coalesce(gross, -9007199254740992)) VIRTUAL,
  -- amounts are all known or all unknown, and an order with amounts has a currency
  CHECK ((goods IS NULL) = (gross IS NULL) AND (gross IS NULL OR currency IS NOT NULL)),
  UNIQUE (shop_id, order_no)
) STRICT;

INSERT INTO orders_new (id, shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc,
  buyer_country, currency, customs_mode, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units,
  exclusion, origin, revision, content_hash, last_import_id)
  SELECT id, shop_id, platform, order_no, status, platform_status, sales_channel, ordered_at, ordered_at_utc,
    buyer_country, currency, customs_mode, fulfilment, goods, discount, shipping, gift_wrap, tax_on_top, gross, refunded, units,
    exclusion, origin, revision, content_hash, last_import_id
  FROM orders ORDER BY id;

DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;

CREATE INDEX orders_by_time ON orders (ordered_at_utc);
CREATE INDEX orders_by_gross ON orders (gross_sort);
CREATE INDEX orders_by_no ON orders (order_no);
CREATE INDEX orders_by_shop_time ON orders (shop_id, ordered_at_utc);
CREATE INDEX orders_by_shop_gross ON orders (shop_id, gross_sort);
CREATE INDEX orders_by_shop_no ON orders (shop_id, order_no);
CREATE INDEX orders_by_status_time ON orders (status, ordered_at_utc);
CREATE INDEX orders_by_status_gross ON orders (status, gross_sort);
CREATE INDEX orders_by_status_no ON orders (status, order_no);
CREATE INDEX orders_by_mode_time ON orders (customs_mode, ordered_at_utc);
CREATE INDEX orders_by_mode_gross ON orders (customs_mode, gross_sort);
CREATE INDEX orders_by_mode_no ON orders (customs_mode, order_no);
CREATE INDEX orders_by_country_time ON orders (buyer_country, ordered_at_utc);
CREATE INDEX orders_by_country_gross ON orders (buyer_country, gross_sort);
CREATE INDEX orders_by_country_no ON orders (buyer_country, order_no);
CREATE INDEX orders_by_platform_status ON orders (shop_id, platform_status);
CREATE INDEX orders_by_channel_order ON orders (channel_order_no) WHERE channel_order_no IS NOT NULL;

CREATE TRIGGER payout_late_match_on_order AFTER INSERT ON orders
BEGIN
  INSERT OR IGNORE INTO payout_late_matches (payout_id, order_no, order_id, line_count)
    SELECT l.payout_id, NEW.order_no, NEW.id, count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL GROUP BY l.payout_id;
END;

CREATE TABLE order_lines_new (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  line_key   TEXT NOT NULL CHECK (length(line_key) BETWEEN 1 AND 200),
  sku        TEXT NOT NULL,
  item_name  TEXT NOT NULL,
  text_id    INTEGER NOT NULL REFERENCES line_texts(id),
  quantity   INTEGER NOT NULL,
  unit_price INTEGER,
  line_total INTEGER,
  discount   INTEGER,
  tax_on_top INTEGER,
  shipping   INTEGER,
  gift_wrap  INTEGER,
  cancelled  INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
  UNIQUE (order_id, line_key)
) STRICT;
INSERT INTO order_lines_new (id, order_id, line_key, sku, item_name, text_id, quantity, unit_price, line_total, discount, tax_on_top,
  shipping, gift_wrap, cancelled)
  SELECT id, order_id, line_key, sku, item_name, text_id, quantity, unit_price, line_total, discount, tax_on_top, shipping, gift_wrap,
    cancelled FROM order_lines ORDER BY id;
DROP TABLE order_lines;
ALTER TABLE order_lines_new RENAME TO order_lines;
CREATE INDEX order_lines_by_text ON order_lines (text_id, order_id);

-- A shop's own meaning of a status word (normalised: trimmed, lower-case, runs of space/_/- as one space).
CREATE TABLE status_mappings (
  shop_id    INTEGER NOT NULL REFERENCES shops(id),
  word       TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
  status     TEXT NOT NULL CHECK (status IN ('pending', 'unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunding', 'refunded', 'partially_refunded')),
  command_id INTEGER NOT NULL REFERENCES command_log(id),
  at         TEXT NOT NULL,
  PRIMARY KEY (shop_id, word)
) STRICT;

-- Shopify counts every order that is not voided (core sale-rule.ts): pending, authorized and
-- partially paid orders were excluded as 'pending', expired ones stored as cancelled.
UPDATE orders SET exclusion = NULL
  WHERE platform = 'shopify' AND exclusion = 'pending'
    AND replace(replace(lower(trim(platform_status)), '_', ' '), '-', ' ') IN ('pending', 'authorized', 'partially paid');
UPDATE orders SET status = 'unpaid', exclusion = NULL
  WHERE platform = 'shopify' AND lower(trim(platform_status)) = 'expired' AND status = 'cancelled';
