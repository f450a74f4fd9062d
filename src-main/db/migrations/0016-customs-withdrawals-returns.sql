-- kuajing:foreign-keys-off
-- 0016 customs withdrawals, returns, head-haul declarations and transaction-price parts (issue 15):
--  * customs_messages / customs_documents also hold CEB605 (撤销申请单, a list withdrawn with its
--    reason) and CEB213 (退货申请单, goods of a list coming back, 9661/1261): the type CHECKs are
--    widened, the tables rebuilt the way SQLite documents (foreign keys off, every row, index and
--    trigger as it was);
--  * shipment_lines.declared_unit_value: the declared unit value of a 9810 head-haul line in CNY
--    fen, from the stock file's `declared_unit_value` column (else cost plus the user's markup);
--  * customs_head_haul_entries: the 报关单 number (entryId) and line numbers the customs broker got
--    back for a head-haul shipment declared on a 报关单.

CREATE TABLE customs_messages_new (
  guid            TEXT PRIMARY KEY CHECK (length(guid) = 36),
  type            TEXT NOT NULL CHECK (type IN ('CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701', 'CEB605', 'CEB213')),
  idempotency_key TEXT NOT NULL UNIQUE,
  xml             TEXT NOT NULL,
  command_id      INTEGER NOT NULL REFERENCES command_log(id),
  created_at      TEXT NOT NULL
) STRICT;
INSERT INTO customs_messages_new (guid, type, idempotency_key, xml, command_id, created_at)
  SELECT guid, type, idempotency_key, xml, command_id, created_at FROM customs_messages ORDER BY rowid;
DROP TABLE customs_messages;
ALTER TABLE customs_messages_new RENAME TO customs_messages;
CREATE TRIGGER customs_messages_append_only_u BEFORE UPDATE ON customs_messages
  BEGIN SELECT RAISE(ABORT, 'customs_messages is append-only'); END;
CREATE TRIGGER customs_messages_append_only_d BEFORE DELETE ON customs_messages
  BEGIN SELECT RAISE(ABORT, 'customs_messages is append-only'); END;

CREATE TABLE customs_documents_new (
  id                 INTEGER PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701', 'CEB605', 'CEB213')),
  business_key       TEXT NOT NULL CHECK (length(business_key) BETWEEN 1 AND 60),
  revision           INTEGER NOT NULL CHECK (revision >= 1),
  order_id           INTEGER REFERENCES orders(id),
  order_no           TEXT,
  guid               TEXT NOT NULL UNIQUE CHECK (length(guid) = 36),
  message_guid       TEXT NOT NULL REFERENCES customs_messages(guid),
  status             TEXT NOT NULL,
  status_rank        INTEGER NOT NULL,
  status_at          TEXT NOT NULL,
  last_return_status TEXT,
  last_return_info   TEXT,
  invt_no            TEXT,
  pre_no             TEXT,
  sum_no             TEXT,
  entry_id           TEXT,
  facts              TEXT,
  created_at         TEXT NOT NULL,
  UNIQUE (type, business_key, revision)
) STRICT;
INSERT INTO customs_documents_new (id, type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank,
  status_at, last_return_status, last_return_info, invt_no, pre_no, sum_no, entry_id, facts, created_at)
  SELECT id, type, business_key, revision, order_id, order_no, guid, message_guid, status, status_rank,
    status_at, last_return_status, last_return_info, invt_no, pre_no, sum_no, entry_id, facts, created_at
  FROM customs_documents ORDER BY id;
DROP TABLE customs_documents;
ALTER TABLE customs_documents_new RENAME TO customs_documents;
CREATE INDEX customs_documents_by_status ON customs_documents (status, id);
CREATE INDEX customs_documents_by_type ON customs_documents (type, id);
CREATE INDEX customs_documents_by_message ON customs_documents (message_guid);
CREATE INDEX customs_documents_by_order ON customs_documents (order_id);
CREATE INDEX customs_documents_by_invt ON customs_documents (invt_no) WHERE invt_no IS NOT NULL;
CREATE INDEX customs_documents_by_sum ON customs_documents (sum_no) WHERE sum_no IS NOT NULL;
CREATE TRIGGER customs_documents_facts_immutable BEFORE UPDATE OF id, type, business_key, revision, order_id, guid, message_guid, facts, created_at
  ON customs_documents BEGIN SELECT RAISE(ABORT, 'customs_documents facts are immutable'); END;
CREATE TRIGGER customs_documents_no_delete BEFORE DELETE ON customs_documents
  BEGIN SELECT RAISE(ABORT, 'customs_documents are kept'); END;

ALTER TABLE shipment_lines ADD COLUMN declared_unit_value INTEGER CHECK (declared_unit_value IS NULL OR declared_unit_value > 0);

CREATE TABLE customs_head_haul_entries (
  shipment_id INTEGER PRIMARY KEY REFERENCES shipments(id),
  entry_id    TEXT NOT NULL CHECK (length(entry_id) = 18),
  -- JSON [{ "gnum": shipment line (1…), "gseqno": 报关单 line }]
  lines       TEXT NOT NULL,
  command_id  INTEGER NOT NULL REFERENCES command_log(id),
  recorded_at TEXT NOT NULL
) STRICT;

-- What a marketplace file says about the transaction price of a line (issue 15, point 3), so the
-- declared value can exclude it: VAT the marketplace collected inside the item price (Amazon UK/EU
-- `item-tax`) and inside the shipping / gift-wrap price (`shipping-tax`, `gift-wrap-tax`), and the
-- part of the line's discount that is a shipping promotion (`ship-promotion-discount`: it lowers
-- the freight, not the goods). NULL: the file states none.
ALTER TABLE order_lines ADD COLUMN included_tax INTEGER;
ALTER TABLE order_lines ADD COLUMN included_shipping_tax INTEGER;
ALTER TABLE order_lines ADD COLUMN shipping_discount INTEGER;

-- The warehouse's address, from the warehouse file (`kuajing import FILE --source warehouses`).
ALTER TABLE warehouses ADD COLUMN address TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300);
