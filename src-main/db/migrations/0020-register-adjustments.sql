-- 0020 late customs receipts and a closed month (issue 17 point 1g): a list released (CEB604 800…)
-- or withdrawn (CEB606) after the month of its export was closed does not change that month's
-- register; the change is recorded here and takes effect in the register of an open month as an
-- adjustment (the export's own date and rate, a coded note naming the closed month). Append-only:
-- an adjustment stays where it was posted, whatever happens to the months afterwards.
CREATE TABLE register_adjustments (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES customs_documents(id),
  kind         TEXT NOT NULL CHECK (kind IN ('released', 'withdrawn')),
  -- the closed month of the export (its order's sale day)
  export_month TEXT NOT NULL CHECK (length(export_month) = 7),
  -- the open month whose register carries the change
  month        TEXT NOT NULL CHECK (length(month) = 7),
  receipt_id   INTEGER REFERENCES customs_receipts(id),
  command_id   INTEGER NOT NULL REFERENCES command_log(id),
  at           TEXT NOT NULL,
  UNIQUE (document_id, kind)
) STRICT;
CREATE INDEX register_adjustments_by_month ON register_adjustments (month, id);
CREATE TRIGGER register_adjustments_append_only_u BEFORE UPDATE ON register_adjustments
  BEGIN SELECT RAISE(ABORT, 'register_adjustments is append-only'); END;
CREATE TRIGGER register_adjustments_append_only_d BEFORE DELETE ON register_adjustments
  BEGIN SELECT RAISE(ABORT, 'register_adjustments is append-only'); END;
