-- 0008 payouts matched to orders imported later: payout lines are append-only and keep the
-- order they matched at import; a line whose order number was not in the ledger then is matched
-- when an order of that number arrives (trigger below), recorded here per payout and order
-- number with the number of lines it matches. Readers take a line's order as
-- coalesce(line.order_id, late match) and the unmatched count as payouts.unmatched_lines − Σ lines.

-- Only the lines still waiting for their order: small, and each new order looks itself up here.
CREATE INDEX payout_lines_waiting ON payout_lines (order_no, payout_id) WHERE order_id IS NULL AND order_no IS NOT NULL;

CREATE TABLE payout_late_matches (
  payout_id  INTEGER NOT NULL REFERENCES payouts(id),
  order_no   TEXT NOT NULL,
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  line_count INTEGER NOT NULL CHECK (line_count > 0),
  PRIMARY KEY (payout_id, order_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX payout_late_matches_by_order ON payout_late_matches (order_id);

-- The first order of a number matches (as orderIdsByNo does at import, one order per number).
CREATE TRIGGER payout_late_match_on_order AFTER INSERT ON orders
BEGIN
  INSERT OR IGNORE INTO payout_late_matches (payout_id, order_no, order_id, line_count)
    SELECT l.payout_id, NEW.order_no, NEW.id, count(*) FROM payout_lines l INDEXED BY payout_lines_waiting
    WHERE l.order_no = NEW.order_no AND l.order_id IS NULL GROUP BY l.payout_id;
END;
CREATE TRIGGER payout_late_matches_append_only_u BEFORE UPDATE ON payout_late_matches
  BEGIN SELECT RAISE(ABORT, 'payout_late_matches is append-only'); END;
CREATE TRIGGER payout_late_matches_append_only_d BEFORE DELETE ON payout_late_matches
  BEGIN SELECT RAISE(ABORT, 'payout_late_matches is append-only'); END;

-- Orders already imported after their payout, before this version.
INSERT INTO payout_late_matches (payout_id, order_no, order_id, line_count)
  SELECT l.payout_id, l.order_no, (SELECT min(o.id) FROM orders o WHERE o.order_no = l.order_no), count(*)
  FROM payout_lines l WHERE l.order_id IS NULL AND l.order_no IS NOT NULL
    AND EXISTS (SELECT 1 FROM orders o WHERE o.order_no = l.order_no)
  GROUP BY l.payout_id, l.order_no;
