-- 0003 stock: SKUs with customs data and platform SKU mappings, warehouses (one transit warehouse
-- per head-haul shipment), shipments with lines and landed costs, and the append-only stock ledger.
-- Quantities are INTEGER units, values INTEGER CNY fen. `stock_moves` facts are immutable: only the
-- derived `value` column may be rewritten (by the re-fold after a backdated move); corrections are
-- reversal moves. `stock_layers`, `stock_move_takes` and `stock_balances` are derived data.
CREATE TABLE skus (
  id                INTEGER PRIMARY KEY,
  item_no           TEXT NOT NULL UNIQUE CHECK (length(item_no) BETWEEN 1 AND 20),
  goods_name        TEXT NOT NULL,
  gmodel            TEXT NOT NULL,
  -- '' only for SKUs an import created with --create-missing (customs data still to be filled).
  hs_code           TEXT NOT NULL CHECK (hs_code = '' OR (length(hs_code) = 10 AND hs_code NOT GLOB '*[^0-9]*')),
  unit              TEXT NOT NULL,
  legal_unit        TEXT NOT NULL,
  second_legal_unit TEXT,
  barcode           TEXT,
  origin            TEXT,
  weight_grams      INTEGER CHECK (weight_grams IS NULL OR weight_grams >= 0),
  volume_cm3        INTEGER CHECK (volume_cm3 IS NULL OR volume_cm3 >= 0)
) STRICT;

CREATE TABLE platform_skus (
  id       INTEGER PRIMARY KEY,
  sku_id   INTEGER NOT NULL REFERENCES skus(id),
  platform TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('asin', 'fnsku', 'sellerSku', 'shopifySku', 'other')),
  code     TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
  UNIQUE (platform, kind, code)
) STRICT;
CREATE INDEX platform_skus_by_code ON platform_skus (code);

CREATE TABLE warehouses (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 80),
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('domestic', 'transit', 'overseasOwn', 'overseasPublic', 'platform', 'returns')),
  country TEXT CHECK (country IS NULL OR length(country) = 2)
) STRICT;

