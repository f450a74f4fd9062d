-- 0010 sync quarantine (issue 16, point 2): an inbound receipt that cannot be read (not XML, a
-- DTD or entity declaration, not a receipt, too large) is not stored as a receipt and never
-- blocks the ones behind it: it is recorded here with its coded reason, once per (source,
-- digest), and the exchange folder moves its file to in/rejected/ with a reason file.
-- `excerpt` keeps the start of an HTTP receipt (the folder keeps the whole file). Append-only.
CREATE TABLE sync_quarantine (
  id             INTEGER PRIMARY KEY,
  command_id     INTEGER NOT NULL REFERENCES command_log(id),
  transport      TEXT NOT NULL CHECK (transport IN ('platform', 'exchangeDir')),
  source         TEXT NOT NULL,
  digest         TEXT NOT NULL CHECK (length(digest) = 64),
  code           TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 80),
  params         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  size           INTEGER NOT NULL CHECK (size >= 0),
  excerpt        TEXT,
  quarantined_at TEXT NOT NULL,
  UNIQUE (source, digest)
) STRICT;
CREATE TRIGGER sync_quarantine_append_only_u BEFORE UPDATE ON sync_quarantine
  BEGIN SELECT RAISE(ABORT, 'sync_quarantine is append-only'); END;
CREATE TRIGGER sync_quarantine_append_only_d BEFORE DELETE ON sync_quarantine
  BEGIN SELECT RAISE(ABORT, 'sync_quarantine is append-only'); END;
