/**
 * Payouts in SQLite: writing an imported payout with its lines (matched to orders by order
 * number), listing and reading them, the netting statement's inputs, and the unmatched on both
 * sides (payout lines without an order; orders of the period without a payout line).
 */
import { DomainError } from '../../core/domain-error.ts';
import type {
  NettingCategory,
  PayoutDetail,
  PayoutHead,
  PayoutLine,
  PayoutListItem,
  PayoutSource,
} from '../../core/forex/settlement-views.ts';
import type { Currency, Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';

export interface NewPayout extends PayoutHead {
  readonly fileName: string;
  readonly fileSha256: string;
}

/** A payout line to store: matched (or not) to an order, its account, and its CNY amount. */
export interface NewPayoutLine extends Omit<PayoutLine, 'id'> {
  readonly cny: Minor;
}

export function findPayout(db: Db, source: PayoutSource, settlementId: string): number | null {
  return (
    (db.prepare('SELECT id FROM payouts WHERE source = ? AND settlement_id = ?').pluck().get(source, settlementId) as
      number | undefined) ?? null
  );
}

/** Order ids by order number (any platform), for matching payout lines. */
export function orderIdsByNo(db: Db, orderNos: readonly string[]): Map<string, number> {
  const rows = db
    .prepare('SELECT order_no, id FROM orders WHERE order_no IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(orderNos)])) as Array<{ order_no: string; id: number }>;
  return new Map(rows.map((r) => [r.order_no, r.id]));
}

export function insertPayout(
  db: WriteDb,
  commandId: number,
  now: string,
  p: NewPayout,
  lines: readonly NewPayoutLine[],
  journalEntryId: number | null,
): number {
  const unmatched = lines.filter((l) => l.orderNo !== null && l.orderId === null).length;
  const id = Number(
    db
      .prepare(
        `INSERT INTO payouts (source, settlement_id, file_name, file_sha256, period_start, period_end, deposit_date, currency, deposit, line_count, unmatched_lines, journal_entry_id, command_id, imported_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.source,
        p.settlementId,
        p.fileName,
        p.fileSha256,
        p.periodStart,
        p.periodEnd,
        p.depositDate,
        p.currency,
        p.deposit,
        lines.length,
        unmatched,
        journalEntryId,
        commandId,
        now,
      ).lastInsertRowid,
  );
  const insKey = db.prepare(
    `INSERT INTO payout_keys (payout_id, transaction_type, amount_type, amount_description, category, account) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const keys = new Map<string, number>();
  const ins = db.prepare(
    `INSERT INTO payout_lines (payout_id, key_id, row, order_no, order_id, sku, posted_at, amount, cny) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) {
    const k = JSON.stringify([l.transactionType, l.amountType, l.amountDescription, l.category]);
    let keyId = keys.get(k);
    if (keyId === undefined) {
      keyId = Number(
        insKey.run(id, l.transactionType, l.amountType, l.amountDescription, l.category, l.account).lastInsertRowid,
      );
      keys.set(k, keyId);
    }
    ins.run(id, keyId, l.row, l.orderNo, l.orderId, l.sku, l.postedAt, l.amount, l.cny);
  }
  // the statement's sums, fixed with the append-only lines (0019-payout-netting-totals.sql)
  db.prepare(
    `INSERT INTO payout_key_totals (key_id, payout_id, amount, line_count)
    SELECT key_id, payout_id, sum(amount), count(*) FROM payout_lines INDEXED BY payout_lines_netting WHERE payout_id = ? GROUP BY key_id`,
  ).run(id);
  db.prepare(
    `INSERT INTO payout_order_totals (payout_id, order_id, amount, first_row, line_count)
    SELECT payout_id, order_id, sum(amount), min(row), count(*) FROM payout_lines INDEXED BY payout_lines_matched
    WHERE payout_id = ? AND order_id IS NOT NULL GROUP BY order_id`,
  ).run(id);
  return id;
}

interface PayoutRow {
  id: number;
  source: PayoutSource;
  settlement_id: string;
  file_name: string;
  period_start: string;
  period_end: string;
  deposit_date: string;
  currency: Currency;
  deposit: Minor;
  line_count: number;
  imported_at: string;
  matched: number;
  unmatched: number;
  repatriated: Minor;
  gross: Minor;
}

/** Lines unmatched at import less those an order imported later matches (0008-payout-late-matches.sql). */
const UNMATCHED_SQL =
  '(p.unmatched_lines - coalesce((SELECT sum(line_count) FROM payout_late_matches m WHERE m.payout_id = p.id), 0))';

const LIST_SQL = `SELECT p.id, p.source, p.settlement_id, p.file_name, p.period_start, p.period_end, p.deposit_date, p.currency, p.deposit, p.line_count, p.imported_at,
  (SELECT count(*) FROM payout_order_totals t WHERE t.payout_id = p.id) AS matched,
  ${UNMATCHED_SQL} AS unmatched,
  (SELECT coalesce(sum(cny_received), 0) FROM receipts r WHERE r.payout_id = p.id) AS repatriated,
  (SELECT coalesce(sum(t.amount), 0) FROM payout_keys k JOIN payout_key_totals t ON t.key_id = k.id
    WHERE k.payout_id = p.id AND k.category = 'sales') AS gross
  FROM payouts p`;

const toItem = (r: PayoutRow): PayoutListItem => ({
  id: r.id,
  source: r.source,
  settlementId: r.settlement_id,
  fileName: r.file_name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  depositDate: r.deposit_date,
  currency: r.currency,
  deposit: r.deposit,
  gross: r.gross,
  net: r.deposit,
  debitBalance: r.deposit < 0,
  lines: r.line_count,
  matchedOrders: r.matched,
  unmatchedLines: r.unmatched,
  repatriated: r.repatriated,
  importedAt: r.imported_at,
});

export function listPayouts(db: Db, from?: string, to?: string): PayoutListItem[] {
  return (
    db
      .prepare(`${LIST_SQL} WHERE p.deposit_date BETWEEN ? AND ? ORDER BY p.deposit_date DESC, p.id DESC`)
      .all(from ?? '0000-00-00', to ?? '9999-99-99') as PayoutRow[]
  ).map(toItem);
}

export function getPayout(db: Db, id: number): PayoutListItem & { readonly fileSha256: string } {
  const row = db.prepare(`${LIST_SQL} WHERE p.id = ?`).get(id) as PayoutRow | undefined;
  if (!row) throw new DomainError('settlement.payout.notFound', { id });
  const sha = db.prepare('SELECT file_sha256 FROM payouts WHERE id = ?').pluck().get(id) as string;
  return { ...toItem(row), fileSha256: sha };
}

interface LineRow {
  id: number;
  row: number;
  transaction_type: string;
  amount_type: string;
  amount_description: string;
  order_no: string | null;
  order_id: number | null;
  sku: string | null;
  posted_at: string | null;
  category: NettingCategory;
  account: string;
  amount: Minor;
  cny: Minor;
}

const toLine = (r: LineRow): PayoutLine => ({
  id: r.id,
  row: r.row,
  transactionType: r.transaction_type,
  amountType: r.amount_type,
  amountDescription: r.amount_description,
  orderNo: r.order_no,
  orderId: r.order_id,
  sku: r.sku,
  postedAt: r.posted_at,
  category: r.category,
  account: r.account,
  amount: r.amount,
});

export function payoutLines(db: Db, payoutId: number): Array<PayoutLine & { readonly cny: Minor }> {
  return (
    db
      .prepare(
        `SELECT l.id, l.row, k.transaction_type, k.amount_type, k.amount_description, l.order_no, coalesce(l.order_id, m.order_id) AS order_id,
      l.sku, l.posted_at, k.category, k.account, l.amount, l.cny
    FROM payout_lines l JOIN payout_keys k ON k.id = l.key_id
      LEFT JOIN payout_late_matches m ON l.order_id IS NULL AND m.payout_id = l.payout_id AND m.order_no = l.order_no
    WHERE l.payout_id = ? ORDER BY l.row, l.id`,
      )
      .all(payoutId) as LineRow[]
  ).map((r) => ({ ...toLine(r), cny: r.cny }));
}

/**
 * Σ amount per platform key (with its category), its row count and first `maxRows` rows
 * (ascending): the netting statement's input — the key totals written with the payout
 * (payout_key_totals), one short range of the covering index per key for the rows.
 */
export function nettingRows(
  db: Db,
  payoutId: number,
  maxRows: number,
): Array<{ category: NettingCategory; key: string; amount: Minor; rows: number[]; rowCount: number }> {
  const groups = db
    .prepare(
      `SELECT k.id AS keyId, k.transaction_type AS t, k.amount_type AS a, k.amount_description AS d, k.category, t.amount, t.line_count AS rowCount
    FROM payout_key_totals t JOIN payout_keys k ON k.id = t.key_id WHERE t.payout_id = ? ORDER BY k.id`,
    )
    .all(payoutId) as Array<{
    keyId: number;
    t: string;
    a: string;
    d: string;
    category: NettingCategory;
    amount: Minor;
    rowCount: number;
  }>;
  const rows = db
    .prepare(
      'SELECT row FROM payout_lines INDEXED BY payout_lines_netting WHERE payout_id = ? AND key_id = ? ORDER BY row LIMIT ?',
    )
    .pluck();
  return groups.map((g) => ({
    category: g.category,
    key: `${g.t}/${g.a}/${g.d}`,
    amount: g.amount,
    rowCount: g.rowCount,
    rows: rows.all(payoutId, g.keyId, maxRows) as number[],
  }));
}

/** Lines naming an order that is not in the ledger: counted at import, less the lines orders imported since match. */
export function countUnmatchedLines(db: Db, payoutId: number): number {
  return db.prepare(`SELECT ${UNMATCHED_SQL} FROM payouts p WHERE p.id = ?`).pluck().get(payoutId) as number;
}

/** The payout row alone (no per-line counts). */
export function payoutHead(db: Db, id: number): NewPayout & { readonly id: number } {
  const r = db
    .prepare(
      `SELECT id, source, settlement_id AS settlementId, file_name AS fileName, file_sha256 AS fileSha256, period_start AS periodStart,
    period_end AS periodEnd, deposit_date AS depositDate, currency, deposit FROM payouts WHERE id = ?`,
    )
    .get(id) as (NewPayout & { id: number }) | undefined;
  if (!r) throw new DomainError('settlement.payout.notFound', { id });
  return r;
}

/** Order ids a payout's lines match, at import or since (a subquery taking the named parameter `@payoutId`). */
export const PAYOUT_ORDER_IDS = `SELECT order_id FROM payout_order_totals WHERE payout_id = @payoutId`;

/** The platform a payout file comes from (its shops' platform), null for files any platform's shop may send. */
const SOURCE_PLATFORM: Readonly<Record<string, string>> = {
  'amazon-settlement': 'amazon',
  'shopify-payments': 'shopify',
  'shopee-income': 'shopee',
  'tiktok-settlement': 'tiktok',
};

/**
 * The payout's own shops: those of the orders its lines match; when it matches none, the shops of
 * its platform (an Amazon settlement never pays a Shopify or Temu order). Empty for a generic payout
 * CSV that matches nothing. `orders`: the payout's orders (payoutOrders) when the caller has them.
 */
export function payoutShops(
  db: Db,
  payoutId: number,
  orders?: ReadonlyArray<{ readonly shopId: number }>,
): Array<{ id: number; name: string }> {
  const matched = (
    orders
      ? db
          .prepare('SELECT id, name FROM shops WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
          .all(JSON.stringify([...new Set(orders.map((o) => o.shopId))]))
      : db
          .prepare(
            `SELECT DISTINCT s.id, s.name FROM orders o JOIN shops s ON s.id = o.shop_id
    WHERE o.id IN (${PAYOUT_ORDER_IDS}) ORDER BY s.id`,
          )
          .all({ payoutId })
  ) as Array<{ id: number; name: string }>;
  if (matched.length > 0) return matched;
  const source = db.prepare('SELECT source FROM payouts WHERE id = ?').pluck().get(payoutId) as string | undefined;
  const platform = source === undefined ? undefined : SOURCE_PLATFORM[source];
  if (platform === undefined) return [];
  return db.prepare('SELECT id, name FROM shops WHERE platform = ? ORDER BY id').all(platform) as Array<{
    id: number;
    name: string;
  }>;
}

// The local order day is within a day of the UTC instant: the UTC range narrows the scan to the
// shops' orders of the period, and the paid ones drop out on the index alone (orders_by_shop_time
// + one probe), so only unpaid orders are read from the table, where the local day decides.
const WITHOUT_PAYOUT_WHERE = `o.id IN (SELECT x.id FROM orders x INDEXED BY orders_by_shop_time
    WHERE x.shop_id IN (SELECT value FROM json_each(@shops))
      AND x.ordered_at_utc >= date(@periodStart, '-1 day') AND x.ordered_at_utc < date(@periodEnd, '+2 days')
      AND NOT EXISTS (SELECT 1 FROM payout_order_totals t WHERE t.order_id = x.id))
  AND o.currency = @currency AND substr(o.ordered_at, 1, 10) BETWEEN @periodStart AND @periodEnd AND o.exclusion IS NULL`;

type PayoutScope = {
  readonly id: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: Currency;
  /** The payout's shops when the caller has them already (else read with payoutShops). */
  readonly shopIds?: readonly number[];
};

const scopeParams = (db: Db, p: PayoutScope) => ({
  currency: p.currency,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  shops: JSON.stringify(p.shopIds ?? payoutShops(db, p.id).map((s) => s.id)),
});

/** Up to this many orders without a payout line are read at once and paged in memory; more are counted and sorted by SQL. */
const WITHOUT_PAYOUT_IN_MEMORY = 20_000;

/**
 * The count and the first `limit` of ordersWithoutPayout: one pass over the scope when it holds
 * fewer than WITHOUT_PAYOUT_IN_MEMORY such orders (sorted here), else a count and a sorted page.
 */
export function ordersWithoutPayoutPage(
  db: Db,
  p: PayoutScope,
  limit = 1000,
): { total: number; list: PayoutDetail['ordersWithoutPayout'] } {
  type Row = [orderId: number, orderNo: string, orderedAt: string, gross: Minor, utc: string];
  const params = scopeParams(db, p);
  const rows = db
    .prepare(
      `SELECT o.id, o.order_no, o.ordered_at, o.gross, o.ordered_at_utc FROM orders o WHERE ${WITHOUT_PAYOUT_WHERE} LIMIT @cap`,
    )
    .raw()
    .all({ ...params, cap: WITHOUT_PAYOUT_IN_MEMORY }) as Row[];
  if (rows.length >= WITHOUT_PAYOUT_IN_MEMORY)
    return { total: countOrdersWithoutPayout(db, p), list: ordersWithoutPayout(db, p, limit) };
  // the SQL order (ordered_at_utc, order_no; BINARY = code-unit order for these ASCII keys)
  rows.sort((a, b) => (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return {
    total: rows.length,
    list: rows.slice(0, limit).map(([orderId, orderNo, orderedAt, gross]) => ({ orderId, orderNo, orderedAt, gross })),
  };
}

/** Orders of the payout's own shops and period (same currency, counted as sales) that no payout line names, by number. */
export function ordersWithoutPayout(db: Db, p: PayoutScope, limit = 1000): PayoutDetail['ordersWithoutPayout'] {
  return db
    .prepare(
      `SELECT o.id AS orderId, o.order_no AS orderNo, o.ordered_at AS orderedAt, o.gross FROM orders o
    WHERE ${WITHOUT_PAYOUT_WHERE}
    ORDER BY o.ordered_at_utc, o.order_no LIMIT @limit`,
    )
    .all({ ...scopeParams(db, p), limit }) as PayoutDetail['ordersWithoutPayout'];
}

export function countOrdersWithoutPayout(db: Db, p: PayoutScope): number {
  return db
    .prepare(`SELECT count(*) FROM orders o WHERE ${WITHOUT_PAYOUT_WHERE}`)
    .pluck()
    .get(scopeParams(db, p)) as number;
}

/** Payout lines naming an order the ledger does not hold (not matched at import nor since), by row. */
export function unmatchedLineList(
  db: Db,
  payoutId: number,
  limit = 1000,
): Array<{ row: number; orderNo: string; key: string; amount: Minor }> {
  return db
    .prepare(
      `SELECT l.row, l.order_no AS orderNo, k.transaction_type || '/' || k.amount_type || '/' || k.amount_description AS key, l.amount
    FROM payout_lines l INDEXED BY payout_lines_unmatched JOIN payout_keys k ON k.id = l.key_id
    WHERE l.payout_id = @payoutId AND l.order_id IS NULL AND l.order_no IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM payout_late_matches m WHERE m.payout_id = l.payout_id AND m.order_no = l.order_no)
    ORDER BY l.row LIMIT @limit`,
    )
    .all({ payoutId, limit }) as Array<{ row: number; orderNo: string; key: string; amount: Minor }>;
}

/** The first receipt recorded against the payout: its bank rate converts the statement's totals to CNY. */
export function payoutReceiptRate(db: Db, payoutId: number): { receiptId: number; date: string; rate: string } | null {
  return (
    (db
      .prepare(
        'SELECT id AS receiptId, date, bank_rate AS rate FROM receipts WHERE payout_id = ? ORDER BY date, id LIMIT 1',
      )
      .get(payoutId) as { receiptId: number; date: string; rate: string } | undefined) ?? null
  );
}

export function getPayoutDetail(db: Db, id: number): PayoutDetail {
  const p = getPayout(db, id);
  const lines = payoutLines(db, id).map(({ cny, ...l }) => {
    void cny;
    return l;
  });
  return {
    ...p,
    lineItems: lines,
    unmatchedPayoutLines: lines.filter((l) => l.orderNo !== null && l.orderId === null),
    ordersWithoutPayout: ordersWithoutPayout(db, p),
  };
}

/** An order paid in a payout with its value, customs mode and Σ payout lines (declared-vs-received). */
export interface PayoutOrder {
  orderId: number;
  shopId: number;
  orderNo: string;
  customsMode: string | null;
  fulfilment: string | null;
  /** Null for an order known only from a settlement (no order export read yet). */
  gross: Minor | null;
  received: Minor;
}

/** Orders paid in a payout (matched at import or since: payout_order_totals), in the order of their first payout line. */
export function payoutOrders(db: Db, payoutId: number): PayoutOrder[] {
  const rows = db
    .prepare(
      `SELECT t.first_row AS firstRow, o.id AS orderId, o.shop_id AS shopId, o.order_no AS orderNo, o.customs_mode AS customsMode, o.fulfilment,
      CASE WHEN o.origin = 'settlement' THEN NULL ELSE o.gross END AS gross, t.amount AS received
    FROM payout_order_totals t JOIN orders o ON o.id = t.order_id WHERE t.payout_id = ?`,
    )
    .all(payoutId) as Array<PayoutOrder & { firstRow: number }>;
  return rows.sort((a, b) => a.firstRow - b.firstRow);
}
