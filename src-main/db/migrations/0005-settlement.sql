-- 0005 settlement: dated FX rates with their source, the double-entry journal (append-only,
-- balanced at insert, corrected by reversal entries, with per-account per-day totals for the
-- trial balance), payouts (settlement files) with their lines, bank receipts with realised FX,
-- and 代垫 advances with repayments. Money is INTEGER minor units; CNY amounts are fen.

-- Rates X→CNY: 1 X = rate CNY (decimal text, >= 6 fraction digits). A later row for the same
-- currency, day and source supersedes an earlier one (rows are never changed).
CREATE TABLE fx_rates (
  id         INTEGER PRIMARY KEY,
  currency   TEXT NOT NULL CHECK (length(currency) = 3 AND currency <> 'CNY'),
  date       TEXT NOT NULL CHECK (length(date) = 10),
  rate       TEXT NOT NULL CHECK (rate GLOB '[0-9]*.[0-9][0-9][0-9][0-9][0-9][0-9]*' AND rate NOT GLOB '*[^0-9.]*'),
  source     TEXT NOT NULL CHECK (source IN ('pboc', 'bank', 'platform', 'manual')),
  note       TEXT,
  command_id INTEGER NOT NULL REFERENCES command_log(id),
  saved_at   TEXT NOT NULL
) STRICT;
CREATE INDEX fx_rates_by_day ON fx_rates (currency, date, source, id);
CREATE TRIGGER fx_rates_append_only_u BEFORE UPDATE ON fx_rates
  BEGIN SELECT RAISE(ABORT, 'fx_rates is append-only'); END;
CREATE TRIGGER fx_rates_append_only_d BEFORE DELETE ON fx_rates
  BEGIN SELECT RAISE(ABORT, 'fx_rates is append-only'); END;

-- Journal entries. source_kind/source_id name what the entry books (an order id, a payout id …);
-- reverses_id is unique: an entry is reversed at most once.
CREATE TABLE journal_entries (
  id          INTEGER PRIMARY KEY,
  date        TEXT NOT NULL CHECK (length(date) = 10),
  memo        TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('order', 'payout', 'receipt', 'cogs', 'advance', 'advanceRepayment', 'reversal', 'manual')),
  source_id   TEXT NOT NULL,
  evidence    TEXT,
  reverses_id INTEGER UNIQUE REFERENCES journal_entries(id),
  command_id  INTEGER NOT NULL REFERENCES command_log(id),
  posted_at   TEXT NOT NULL
) STRICT;
CREATE INDEX journal_entries_by_source ON journal_entries (source_kind, source_id);
CREATE INDEX journal_entries_by_date ON journal_entries (date, id);

-- Lines are written only by the entry's insert trigger from journal_staging (below), so an
-- entry and its lines appear together and only when Σ debit = Σ credit.
CREATE TABLE journal_lines (
  id              INTEGER PRIMARY KEY,
  entry_id        INTEGER NOT NULL REFERENCES journal_entries(id),
  date            TEXT NOT NULL,
  account         TEXT NOT NULL CHECK (length(account) BETWEEN 4 AND 20),
  debit           INTEGER NOT NULL CHECK (debit >= 0),
  credit          INTEGER NOT NULL CHECK (credit >= 0 AND (debit = 0 OR credit = 0)),
  currency        TEXT NOT NULL CHECK (length(currency) = 3),
  original_amount INTEGER NOT NULL,
  rate            TEXT,
  rate_source     TEXT CHECK (rate_source IS NULL OR rate_source IN ('pboc', 'bank', 'platform', 'manual')),
  rate_date       TEXT
) STRICT;
CREATE INDEX journal_lines_by_entry ON journal_lines (entry_id);
CREATE INDEX journal_lines_by_account ON journal_lines (account, date);

-- Lines waiting for their entry inside the posting transaction; always empty between transactions.
CREATE TABLE journal_staging (
  seq             INTEGER PRIMARY KEY,
  entry_id        INTEGER NOT NULL,
  account         TEXT NOT NULL,
  debit           INTEGER NOT NULL,
  credit          INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  original_amount INTEGER NOT NULL,
  rate            TEXT,
  rate_source     TEXT,
  rate_date       TEXT
) STRICT;

