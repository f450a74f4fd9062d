-- 0019 the netting statement from totals written with the payout (issue 19, point 1). Payout lines
-- are append-only, so each payout's per-key and per-order sums are fixed once its lines are in:
-- insertPayout writes them with one GROUP BY each, and an order imported later records the sum and
-- first row of the lines it matches with its late match. The statement then reads a few hundred
-- key totals and the per-order sums instead of aggregating every line on each read.

-- Σ amount and line count per platform key (payout-store insertPayout).
CREATE TABLE payout_key_totals (
  key_id     INTEGER PRIMARY KEY REFERENCES payout_keys(id),
  payout_id  INTEGER NOT NULL REFERENCES payouts(id),
  amount     INTEGER NOT NULL,
  line_count INTEGER NOT NULL CHECK (line_count > 0)
) STRICT;
CREATE INDEX payout_key_totals_by_payout ON payout_key_totals (payout_id);
INSERT INTO payout_key_totals (key_id, payout_id, amount, line_count)
  SELECT key_id, payout_id, sum(amount), count(*) FROM payout_lines GROUP BY key_id;

-- Σ amount, first row and line count per order a payout's lines match: at import (insertPayout)
-- and when an order of a waiting number arrives (the late-match trigger below). One row per payout
-- and order, so "is this order paid" is one probe of payout_order_totals_by_order.
CREATE TABLE payout_order_totals (
  payout_id  INTEGER NOT NULL REFERENCES payouts(id),
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  amount     INTEGER NOT NULL,
  first_row  INTEGER NOT NULL,
  line_count INTEGER NOT NULL CHECK (line_count > 0),
  PRIMARY KEY (payout_id, order_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX payout_order_totals_by_order ON payout_order_totals (order_id);
INSERT INTO payout_order_totals (payout_id, order_id, amount, first_row, line_count)
  SELECT payout_id, order_id, sum(amount), min(first_row), sum(line_count) FROM (
    SELECT payout_id, order_id, amount, row AS first_row, 1 AS line_count FROM payout_lines WHERE order_id IS NOT NULL
    UNION ALL
    SELECT l.payout_id, m.order_id, l.amount, l.row, 1 FROM payout_late_matches m
      JOIN payout_lines l ON l.payout_id = m.payout_id AND l.order_no = m.order_no AND l.order_id IS NULL)
  GROUP BY payout_id, order_id;

CREATE TRIGGER payout_key_totals_append_only_u BEFORE UPDATE ON payout_key_totals
  BEGIN SELECT RAISE(ABORT, 'payout_key_totals is append-only'); END;
CREATE TRIGGER payout_key_totals_append_only_d BEFORE DELETE ON payout_key_totals
  BEGIN SELECT RAISE(ABORT, 'payout_key_totals is append-only'); END;
CREATE TRIGGER payout_order_totals_append_only_u BEFORE UPDATE ON payout_order_totals
  BEGIN SELECT RAISE(ABORT, 'payout_order_totals is append-only'); END;
CREATE TRIGGER payout_order_totals_append_only_d BEFORE DELETE ON payout_order_totals
  BEGIN SELECT RAISE(ABORT, 'payout_order_totals is append-only'); END;

-- The waiting lines' index covers the late match's sums; the new order is new, so its
-- (payout, order) rows cannot exist yet.
DROP INDEX payout_lines_waiting;
CREATE INDEX payout_lines_waiting ON payout_lines (order_no, payout_id, row, amount) WHERE order_id IS NULL AND order_no IS NOT NULL;
DROP TRIGGER payout_late_match_on_order;
CREATE TRIGGER payout_late_match_on_order AFTER INSERT ON orders
BEGIN
  INSERT OR IGNORE INTO payout_late_matches (payout_id, order_no, order_id, line_count)
    SELECT l.payout_id, NEW.order_no, NEW.id, count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL GROUP BY l.payout_id;
  INSERT INTO payout_order_totals (payout_id, order_id, amount, first_row, line_count)
    SELECT l.payout_id, NEW.id, sum(l.amount), min(l.row), count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL
      AND EXISTS (SELECT 1 FROM payout_late_matches m WHERE m.payout_id = l.payout_id AND m.order_no = NEW.order_no AND m.order_id = NEW.id)
    GROUP BY l.payout_id;
END;

-- The unmatched lines of a payout in row order (the statement lists the first thousand).
CREATE INDEX payout_lines_unmatched ON payout_lines (payout_id, row) WHERE order_id IS NULL AND order_no IS NOT NULL;
