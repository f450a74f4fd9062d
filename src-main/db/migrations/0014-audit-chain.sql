-- 0014 audit chain (issue 16, point 6): one entry per committed command, chained by SHA-256
-- (prev_hash → hash over id, command id, command, time, row count and the hash of its row
-- lines), and one audit_row per row it wrote with that row's content hash ('-' when deleted).
-- The latest audit_row of a (table, key) is the row's content hash and the entry that last
-- wrote it. Both append-only; written by db/audit-chain.ts inside the unit of work.
CREATE TABLE audit_entry (
  id         INTEGER PRIMARY KEY,
  command_id INTEGER NOT NULL,
  command    TEXT NOT NULL,
  at         TEXT NOT NULL,
  row_count  INTEGER NOT NULL CHECK (row_count >= 0),
  rows_hash  TEXT NOT NULL CHECK (length(rows_hash) = 64),
  prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash       TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE TABLE audit_row (
  tbl      TEXT NOT NULL,
  k        TEXT NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES audit_entry(id),
  hash     TEXT NOT NULL CHECK (hash = '-' OR length(hash) = 64)
) STRICT;
CREATE INDEX audit_row_by_key ON audit_row (tbl, k, entry_id);
CREATE INDEX audit_row_by_entry ON audit_row (entry_id);
CREATE TRIGGER audit_entry_append_only_u BEFORE UPDATE ON audit_entry
  BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
CREATE TRIGGER audit_entry_append_only_d BEFORE DELETE ON audit_entry
  BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
CREATE TRIGGER audit_row_append_only_u BEFORE UPDATE ON audit_row
  BEGIN SELECT RAISE(ABORT, 'audit_row is append-only'); END;
CREATE TRIGGER audit_row_append_only_d BEFORE DELETE ON audit_row
  BEGIN SELECT RAISE(ABORT, 'audit_row is append-only'); END;
