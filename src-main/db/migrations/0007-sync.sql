-- 0007 sync: receipts as they arrived from the platform or the exchange folder, stored once
-- each (sha-256 of the XML) whatever the transport repeats, kept as evidence (append-only).
-- The receipt cursor lives in settings ('sync.receiptCursor'); outbox rows carry their own
-- attempts / next_attempt_at / last_error (0001).
CREATE TABLE sync_receipt (
  id           INTEGER PRIMARY KEY,
  command_id   INTEGER NOT NULL REFERENCES command_log(id),
  digest       TEXT NOT NULL UNIQUE CHECK (length(digest) = 64),
  message_type TEXT NOT NULL CHECK (length(message_type) BETWEEN 1 AND 20),
  source       TEXT NOT NULL,
  return_status TEXT,
  xml          TEXT NOT NULL,
  received_at  TEXT NOT NULL
) STRICT;
CREATE TRIGGER sync_receipt_append_only_u BEFORE UPDATE ON sync_receipt
  BEGIN SELECT RAISE(ABORT, 'sync_receipt is append-only'); END;
CREATE TRIGGER sync_receipt_append_only_d BEFORE DELETE ON sync_receipt
  BEGIN SELECT RAISE(ABORT, 'sync_receipt is append-only'); END;
-- Rows a transport still has to send, in id order (db/sync-store.ts TRANSPORTED_KINDS): the
-- sync engine takes its batches from here without sorting the whole outbox.
CREATE INDEX outbox_unsent ON outbox (id) WHERE status IN ('queued', 'sending') AND kind IN ('ceb.message', 'tax.sixItems');
CREATE INDEX outbox_by_kind_status ON outbox (kind, status);
