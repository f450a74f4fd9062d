-- 0015 period close (issue 17 point 1g): closing a month is a recorded act, and so is reopening
-- it. The latest event of a month says whether it is closed. Append-only: history is never
-- rewritten; reopening is a new row with its reason.
CREATE TABLE period_events (
  id         INTEGER PRIMARY KEY,
  month      TEXT NOT NULL CHECK (length(month) = 7 AND month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  action     TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
  reason     TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 200),
  command_id INTEGER NOT NULL REFERENCES command_log(id),
  at         TEXT NOT NULL
) STRICT;
CREATE INDEX period_events_by_month ON period_events (month, id);
CREATE TRIGGER period_events_append_only_u BEFORE UPDATE ON period_events
  BEGIN SELECT RAISE(ABORT, 'period_events is append-only'); END;
CREATE TRIGGER period_events_append_only_d BEFORE DELETE ON period_events
  BEGIN SELECT RAISE(ABORT, 'period_events is append-only'); END;