CREATE TABLE shipments (
  id                   INTEGER PRIMARY KEY,
  booking_note_no      TEXT NOT NULL UNIQUE,
  carrier              TEXT NOT NULL,
  cartons              INTEGER NOT NULL CHECK (cartons >= 0),
  ship_date            TEXT NOT NULL CHECK (length(ship_date) = 10),
  eta                  TEXT,
  from_warehouse_id    INTEGER NOT NULL REFERENCES warehouses(id),
  to_warehouse_id      INTEGER NOT NULL REFERENCES warehouses(id),
  transit_warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  allocation_basis     TEXT NOT NULL CHECK (allocation_basis IN ('value', 'weight', 'volume', 'quantity')),
  status               TEXT NOT NULL CHECK (status IN ('inTransit', 'received')),
  received_at          TEXT,
  command_id           INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;

CREATE TABLE shipment_lines (
  id                 INTEGER PRIMARY KEY,
  shipment_id        INTEGER NOT NULL REFERENCES shipments(id),
  sku_id             INTEGER NOT NULL REFERENCES skus(id),
  shipped            INTEGER NOT NULL CHECK (shipped > 0),
  received           INTEGER CHECK (received IS NULL OR received >= 0),
  discrepancy_reason TEXT,
  -- The in-leg of the dispatch into the transit warehouse: its layers are this line's units.
  dispatch_move_id   INTEGER,
  UNIQUE (shipment_id, sku_id)
) STRICT;

CREATE TABLE shipment_costs (
  id          INTEGER PRIMARY KEY,
  shipment_id INTEGER NOT NULL REFERENCES shipments(id),
  kind        TEXT NOT NULL CHECK (kind IN ('freight', 'insurance', 'duty', 'inboundFee')),
  date        TEXT NOT NULL CHECK (length(date) = 10),
  amount      INTEGER NOT NULL,
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  rate        TEXT,
  value_cny   INTEGER NOT NULL,
  command_id  INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;

-- input_value: the value the user gave (purchase cost, landed-cost amount, return cost); NULL when
-- the value is derived by the fold (issues, transfers, counts). For landedCost moves `value` is
-- the part that went into stock and input_value − value went to cost of goods.
-- pair_move_id: on the in-leg of a transfer/dispatch/receipt, the out-leg whose pieces it receives.
CREATE TABLE stock_moves (
  id                      INTEGER PRIMARY KEY,
  date                    TEXT NOT NULL CHECK (length(date) = 10),
  type                    TEXT NOT NULL CHECK (type IN ('purchase', 'transfer', 'sale', 'return', 'count', 'writeoff', 'reversal', 'landedCost', 'shipmentDispatch', 'shipmentReceipt')),
  sku_id                  INTEGER NOT NULL REFERENCES skus(id),
  warehouse_id            INTEGER NOT NULL REFERENCES warehouses(id),
  quantity                INTEGER NOT NULL,
  value                   INTEGER NOT NULL,
  input_value             INTEGER,
  counted                 INTEGER,
  reference               TEXT,
  reason                  TEXT,
  reverses_move_id        INTEGER UNIQUE REFERENCES stock_moves(id),
  pair_move_id            INTEGER REFERENCES stock_moves(id),
  shipment_id             INTEGER REFERENCES shipments(id),
  order_id                INTEGER REFERENCES orders(id),
  line_key                TEXT,
  supplier_invoice_no     TEXT,
  supplier_invoice_amount INTEGER,
  export_date             TEXT,
  command_id              INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;
CREATE INDEX stock_moves_by_sku ON stock_moves (sku_id, date, id);
CREATE INDEX stock_moves_by_date ON stock_moves (date, sku_id, warehouse_id, quantity, value);
CREATE INDEX stock_moves_by_order ON stock_moves (order_id, line_key) WHERE order_id IS NOT NULL;
CREATE INDEX stock_moves_by_shipment ON stock_moves (shipment_id) WHERE shipment_id IS NOT NULL;
CREATE INDEX stock_moves_by_warehouse ON stock_moves (warehouse_id, id);
CREATE TRIGGER stock_moves_facts_immutable BEFORE UPDATE OF id, date, type, sku_id, warehouse_id, quantity, input_value, counted,
  reference, reason, reverses_move_id, pair_move_id, shipment_id, order_id, line_key, supplier_invoice_no, supplier_invoice_amount,
  export_date, command_id ON stock_moves
  BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only: post a reversal'); END;
CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves
  BEGIN SELECT RAISE(ABORT, 'stock_moves is append-only: post a reversal'); END;

-- Current balance per SKU × warehouse, kept by triggers, so on-hand "as of today" is one read.
CREATE TABLE stock_balances (
  sku_id       INTEGER NOT NULL,
  warehouse_id INTEGER NOT NULL,
  quantity     INTEGER NOT NULL,
  value        INTEGER NOT NULL,
  PRIMARY KEY (sku_id, warehouse_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER stock_balances_ai AFTER INSERT ON stock_moves BEGIN
  INSERT INTO stock_balances (sku_id, warehouse_id, quantity, value) VALUES (new.sku_id, new.warehouse_id, new.quantity, new.value)
    ON CONFLICT (sku_id, warehouse_id) DO UPDATE SET quantity = quantity + excluded.quantity, value = value + excluded.value;
END;
CREATE TRIGGER stock_balances_au AFTER UPDATE OF value ON stock_moves BEGIN
  UPDATE stock_balances SET value = value + new.value - old.value WHERE sku_id = new.sku_id AND warehouse_id = new.warehouse_id;
END;

-- The FIFO (or pooled) layers left after the last move, per SKU × warehouse.
CREATE TABLE stock_layers (
  id             INTEGER PRIMARY KEY,
  sku_id         INTEGER NOT NULL,
  warehouse_id   INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  source_move_id INTEGER NOT NULL,
  received_at    TEXT NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  value          INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_layers_by_sku ON stock_layers (sku_id, warehouse_id, seq);

-- Which layers each issue consumed (evidence: which purchase a sale's cost came from).
CREATE TABLE stock_move_takes (
  move_id        INTEGER NOT NULL,
  sku_id         INTEGER NOT NULL,
  source_move_id INTEGER NOT NULL,
  received_at    TEXT NOT NULL,
  quantity       INTEGER NOT NULL,
  value          INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_move_takes_by_move ON stock_move_takes (move_id);
CREATE INDEX stock_move_takes_by_sku ON stock_move_takes (sku_id);
