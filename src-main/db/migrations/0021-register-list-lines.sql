-- 0021 the 无票免税 register's list lines, kept by the write path (issue 17, bench reports.taxRegister1m):
-- one row per line of each CEB603 list the register counts — the latest revision of its business key
-- within its order, released (status rank 20…30: 800, 399, 899) unless its release was posted to a
-- later month as an adjustment (register_adjustments 'released'), or withdrawn after its month was
-- closed (an adjustment 'withdrawn': it stays where it was printed) — of an order with a customs mode,
-- with the order's sale time, number, mode and country. A list without lines keeps one row (line -1,
-- no line fields) so the register still knows the order has a list (and checks its currency).
-- The rows hold the lines as the list states them; what the register applies when it prints — the
-- PBoC rate of the day (tax.rateDay), goods names (skus), unit names, the modes the dated rule table
-- names eligible — is looked up when the register is read, so a rate stored later changes nothing here.
--
-- Kept by triggers in the transaction that writes: a list stored, its status or numbers changed (receipts,
-- withdrawals), a late receipt's adjustment, an order's sale time, number, mode or country changed, an
-- order deleted. Each refreshes the rows of the one order from the view below (the from-scratch
-- computation, also what the backfill and the tests compare with). A later migration that rebuilds
-- `orders`, `customs_documents`, `register_adjustments` or `outbox` must re-create these triggers.
--
-- register_six_items: the six items queued for the zone platform (`tax.sixItems` outbox records, keyed
-- 'tax.sixItems:<orderNo>') joined to the orders with that number — one row per order and record, with
-- the order's sale time (UTC, for the period's time order, and as stated), the record's status, order
-- number, currency and item amounts (decimal text joined by char(31)) — so the register's six-item
-- reconciliation reads the period's rows instead of probing the outbox for every order. Kept by
-- triggers on outbox (a record queued, sent, changed, deleted) and on orders (stored, renumbered,
-- re-dated, deleted).
CREATE VIEW register_list_lines_source AS
  SELECT o.ordered_at, o.order_no, d.id AS document_id, coalesce(l.key, -1) AS line, o.id AS order_id, o.customs_mode,
      o.buyer_country, d.invt_no, d.entry_id,
      CASE WHEN json_valid(d.facts) THEN json_extract(d.facts, '$.currency') END AS currency,
      json_extract(l.value, '$.itemNo') AS item_no, json_extract(l.value, '$.qty') AS qty,
      json_extract(l.value, '$.unit') AS unit, json_extract(l.value, '$.totalPrice') AS total_price
    FROM customs_documents d JOIN orders o ON o.id = d.order_id
    LEFT JOIN json_each(CASE WHEN json_valid(d.facts) THEN d.facts END, '$.lines') l
    WHERE d.type = 'CEB603' AND o.customs_mode IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM customs_documents x WHERE x.order_id = d.order_id AND x.type = 'CEB603'
        AND x.business_key = d.business_key AND x.revision > d.revision)
      AND NOT EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id AND a.kind = 'released')
      AND (d.status_rank BETWEEN 20 AND 30
        OR EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id AND a.kind = 'withdrawn'));

-- item_no … total_price as the list's JSON states them (no type: a value is stored as it is)
CREATE TABLE register_list_lines (
  ordered_at    TEXT NOT NULL,
  order_no      TEXT NOT NULL,
  document_id   INTEGER NOT NULL,
  line          INTEGER NOT NULL,
  order_id      INTEGER NOT NULL,
  customs_mode  TEXT NOT NULL,
  buyer_country TEXT,
  invt_no       TEXT,
  entry_id      TEXT,
  currency,
  item_no,
  qty,
  unit,
  total_price,
  PRIMARY KEY (ordered_at, order_no, document_id, line)
) WITHOUT ROWID;
CREATE INDEX register_list_lines_by_order ON register_list_lines (order_id);

-- ---- customs_documents ----------------------------------------------------------------------
CREATE TRIGGER register_list_lines_doc_ai AFTER INSERT ON customs_documents
  WHEN NEW.type = 'CEB603' AND NEW.order_id IS NOT NULL
BEGIN
  DELETE FROM register_list_lines WHERE order_id = NEW.order_id;
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id = NEW.order_id;
END;

CREATE TRIGGER register_list_lines_doc_au AFTER UPDATE ON customs_documents
  WHEN (OLD.type = 'CEB603' OR NEW.type = 'CEB603')
    AND (OLD.status_rank IS NOT NEW.status_rank OR OLD.invt_no IS NOT NEW.invt_no OR OLD.entry_id IS NOT NEW.entry_id
      OR OLD.facts IS NOT NEW.facts OR OLD.type IS NOT NEW.type OR OLD.business_key IS NOT NEW.business_key
      OR OLD.revision IS NOT NEW.revision OR OLD.order_id IS NOT NEW.order_id OR OLD.id IS NOT NEW.id)
BEGIN
  DELETE FROM register_list_lines WHERE order_id IN (OLD.order_id, NEW.order_id);
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id IN (OLD.order_id, NEW.order_id);
END;

CREATE TRIGGER register_list_lines_doc_ad AFTER DELETE ON customs_documents
  WHEN OLD.type = 'CEB603' AND OLD.order_id IS NOT NULL
BEGIN
  DELETE FROM register_list_lines WHERE order_id = OLD.order_id;
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id = OLD.order_id;
END;

