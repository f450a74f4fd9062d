-- kuajing:foreign-keys-off
-- 0009 journal source kind 'stock': purchases and landed costs posted into 库存商品 were booked
-- as 'cogs' (source_id 'move:<id>', memo '采购入库 …' / '到岸费用 …') because the CHECK lacked a
-- kind for them. SQLite cannot alter a CHECK, so journal_entries is rebuilt (SQLite's documented
-- procedure, with foreign keys off; migrate.ts runs foreign_key_check before commit): same
-- columns and rows, those entries become 'stock', and its indexes and triggers (0005) are
-- re-created as they were. Lines, payouts, receipts and advances reference it by name and id,
-- which the rebuild keeps.

CREATE TABLE journal_entries_new (
  id          INTEGER PRIMARY KEY,
  date        TEXT NOT NULL CHECK (length(date) = 10),
  memo        TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('order', 'payout', 'receipt', 'cogs', 'stock', 'advance', 'advanceRepayment', 'reversal', 'manual')),
  source_id   TEXT NOT NULL,
  evidence    TEXT,
  reverses_id INTEGER UNIQUE REFERENCES journal_entries(id),
  command_id  INTEGER NOT NULL REFERENCES command_log(id),
  posted_at   TEXT NOT NULL
) STRICT;

INSERT INTO journal_entries_new (id, date, memo, source_kind, source_id, evidence, reverses_id, command_id, posted_at)
  SELECT id, date, memo,
    CASE WHEN source_kind = 'cogs' AND source_id LIKE 'move:%' AND substr(memo, 1, 5) IN ('采购入库 ', '到岸费用 ')
      THEN 'stock' ELSE source_kind END,
    source_id, evidence, reverses_id, command_id, posted_at
  FROM journal_entries ORDER BY id;

DROP TABLE journal_entries;
ALTER TABLE journal_entries_new RENAME TO journal_entries;

CREATE INDEX journal_entries_by_source ON journal_entries (source_kind, source_id);
CREATE INDEX journal_entries_by_date ON journal_entries (date, id);

CREATE TRIGGER journal_entries_balanced BEFORE INSERT ON journal_entries
BEGIN
  SELECT RAISE(ABORT, 'journal.empty') WHERE NOT EXISTS (SELECT 1 FROM journal_staging WHERE entry_id = NEW.id);
  SELECT RAISE(ABORT, 'journal.unbalanced')
    WHERE (SELECT sum(debit) - sum(credit) FROM journal_staging WHERE entry_id = NEW.id) <> 0;
END;
CREATE TRIGGER journal_entries_lines AFTER INSERT ON journal_entries
BEGIN
  INSERT INTO journal_lines (entry_id, date, account, debit, credit, currency, original_amount, rate, rate_source, rate_date)
    SELECT entry_id, NEW.date, account, debit, credit, currency, original_amount, rate, rate_source, rate_date
    FROM journal_staging WHERE entry_id = NEW.id ORDER BY seq;
  DELETE FROM journal_staging WHERE entry_id = NEW.id;
END;
CREATE TRIGGER journal_entries_append_only_u BEFORE UPDATE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only'); END;
CREATE TRIGGER journal_entries_append_only_d BEFORE DELETE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only'); END;