-- Σ debit and Σ credit per account and day, kept in the posting transaction: the trial balance
-- as of any date sums this table (a few rows per account-day) instead of every line.
CREATE TABLE journal_day_totals (
  account TEXT NOT NULL,
  date    TEXT NOT NULL,
  debit   INTEGER NOT NULL,
  credit  INTEGER NOT NULL,
  PRIMARY KEY (account, date)
) STRICT, WITHOUT ROWID;

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
CREATE TRIGGER journal_lines_only_from_staging BEFORE INSERT ON journal_lines
BEGIN
  SELECT RAISE(ABORT, 'journal_lines are written by their entry')
    WHERE NOT EXISTS (SELECT 1 FROM journal_staging WHERE entry_id = NEW.entry_id);
END;
CREATE TRIGGER journal_lines_day_totals AFTER INSERT ON journal_lines
BEGIN
  INSERT INTO journal_day_totals (account, date, debit, credit) VALUES (NEW.account, NEW.date, NEW.debit, NEW.credit)
    ON CONFLICT (account, date) DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit;
END;
CREATE TRIGGER journal_entries_append_only_u BEFORE UPDATE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only'); END;
CREATE TRIGGER journal_entries_append_only_d BEFORE DELETE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal_entries is append-only'); END;
CREATE TRIGGER journal_lines_append_only_u BEFORE UPDATE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal_lines is append-only'); END;
CREATE TRIGGER journal_lines_append_only_d BEFORE DELETE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal_lines is append-only'); END;
CREATE TRIGGER journal_day_totals_no_delete BEFORE DELETE ON journal_day_totals
  BEGIN SELECT RAISE(ABORT, 'journal_day_totals is derived from append-only lines'); END;

-- Payouts: one per (source, settlement id); re-importing the same settlement changes nothing.
CREATE TABLE payouts (
  id               INTEGER PRIMARY KEY,
  source           TEXT NOT NULL,
  settlement_id    TEXT NOT NULL CHECK (length(settlement_id) BETWEEN 1 AND 200),
  file_name        TEXT NOT NULL,
  file_sha256      TEXT NOT NULL CHECK (length(file_sha256) = 64),
  period_start     TEXT NOT NULL CHECK (length(period_start) = 10),
  period_end       TEXT NOT NULL CHECK (length(period_end) = 10),
  deposit_date     TEXT NOT NULL CHECK (length(deposit_date) = 10),
  currency         TEXT NOT NULL CHECK (length(currency) = 3),
  deposit          INTEGER NOT NULL,
  line_count       INTEGER NOT NULL CHECK (line_count >= 0),
  -- Lines naming an order not in the ledger when imported (lines are append-only, so this stays exact).
  unmatched_lines  INTEGER NOT NULL CHECK (unmatched_lines >= 0),
  journal_entry_id INTEGER REFERENCES journal_entries(id),
  command_id       INTEGER NOT NULL REFERENCES command_log(id),
  imported_at      TEXT NOT NULL,
  UNIQUE (source, settlement_id)
) STRICT;
CREATE INDEX payouts_by_deposit ON payouts (deposit_date);

-- The platform keys of a payout (transaction-type / amount-type / amount-description) with the
-- netting category and account each maps to; lines point here, so the netting statement groups
-- integer key ids instead of text.
CREATE TABLE payout_keys (
  id                 INTEGER PRIMARY KEY,
  payout_id          INTEGER NOT NULL REFERENCES payouts(id),
  transaction_type   TEXT NOT NULL,
  amount_type        TEXT NOT NULL,
  amount_description TEXT NOT NULL,
  category           TEXT NOT NULL CHECK (category IN ('sales', 'warehousing', 'logistics', 'platformFees', 'overseasTax', 'advertising', 'refunds', 'other')),
  account            TEXT NOT NULL,
  UNIQUE (payout_id, transaction_type, amount_type, amount_description, category)
) STRICT;