-- ---- register_adjustments (append-only: a late release or withdrawal) -------------------------
CREATE TRIGGER register_list_lines_adjustment_ai AFTER INSERT ON register_adjustments
BEGIN
  DELETE FROM register_list_lines WHERE order_id = (SELECT order_id FROM customs_documents WHERE id = NEW.document_id);
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id = (SELECT order_id FROM customs_documents WHERE id = NEW.document_id);
END;

-- ---- orders ---------------------------------------------------------------------------------
CREATE TRIGGER register_list_lines_order_ai AFTER INSERT ON orders
  WHEN EXISTS (SELECT 1 FROM customs_documents WHERE order_id = NEW.id)
BEGIN
  DELETE FROM register_list_lines WHERE order_id = NEW.id;
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id = NEW.id;
END;

CREATE TRIGGER register_list_lines_order_au AFTER UPDATE OF id, ordered_at, order_no, customs_mode, buyer_country ON orders
  WHEN OLD.id IS NOT NEW.id OR OLD.ordered_at IS NOT NEW.ordered_at OR OLD.order_no IS NOT NEW.order_no
    OR OLD.customs_mode IS NOT NEW.customs_mode OR OLD.buyer_country IS NOT NEW.buyer_country
BEGIN
  DELETE FROM register_list_lines WHERE order_id IN (OLD.id, NEW.id);
  INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
      entry_id, currency, item_no, qty, unit, total_price)
    SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
        item_no, qty, unit, total_price
      FROM register_list_lines_source WHERE order_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER register_list_lines_order_ad AFTER DELETE ON orders
BEGIN
  DELETE FROM register_list_lines WHERE order_id = OLD.id;
END;

-- ---- the six items ----------------------------------------------------------------------------
CREATE VIEW register_six_items_source AS
  SELECT o.ordered_at_utc, o.id AS order_id, x.id AS outbox_id, o.ordered_at, x.status,
      CASE WHEN json_valid(x.payload) THEN json_extract(x.payload, '$.orderNo') END AS order_no,
      CASE WHEN json_valid(x.payload) THEN json_extract(x.payload, '$.currency') END AS currency,
      (SELECT group_concat(json_extract(i.value, '$.amount'), char(31))
        FROM json_each(CASE WHEN json_valid(x.payload) THEN x.payload END, '$.items') i) AS amounts
    FROM outbox x JOIN orders o ON x.idempotency_key = 'tax.sixItems:' || o.order_no
      AND o.order_no = substr(x.idempotency_key, 14)
    WHERE x.kind = 'tax.sixItems';

CREATE TABLE register_six_items (
  ordered_at_utc TEXT NOT NULL,
  order_id       INTEGER NOT NULL,
  outbox_id      INTEGER NOT NULL,
  ordered_at     TEXT NOT NULL,
  status         TEXT NOT NULL,
  order_no,
  currency,
  amounts,
  PRIMARY KEY (ordered_at_utc, order_id, outbox_id)
) WITHOUT ROWID;
CREATE INDEX register_six_items_by_order ON register_six_items (order_id);
CREATE INDEX register_six_items_by_outbox ON register_six_items (outbox_id);

CREATE TRIGGER register_six_items_outbox_ai AFTER INSERT ON outbox WHEN NEW.kind = 'tax.sixItems'
BEGIN
  INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
    SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
      FROM register_six_items_source WHERE outbox_id = NEW.id;
END;

CREATE TRIGGER register_six_items_outbox_au AFTER UPDATE ON outbox
  WHEN (OLD.kind = 'tax.sixItems' OR NEW.kind = 'tax.sixItems')
    AND (OLD.status IS NOT NEW.status OR OLD.payload IS NOT NEW.payload OR OLD.idempotency_key IS NOT NEW.idempotency_key
      OR OLD.kind IS NOT NEW.kind OR OLD.id IS NOT NEW.id)
BEGIN
  DELETE FROM register_six_items WHERE outbox_id IN (OLD.id, NEW.id);
  INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
    SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
      FROM register_six_items_source WHERE outbox_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER register_six_items_outbox_ad AFTER DELETE ON outbox WHEN OLD.kind = 'tax.sixItems'
BEGIN
  DELETE FROM register_six_items WHERE outbox_id = OLD.id;
END;

CREATE TRIGGER register_six_items_order_ai AFTER INSERT ON orders
BEGIN
  INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
    SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
      FROM register_six_items_source WHERE order_id = NEW.id;
END;

CREATE TRIGGER register_six_items_order_au AFTER UPDATE OF id, order_no, ordered_at, ordered_at_utc ON orders
  WHEN OLD.id IS NOT NEW.id OR OLD.order_no IS NOT NEW.order_no OR OLD.ordered_at IS NOT NEW.ordered_at
    OR OLD.ordered_at_utc IS NOT NEW.ordered_at_utc
BEGIN
  DELETE FROM register_six_items WHERE order_id IN (OLD.id, NEW.id);
  INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
    SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
      FROM register_six_items_source WHERE order_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER register_six_items_order_ad AFTER DELETE ON orders
BEGIN
  DELETE FROM register_six_items WHERE order_id = OLD.id;
END;

-- ---- backfill -------------------------------------------------------------------------------
INSERT INTO register_list_lines (ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no,
    entry_id, currency, item_no, qty, unit, total_price)
  SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id, currency,
      item_no, qty, unit, total_price
    FROM register_list_lines_source;

INSERT INTO register_six_items (ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts)
  SELECT ordered_at_utc, order_id, outbox_id, ordered_at, status, order_no, currency, amounts
    FROM register_six_items_source;
