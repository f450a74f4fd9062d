-- 0001 foundation: workspace metadata, company profile (append-only versions), settings,
-- the command log every mutation writes, and the sync outbox written in the same transaction.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE command_log (
  id      INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  at      TEXT NOT NULL
) STRICT;

CREATE TABLE company_profile (
  version       INTEGER PRIMARY KEY,
  command_id    INTEGER NOT NULL REFERENCES command_log(id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  uscc          TEXT NOT NULL CHECK (length(uscc) = 18),
  customs_code  TEXT NOT NULL CHECK (length(customs_code) = 10),
  dxp_id        TEXT,
  pilot_zone    TEXT NOT NULL,
  base_currency TEXT NOT NULL CHECK (base_currency = 'CNY'),
  saved_at      TEXT NOT NULL
) STRICT;
CREATE TRIGGER company_profile_append_only_u BEFORE UPDATE ON company_profile
  BEGIN SELECT RAISE(ABORT, 'company_profile is append-only'); END;
CREATE TRIGGER company_profile_append_only_d BEFORE DELETE ON company_profile
  BEGIN SELECT RAISE(ABORT, 'company_profile is append-only'); END;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  command_id      INTEGER NOT NULL REFERENCES command_log(id),
  kind            TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT
) STRICT;
CREATE INDEX outbox_by_status ON outbox (status, id);