-- cny: the line's carrying value in fen (matched sales at the order's booked rate, others at
-- the deposit day's rate); a bank receipt of the payout realises Σ cny.
CREATE TABLE payout_lines (
  id        INTEGER PRIMARY KEY,
  payout_id INTEGER NOT NULL REFERENCES payouts(id),
  key_id    INTEGER NOT NULL REFERENCES payout_keys(id),
  row       INTEGER NOT NULL,
  order_no  TEXT,
  order_id  INTEGER REFERENCES orders(id),
  sku       TEXT,
  posted_at TEXT,
  amount    INTEGER NOT NULL,
  cny       INTEGER NOT NULL
) STRICT;
-- Covering index of the netting statement: Σ per key in one ordered index scan, rows per key by range.
CREATE INDEX payout_lines_netting ON payout_lines (payout_id, key_id, row, amount);
CREATE INDEX payout_lines_by_order ON payout_lines (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX payout_lines_matched ON payout_lines (payout_id, order_id) WHERE order_id IS NOT NULL;

CREATE TABLE receipts (
  id               INTEGER PRIMARY KEY,
  payout_id        INTEGER REFERENCES payouts(id),
  date             TEXT NOT NULL CHECK (length(date) = 10),
  currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency <> 'CNY'),
  amount           INTEGER NOT NULL CHECK (amount > 0),
  bank_rate        TEXT NOT NULL,
  cny_received     INTEGER NOT NULL,
  cny_booked       INTEGER NOT NULL,
  bank_charges     INTEGER NOT NULL CHECK (bank_charges >= 0),
  fx_gain_loss     INTEGER NOT NULL CHECK (fx_gain_loss = cny_received + bank_charges - cny_booked),
  bank_name        TEXT,
  reference        TEXT,
  journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  command_id       INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;
CREATE INDEX receipts_by_date ON receipts (date);

CREATE TABLE advances (
  id               INTEGER PRIMARY KEY,
  party            TEXT NOT NULL CHECK (length(party) BETWEEN 1 AND 200),
  related_party    INTEGER NOT NULL CHECK (related_party IN (0, 1)),
  date             TEXT NOT NULL CHECK (length(date) = 10),
  currency         TEXT NOT NULL CHECK (length(currency) = 3),
  amount           INTEGER NOT NULL CHECK (amount > 0),
  category         TEXT NOT NULL CHECK (category IN ('warehousing', 'logistics', 'tax', 'other')),
  note             TEXT,
  cny              INTEGER NOT NULL,
  journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  command_id       INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;

CREATE TABLE advance_repayments (
  id               INTEGER PRIMARY KEY,
  advance_id       INTEGER NOT NULL REFERENCES advances(id),
  date             TEXT NOT NULL CHECK (length(date) = 10),
  amount           INTEGER NOT NULL CHECK (amount > 0),
  cny              INTEGER NOT NULL,
  journal_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
  command_id       INTEGER NOT NULL REFERENCES command_log(id)
) STRICT;
CREATE INDEX advance_repayments_by_advance ON advance_repayments (advance_id);

CREATE TRIGGER payouts_append_only_u BEFORE UPDATE ON payouts BEGIN SELECT RAISE(ABORT, 'payouts is append-only'); END;
CREATE TRIGGER payouts_append_only_d BEFORE DELETE ON payouts BEGIN SELECT RAISE(ABORT, 'payouts is append-only'); END;
CREATE TRIGGER payout_keys_append_only_u BEFORE UPDATE ON payout_keys BEGIN SELECT RAISE(ABORT, 'payout_keys is append-only'); END;
CREATE TRIGGER payout_keys_append_only_d BEFORE DELETE ON payout_keys BEGIN SELECT RAISE(ABORT, 'payout_keys is append-only'); END;
CREATE TRIGGER payout_lines_append_only_u BEFORE UPDATE ON payout_lines BEGIN SELECT RAISE(ABORT, 'payout_lines is append-only'); END;
CREATE TRIGGER payout_lines_append_only_d BEFORE DELETE ON payout_lines BEGIN SELECT RAISE(ABORT, 'payout_lines is append-only'); END;
CREATE TRIGGER receipts_append_only_u BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts is append-only'); END;
CREATE TRIGGER receipts_append_only_d BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts is append-only'); END;
CREATE TRIGGER advances_append_only_u BEFORE UPDATE ON advances BEGIN SELECT RAISE(ABORT, 'advances is append-only'); END;
CREATE TRIGGER advances_append_only_d BEFORE DELETE ON advances BEGIN SELECT RAISE(ABORT, 'advances is append-only'); END;
CREATE TRIGGER advance_repayments_append_only_u BEFORE UPDATE ON advance_repayments BEGIN SELECT RAISE(ABORT, 'advance_repayments is append-only'); END;
CREATE TRIGGER advance_repayments_append_only_d BEFORE DELETE ON advance_repayments BEGIN SELECT RAISE(ABORT, 'advance_repayments is append-only'); END;
