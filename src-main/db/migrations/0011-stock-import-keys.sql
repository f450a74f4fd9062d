-- 0011 stock import keys (issue 14, point 8): the natural key of every stock-file row that has
-- been posted — stock-moves rows (hash of the move fields + `#n`, the row's occurrence among
-- identical rows of its file) and 3PL count rows ('count:' + the same) — so the same file, or an
-- overlapping later export, posts each row once. Append-only; a reversal does not free a key.
CREATE TABLE stock_import_keys (
  natural_key TEXT PRIMARY KEY CHECK (length(natural_key) BETWEEN 1 AND 120),
  source      TEXT NOT NULL CHECK (source IN ('stock-moves', 'stock-count')),
  file_row    INTEGER NOT NULL,
  command_id  INTEGER NOT NULL REFERENCES command_log(id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER stock_import_keys_append_only_u BEFORE UPDATE ON stock_import_keys
  BEGIN SELECT RAISE(ABORT, 'stock_import_keys is append-only'); END;
CREATE TRIGGER stock_import_keys_append_only_d BEFORE DELETE ON stock_import_keys
  BEGIN SELECT RAISE(ABORT, 'stock_import_keys is append-only'); END;
