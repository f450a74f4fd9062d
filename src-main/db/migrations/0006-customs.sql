-- 0006 customs: per-order shipping data the lists need, the CEB messages and their business
-- documents with a status and its full history, every receipt stored once (evidence), and the
-- CEB792 list-line → declaration-line mapping. Messages, history and receipts are append-only;
-- a document's status columns are derived from its history (rank-ordered, never backwards).
CREATE TABLE customs_shipping (
  order_id           INTEGER PRIMARY KEY REFERENCES orders(id),
  logistics_no       TEXT CHECK (logistics_no IS NULL OR length(logistics_no) BETWEEN 1 AND 32),
  logistics_code     TEXT,
  logistics_name     TEXT,
  export_date        TEXT CHECK (export_date IS NULL OR length(export_date) = 10),
  gross_weight_grams INTEGER CHECK (gross_weight_grams IS NULL OR gross_weight_grams >= 0),
  pack_no            INTEGER CHECK (pack_no IS NULL OR pack_no >= 1),
  cop_no             TEXT CHECK (cop_no IS NULL OR length(cop_no) BETWEEN 1 AND 30)
) STRICT;

CREATE TABLE customs_messages (
  guid            TEXT PRIMARY KEY CHECK (length(guid) = 36),
  type            TEXT NOT NULL CHECK (type IN ('CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701')),
  idempotency_key TEXT NOT NULL UNIQUE,
  xml             TEXT NOT NULL,
  command_id      INTEGER NOT NULL REFERENCES command_log(id),
  created_at      TEXT NOT NULL
) STRICT;
CREATE TRIGGER customs_messages_append_only_u BEFORE UPDATE ON customs_messages
  BEGIN SELECT RAISE(ABORT, 'customs_messages is append-only'); END;
CREATE TRIGGER customs_messages_append_only_d BEFORE DELETE ON customs_messages
  BEGIN SELECT RAISE(ABORT, 'customs_messages is append-only'); END;

CREATE TABLE customs_documents (
  id                 INTEGER PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701')),
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
  -- What the document states (JSON DocumentFacts, core/customs/precheck.ts), for 三单比对 later.
  facts              TEXT,
  created_at         TEXT NOT NULL,
  UNIQUE (type, business_key, revision)
) STRICT;
CREATE INDEX customs_documents_by_status ON customs_documents (status, id);
CREATE INDEX customs_documents_by_type ON customs_documents (type, id);
CREATE INDEX customs_documents_by_message ON customs_documents (message_guid);
CREATE INDEX customs_documents_by_order ON customs_documents (order_id);
CREATE INDEX customs_documents_by_invt ON customs_documents (invt_no) WHERE invt_no IS NOT NULL;
CREATE INDEX customs_documents_by_sum ON customs_documents (sum_no) WHERE sum_no IS NOT NULL;
-- The facts of a document never change; only its derived status and the numbers customs assigns do.
CREATE TRIGGER customs_documents_facts_immutable BEFORE UPDATE OF id, type, business_key, revision, order_id, guid, message_guid, facts, created_at
  ON customs_documents BEGIN SELECT RAISE(ABORT, 'customs_documents facts are immutable'); END;
CREATE TRIGGER customs_documents_no_delete BEFORE DELETE ON customs_documents
  BEGIN SELECT RAISE(ABORT, 'customs_documents are kept'); END;

CREATE TABLE customs_receipts (
  id            INTEGER PRIMARY KEY,
  digest        TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
  message_type  TEXT NOT NULL,
  message_guid  TEXT NOT NULL,
  guid          TEXT NOT NULL,
  business_key  TEXT NOT NULL,
  status        TEXT NOT NULL,
  return_time   TEXT NOT NULL,
  return_info   TEXT NOT NULL,
  document_id   INTEGER REFERENCES customs_documents(id),
  data          TEXT NOT NULL,
  command_id    INTEGER NOT NULL REFERENCES command_log(id),
  received_at   TEXT NOT NULL
) STRICT;
CREATE INDEX customs_receipts_by_document ON customs_receipts (document_id);
CREATE TRIGGER customs_receipts_append_only_u BEFORE UPDATE ON customs_receipts
  BEGIN SELECT RAISE(ABORT, 'customs_receipts is append-only'); END;
CREATE TRIGGER customs_receipts_append_only_d BEFORE DELETE ON customs_receipts
  BEGIN SELECT RAISE(ABORT, 'customs_receipts is append-only'); END;

CREATE TABLE customs_status_history (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES customs_documents(id),
  status      TEXT NOT NULL,
  at          TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('local', 'receipt')),
  applied     INTEGER NOT NULL CHECK (applied IN (0, 1)),
  info        TEXT,
  receipt_id  INTEGER REFERENCES customs_receipts(id)
) STRICT;
CREATE INDEX customs_status_history_by_document ON customs_status_history (document_id, id);
CREATE TRIGGER customs_status_history_append_only_u BEFORE UPDATE ON customs_status_history
  BEGIN SELECT RAISE(ABORT, 'customs_status_history is append-only'); END;
CREATE TRIGGER customs_status_history_append_only_d BEFORE DELETE ON customs_status_history
  BEGIN SELECT RAISE(ABORT, 'customs_status_history is append-only'); END;

-- CEB792: list line → declaration line, per summary result.
CREATE TABLE customs_declaration_lines (
  id          INTEGER PRIMARY KEY,
  receipt_id  INTEGER NOT NULL REFERENCES customs_receipts(id),
  document_id INTEGER REFERENCES customs_documents(id),
  invt_no     TEXT NOT NULL,
  gnum        INTEGER NOT NULL,
  gseqno      INTEGER NOT NULL,
  gcode       TEXT NOT NULL,
  entry_id    TEXT,
  decl_seq_no TEXT NOT NULL
) STRICT;
CREATE INDEX customs_declaration_lines_by_document ON customs_declaration_lines (document_id, gnum);
