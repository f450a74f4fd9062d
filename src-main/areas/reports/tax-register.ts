/**
 * 1a The 无票免税 six-item register (财税〔2018〕103号, 公告2019年第36号) and 1c the export summary
 * by declaration, from the released CEB603 lists (latest revision, status 800 or later) of orders
 * whose customs mode the dated rule table names as eligible on the export date. Amounts in CNY at
 * the PBoC 中间价 of the sale day or the 1st of its month (setting `tax.rateDay`), line by line;
 * orders with no list are listed apart, outside the totals; a reconciliation line compares the
 * register with the journal's revenue for the same orders (booked at the order's rate).
 */
import { DomainError } from '../../core/domain-error.ts';
import { addDays } from '../../core/time/days.ts';
import { UNITS } from '../../core/customs/codes/tables.generated.ts';
import { statusRank } from '../../core/customs/index.ts';
import { isCurrency, minorDigits, parseDecimal, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import { ruleOn, type TaxRules } from '../../core/tax/tax-rules.ts';
import type { Db } from '../../db/open-ledger.ts';
import { getSetting } from '../../db/settings-store.ts';
import type { DataSection } from './report-data.ts';
import { rateDayOf, type PbocRates, type RateDay } from './report-rates.ts';

const UNIT_NAMES = new Map(UNITS.map(([code, name]) => [code, name]));

interface ListRow {
  document_id: number;
  order_id: number;
  order_no: string;
  ordered_at: string;
  customs_mode: string;
  buyer_country: string | null;
  invt_no: string | null;
  entry_id: string | null;
  facts: string | null;
}
interface ListFacts {
  readonly currency?: string;
  readonly lines?: ReadonlyArray<{
    readonly gnum: number;
    readonly itemNo: string;
    readonly qty: string;
    readonly unit: string;
    readonly totalPrice: string;
  }>;
}

export interface RegisterLine {
  readonly date: string;
  readonly orderId: number;
  readonly orderNo: string;
  readonly invtNo: string | null;
  readonly entryId: string | null;
  readonly mode: string;
  readonly country: string | null;
  readonly itemNo: string;
  readonly goodsName: string;
  readonly unit: string;
  readonly qty: string;
  readonly currency: Currency;
  readonly original: number;
  readonly cny: number;
  readonly rateDate: string;
  /** Register order: sale time (as stored), order number, list (document id). */
  readonly sortKey: { readonly at: string; readonly orderNo: string; readonly doc: number };
}

function eligibleOn(rules: TaxRules, date: string): readonly string[] {
  return ruleOn('noInvoiceExemption', rules.noInvoiceExemption, date).eligibleModes;
}

/**
 * The orders of the sale days [from, to] (their local day, `ordered_at`) found through the UTC
 * index: a local day lies within a day either side of its UTC day (offsets up to ±14 h).
 */
export const SALE_DAYS = `o.ordered_at_utc >= @utcFrom AND o.ordered_at_utc < @utcTo AND substr(o.ordered_at, 1, 10) BETWEEN @from AND @to`;
export const saleDays = (from: string, to: string) => ({ utcFrom: addDays(from, -1), utcTo: addDays(to, 2), from, to });

const RELEASED_FROM = statusRank('800');
const RELEASED_TO = statusRank('399');

/** The latest revision of each released (800 … 399/899, not withdrawn) list of the period's orders. */
const LISTS = `SELECT d.id AS document_id, o.id AS order_id, o.order_no, o.ordered_at, o.customs_mode, o.buyer_country, d.invt_no, d.entry_id, d.facts
    FROM orders o CROSS JOIN customs_documents d ON d.order_id = o.id AND d.type = 'CEB603'
    WHERE ${SALE_DAYS} AND o.customs_mode IS NOT NULL
      AND d.revision = (SELECT max(x.revision) FROM customs_documents x WHERE x.type = 'CEB603' AND x.business_key = d.business_key)
      AND (d.status_rank BETWEEN ${RELEASED_FROM} AND ${RELEASED_TO}
        OR EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id AND a.kind = 'withdrawn'))
      AND NOT EXISTS (SELECT 1 FROM register_adjustments a WHERE a.document_id = d.id AND a.kind = 'released')
    ORDER BY o.ordered_at, o.order_no, d.id`;

/**
 * The register's list lines, kept by the write path (migration 0021, `register_list_lines`): each line
 * of every CEB603 list the register counts (the latest revision of its business key in its order,
 * released and not posted elsewhere as a late receipt), in register order (sale time as stored, order
 * number, list, line — the table's key, so no sort); a list without lines has one row with line −1.
 * Sale days [from, to] are the rows whose `ordered_at` starts with one of them; only the modes the rule
 * table names on some day of the period (each list's own day is checked when reading).
 */
const storedLines = (modes: number) => `SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, invt_no,
      currency, item_no, qty, unit, total_price
    FROM register_list_lines WHERE ordered_at >= @from AND ordered_at < @toNext AND customs_mode IN (${modeParams(modes)})
    ORDER BY ordered_at, order_no, document_id, line`;
type StoredLine = [
  ordered_at: string,
  order_no: string,
  document_id: number,
  line: number,
  order_id: number,
  customs_mode: string,
  invt_no: string | null,
  currency: unknown,
  item_no: string,
  qty: string,
  unit: string,
  total_price: string,
];
const modeParams = (modes: number) => Array.from({ length: Math.max(1, modes) }, (_, i) => `@m${i}`).join(', ');

/** The ids of the period's orders of the eligible modes (the mode and time index only, a day either side). */
const periodModeOrders = (modes: number) => `SELECT o.id FROM orders o
    WHERE o.customs_mode IN (${modeParams(modes)}) AND o.ordered_at_utc >= @utcFrom AND o.ordered_at_utc < @utcTo`;

/**
 * Of those orders (`@ids`, a JSON array), the sales of the period that are not excluded and have no counted
 * list (the register lists those apart); an order with stored list rows is left out here, as the register finds it.
 */
const PERIOD_SALES = `SELECT o.id, o.order_no, o.ordered_at, o.customs_mode, o.currency, o.gross
    FROM orders o
    WHERE o.id IN (SELECT value FROM json_each(@ids)) AND ${SALE_DAYS} AND o.exclusion IS NULL
      AND NOT EXISTS (SELECT 1 FROM register_list_lines r WHERE r.order_id = o.id)`;

/**
 * The six items queued for the period's orders (`tax.sixItems:<orderNo>`), kept with each order of that
 * number by the write path (migration 0021, `register_six_items`), in the orders' time order.
 */
const PERIOD_SIX_ITEMS = `SELECT ordered_at, outbox_id, status = 'sent', order_no, currency, amounts FROM register_six_items
    WHERE ordered_at_utc >= @utcFrom AND ordered_at_utc < @utcTo AND substr(ordered_at, 1, 10) BETWEEN @from AND @to`;

/**
 * A six-item record as queued (`tax.sixItems`) with one order of its number: that order's sale time, the
 * record's id, whether it was sent (1) or not (0), its order number, currency and item amounts (decimal
 * text joined by char(31)).
 */
export type SixItemsRow = [
  ordered_at: string,
  outbox_id: number,
  sent: number,
  order_no: string | number | null,
  currency: string | null,
  amounts: string | null,
];

/** A printed register row (the register section's columns; a type, so it is a section row as it is). */
type RegisterRow = {
  readonly date: string;
  readonly goodsName: string;
  readonly unit: string;
  readonly qty: string;
  readonly unitPrice: string;
  readonly amount: number;
  readonly orderNo: string;
  readonly invtNo: string | null;
};

interface RegisterPass {
  /** The register's printed rows, in register order. */
  readonly rows: RegisterRow[];
  /** Their CNY total (exact). */
  readonly total: Minor;
  /** Per order number with rows, the CNY sum of its rows, in register order of its first row. */
  readonly byOrder: Map<string, Minor>;
  /** The orders (ids) with rows. */
  readonly orderIds: number[];
  readonly withoutList: Array<{
    orderNo: string;
    date: string;
    mode: string;
    currency: string | null;
    gross: number | null;
  }>;
  /** The period's six items, read row by row when called (as the register's lines). */
  readonly sixItems: () => Iterable<SixItemsRow>;
}

/** The register rows, the eligible sales without a list and the six items of the period. */
function registerPass(db: Db, rules: TaxRules, rates: PbocRates, from: string, to: string): RegisterPass {
  // the modes the rule table names on some day of the period (each order's own day is checked below)
  const modes = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) for (const m of eligibleOn(rules, d)) modes.add(m);
  const modeValues = { m0: null, ...Object.fromEntries([...modes].map((m, i) => [`m${i}`, m])) };
  const eligibleDays = new Map<string, readonly string[]>();
  const eligible = (date: string, mode: string | null) => {
    let m = eligibleDays.get(date);
    if (m === undefined) eligibleDays.set(date, (m = eligibleOn(rules, date)));
    return mode !== null && m.includes(mode);
  };
  const day = rateDaySetting(db);
  const names = goodsNames(db);
  const rows: RegisterRow[] = [];
  /** Per row, its list's register order (sale time as stored, order number, list). */
  const keys: Array<{ at: string; orderNo: string; doc: number }> = [];
  /** Orders with a counted list (with or without lines). */
  const found = new Set<number>();
  const orderIds: number[] = [];
  // per order number: the sum of its rows, taken while the rows come in register order (again after a sort)
  const byOrder = new Map<string, Minor>();
  const sums = orderSums(rows, byOrder);
  let lastOrder = -1;
  let doc = -1;
  let sortKey = { at: '', orderNo: '', doc: -1 };
  let sorted = true;
  let currency: Currency = 'CNY';
  let date = '';
  let rateDate = '';
  let toCny: ((amount: number) => Minor) | null = null; // the lists' rate (same currency and day), looked up at a first line
  let total = 0;
  // row by row: a month is some ten thousand rows, and a row read dies young where the whole array would be
  // copied by every collection while the printed rows are built (a fresh process has a small young generation)
  for (const r of db
    .prepare(storedLines(modes.size))
    .raw(true)
    .iterate({ from, toNext: addDays(to, 1), ...modeValues }) as Iterable<StoredLine>) {
    if (r[2] !== doc) {
      doc = r[2];
      if (date.length !== 10 || !r[0].startsWith(date)) date = r[0].slice(0, 10); // most lists share the last one's day
      if (!eligible(date, r[5])) {
        doc = -1;
        continue;
      }
      if (!isCurrency(r[7])) throw new DomainError('reports.list.currency', { invtNo: r[6] ?? '', orderNo: r[1] });
      found.add(r[4]);
      const next = { at: r[0], orderNo: r[1], doc };
      if (sorted && rows.length > 0 && orderOf(sortKey, next) > 0) sorted = false;
      sortKey = next;
      const nextRateDate = rateDayOf(day, date);
      if (r[7] !== currency || nextRateDate !== rateDate) toCny = null;
      currency = r[7];
      rateDate = nextRateDate;
    } else if (doc === -1) continue;
    if (r[3] < 0) continue; // a list without lines
    if (r[4] !== lastOrder) orderIds.push((lastOrder = r[4]));
    const cny = (toCny ??= rates.cnyOf(currency, rateDate))(minorOf(r[11], currency));
    total += cny;
    if (!Number.isSafeInteger(total)) total = NaN; // NaN stays: the total is taken exactly below
    const qty = r[9];
    sums.add(
      rows.push({
        date,
        goodsName: names.get(r[8]) ?? r[8],
        unit: UNIT_NAMES.get(r[10]) ?? r[10],
        qty,
        unitPrice: unitPrice(Math.abs(cny), qty),
        amount: cny,
        orderNo: sortKey.orderNo, // one string per list: the maps below hash it once
        invtNo: r[6],
      }) - 1,
    );
    keys.push(sortKey);
  }
  if (!sorted) {
    // the table's order (bytes) and the register's (UTF-16 units) differ only beyond the BMP
    const index = rows.map((_, i) => i).sort((a, b) => orderOf(keys[a]!, keys[b]!) || a - b);
    const copy = rows.slice();
    index.forEach((k, i) => (rows[i] = copy[k]!));
    byOrder.clear();
    const again = orderSums(rows, byOrder);
    for (let i = 0; i < rows.length; i++) again.add(i);
    again.close();
  } else sums.close();
  // the eligible sales without a counted list: the period's orders of those modes (ids from the mode and
  // time index) less those with rows read above, then the rest checked in full (most have a list out of
  // the period's local days)
  const unlisted = (
    db
      .prepare(periodModeOrders(modes.size))
      .pluck()
      .all({ ...saleDays(from, to), ...modeValues }) as number[]
  ).filter((id) => !found.has(id));
  const candidates = (
    db.prepare(PERIOD_SALES).all({ ...saleDays(from, to), ids: JSON.stringify(unlisted) }) as Array<{
      id: number;
      order_no: string;
      ordered_at: string;
      customs_mode: string;
      currency: string | null;
      gross: number | null;
    }>
  ).filter((o) => eligible(o.ordered_at.slice(0, 10), o.customs_mode));
  const sixItems = () => db.prepare(PERIOD_SIX_ITEMS).raw(true).iterate(saleDays(from, to)) as Iterable<SixItemsRow>;
  candidates.sort((a, b) =>
    orderOf({ at: a.ordered_at, orderNo: a.order_no, doc: a.id }, { at: b.ordered_at, orderNo: b.order_no, doc: b.id }),
  );
  const withoutList = candidates
    .filter((o) => !byOrder.has(o.order_no))
    .map((o) => ({
      orderNo: o.order_no,
      date: o.ordered_at.slice(0, 10),
      mode: o.customs_mode,
      currency: o.currency,
      gross: o.gross,
    }));
  return {
    rows,
    total: Number.isSafeInteger(total) ? (total as Minor) : sumExact(rows.map((x) => x.amount)),
    byOrder,
    orderIds: [...new Set(orderIds)],
    withoutList,
    sixItems,
  };
}

/**
 * Per order number, the sum of its rows (exact; a sum beyond safe integers through sumExact), fed the
 * rows' indexes in register order: a run of one order number is added to the map when the next starts.
 */
function orderSums(rows: readonly RegisterRow[], byOrder: Map<string, Minor>) {
  let orderNo = '';
  let start = 0;
  let sum = 0;
  const close = (end: number) => {
    if (orderNo === '') return;
    const before = byOrder.get(orderNo);
    const s = before === undefined ? sum : before + sum;
    byOrder.set(
      orderNo,
      Number.isSafeInteger(s) ? (s as Minor) : sumExact([before ?? 0, ...rows.slice(start, end).map((x) => x.amount)]),
    );
  };
  return {
    add(i: number) {
      const row = rows[i]!;
      if (row.orderNo !== orderNo) {
        close(i);
        orderNo = row.orderNo;
        start = i;
        sum = 0;
      }
      sum += row.amount;
      if (!Number.isSafeInteger(sum)) sum = NaN; // NaN stays: the run's sum is taken exactly in close()
    },
    close: () => close(rows.length),
  };
}

/** Register order: sale time (as stored), order number, list (document id). */
const orderOf = (a: { at: string; orderNo: string; doc: number }, b: { at: string; orderNo: string; doc: number }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : a.doc - b.doc;

/**
 * Minor units of a decimal text: exactly `parseDecimal`. Plain digits (1 to 15, then optionally a point and
 * 1 to 12 digits whose trailing zeros fit the currency's minor digits) are read here in safe integers,
 * character by character (no match objects: a register reads some ten thousand of them); anything else
 * through `parseDecimal`.
 */
function minorOf(text: unknown, currency: Currency): number {
  if (typeof text === 'string') {
    const n = plainMinor(text, minorDigits(currency));
    if (n >= 0) return n;
  }
  return parseDecimal(text as string, currency).amount;
}

/** `^(\d{1,15})(?:\.(\d{1,12}))?$` read as minor units with `digits` minor digits, or −1 when it is not that or does not fit. */
function plainMinor(text: string, digits: number): number {
  const len = text.length;
  let i = 0;
  let whole = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0 || i > 15) return -1;
  let frac = 0;
  let fracDigits = 0; // up to the last non-zero digit
  if (i < len) {
    if (text.charCodeAt(i) !== 46 || len - i - 1 < 1 || len - i - 1 > 12) return -1;
    for (let k = i + 1; k < len; k++) {
      const c = text.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      if (c !== 0) {
        if (k - i > digits) return -1; // a non-zero digit beyond the currency's minor digits
        fracDigits = k - i;
      }
    }
    for (let k = i + 1; k <= i + fracDigits; k++) frac = frac * 10 + (text.charCodeAt(k) - 48);
  }
  const n = whole * 10 ** digits + frac * 10 ** (digits - fracDigits);
  return Number.isSafeInteger(n) ? n : -1;
}

/** Exactly `sumMinor` (the same checks and result), in safe integers while the running sum stays safe. */
function sumExact(list: readonly number[]): Minor {
  let total = 0;
  for (const m of list) {
    total += m;
    if (!Number.isSafeInteger(m) || !Number.isSafeInteger(total)) return sumMinor(list);
  }
  return (total === 0 ? 0 : total) as Minor;
}

function goodsNames(db: Db): Map<string, string> {
  return new Map(
    (db.prepare('SELECT item_no, goods_name FROM skus').all() as Array<{ item_no: string; goods_name: string }>).map(
      (s) => [s.item_no, s.goods_name],
    ),
  );
}

function rateDaySetting(db: Db): RateDay {
  return getSetting<string>(db, 'tax.rateDay', 'saleDay') === 'monthFirst' ? 'monthFirst' : 'saleDay';
}

/** A list's lines in CNY at the PBoC rate of its sale day (or the 1st of its month). */
function listLines(r: ListRow, day: RateDay, rates: PbocRates, names: Map<string, string>, out: RegisterLine[]): void {
  const date = r.ordered_at.slice(0, 10);
  const facts = (r.facts === null ? {} : JSON.parse(r.facts)) as ListFacts;
  const currency = facts.currency;
  if (!isCurrency(currency))
    throw new DomainError('reports.list.currency', { invtNo: r.invt_no ?? '', orderNo: r.order_no });
  const rateDate = rateDayOf(day, date);
  const sortKey = { at: r.ordered_at, orderNo: r.order_no, doc: r.document_id };
  for (const l of facts.lines ?? []) {
    const original = minorOf(l.totalPrice, currency);
    out.push({
      date,
      orderId: r.order_id,
      orderNo: r.order_no,
      invtNo: r.invt_no,
      entryId: r.entry_id,
      mode: r.customs_mode,
      country: r.buyer_country,
      itemNo: l.itemNo,
      goodsName: names.get(l.itemNo) ?? l.itemNo,
      unit: UNIT_NAMES.get(l.unit) ?? l.unit,
      qty: l.qty,
      currency,
      original,
      cny: rates.cny(original, currency, rateDate),
      rateDate,
      sortKey,
    });
  }
}

/**
 * Released list lines of orders in [from, to] (sale day) whose mode is eligible that day, in CNY.
 * A list whose release was recorded after its month was closed is left to the register of the
 * month that carries it as an adjustment; one withdrawn after close stays where it was printed.
 */
export function registerLines(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  from: string,
  to: string,
  modes: 'eligible' | 'all',
): RegisterLine[] {
  const rows = db.prepare(LISTS).all(saleDays(from, to)) as ListRow[];
  const day = rateDaySetting(db);
  const names = goodsNames(db);
  const out: RegisterLine[] = [];
  for (const r of rows) {
    if (modes === 'eligible' && !eligibleOn(rules, r.ordered_at.slice(0, 10)).includes(r.customs_mode)) continue;
    listLines(r, day, rates, names, out);
  }
  return out;
}

export interface AdjustmentLine extends RegisterLine {
  readonly kind: 'released' | 'withdrawn';
  readonly exportMonth: string;
}

/** The month's register adjustments: lists released (+) or withdrawn (−) after their export month closed. */
function adjustmentLines(db: Db, rules: TaxRules, rates: PbocRates, month: string): AdjustmentLine[] {
  const rows = db
    .prepare(
      `SELECT a.kind, a.export_month, d.id AS document_id, o.id AS order_id, o.order_no, o.ordered_at, o.customs_mode,
        o.buyer_country, d.invt_no, d.entry_id, d.facts
      FROM register_adjustments a JOIN customs_documents d ON d.id = a.document_id JOIN orders o ON o.id = d.order_id
      WHERE a.month = ? AND o.customs_mode IS NOT NULL ORDER BY a.id`,
    )
    .all(month) as Array<ListRow & { kind: 'released' | 'withdrawn'; export_month: string }>;
  const day = rateDaySetting(db);
  const names = rows.length > 0 ? goodsNames(db) : new Map<string, string>();
  const out: AdjustmentLine[] = [];
  for (const r of rows) {
    if (!eligibleOn(rules, r.ordered_at.slice(0, 10)).includes(r.customs_mode)) continue;
    const lines: RegisterLine[] = [];
    listLines(r, day, rates, names, lines);
    const sign = r.kind === 'released' ? 1 : -1;
    for (const l of lines)
      out.push({ ...l, original: sign * l.original, cny: sign * l.cny, kind: r.kind, exportMonth: r.export_month });
  }
  return out;
}

/** Unit price in CNY as exact text to 4 decimals (amount ÷ quantity, half away from zero). */
function unitPrice(cnyFen: number, qty: string): string {
  const whole = wholeQty(qty);
  if (whole > 0 && Number.isSafeInteger(cnyFen * 100)) {
    const v = roundedQuotient(cnyFen * 100, whole);
    const frac = v % 10000;
    return `${(v - frac) / 10000}.${String(frac).padStart(4, '0')}`;
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(qty);
  if (!m) return '';
  const frac = m[2] ?? '';
  // in safe integers when they suffice (the same rounding), else in bigint
  const qn = Number(`${m[1]}${frac}`);
  const nn = cnyFen * 10 ** frac.length * 100;
  if (qn > 0 && Number.isSafeInteger(qn) && Number.isSafeInteger(nn)) {
    const t = String(roundedQuotient(nn, qn)).padStart(5, '0');
    return `${t.slice(0, -4)}.${t.slice(-4)}`;
  }
  const q = BigInt(`${m[1]}${frac}`);
  if (q === 0n) return '';
  // fen × 10^frac / q = fen per unit; ×100 more for 4 decimals of yuan.
  const num = BigInt(cnyFen) * 10n ** BigInt(frac.length) * 100n;
  let v = num / q;
  if ((num % q) * 2n >= q) v += 1n;
  const s = v.toString().padStart(5, '0');
  return `${s.slice(0, -4)}.${s.slice(-4)}`;
}

/** A quantity of plain digits (up to 15, most lines: no match object), or −1. */
function wholeQty(qty: string): number {
  const len = qty.length;
  if (len === 0 || len > 15) return -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = qty.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** n ÷ q rounded half up, for safe integers n ≥ 0 and q > 0 (the float quotient corrected to the exact one). */
function roundedQuotient(n: number, q: number): number {
  let v = Math.floor(n / q);
  let r = n - v * q;
  if (r < 0) ((v -= 1), (r += q));
  else if (r >= q) ((v += 1), (r -= q));
  if (r * 2 >= q) v += 1;
  return v;
}

export function taxRegisterSections(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  from: string,
  to: string,
): { sections: DataSection[]; summary: Record<string, number> } {
  const pass = registerPass(db, rules, rates, from, to);
  const own = pass.total;
  // late receipts of closed months posted to this register (a monthly register only: its month)
  const adjustments = periodAdjustments(db, rules, rates, from, to);
  const adjusted = sumExact(adjustments.map((l) => l.cny));
  const total = own + adjusted;
  // Eligible-mode sales of the period without a released list: printed apart (103号 condition 2 is a declaration).
  const withoutList = pass.withoutList;
  const orderIds = pass.orderIds;
  const journal = db
    .prepare(
      `SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
    WHERE e.source_kind = 'order' AND e.source_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) AND l.account = '5001'`,
    )
    .pluck()
    .get(JSON.stringify(orderIds)) as number;
  const six = sixItemsReconciliation(db, rates, pass.byOrder, own, pass.sixItems());
  const registerColumns: DataSection['columns'] = [
    { key: 'date', kind: 'date', width: 1.15 },
    { key: 'goodsName', kind: 'text', width: 1.3 },
    { key: 'unit', kind: 'text', width: 0.8 },
    { key: 'qty', kind: 'text', width: 0.7 },
    { key: 'unitPrice', kind: 'rate', width: 1.1 },
    { key: 'amount', kind: 'money', currency: 'CNY', width: 1.95 },
    { key: 'orderNo', kind: 'text', width: 2.15 },
    { key: 'invtNo', kind: 'text', width: 2.1 },
  ];
  const registerRow = (l: RegisterLine) => ({
    date: l.date,
    goodsName: l.goodsName,
    unit: l.unit,
    qty: l.qty,
    unitPrice: unitPrice(Math.abs(l.cny), l.qty),
    amount: l.cny,
    orderNo: l.orderNo,
    invtNo: l.invtNo,
  });
  return {
    sections: [
      {
        key: 'register',
        inTotals: true,
        // print widths: an order number (Amazon 3-7-7), an 18-digit list number and a carried sum up to
        // 99,999,999.99 CNY fit on one line of A4
        columns: registerColumns,
        rows: pass.rows,
        totals: { amount: own },
      },
      ...(adjustments.length > 0
        ? [
            {
              key: 'adjustments',
              inTotals: true,
              columns: [
                ...registerColumns,
                { key: 'adjustment', kind: 'text' as const, width: 1.6 },
                { key: 'exportMonth', kind: 'text' as const, width: 1 },
              ],
              rows: adjustments.map((l) => ({
                ...registerRow(l),
                adjustment: l.kind === 'released' ? 'lateRelease' : 'lateWithdrawal',
                exportMonth: l.exportMonth,
              })),
              totals: { amount: adjusted },
            },
          ]
        : []),
      {
        key: 'withoutList',
        inTotals: false,
        columns: [
          { key: 'date', kind: 'date' },
          { key: 'orderNo', kind: 'text' },
          { key: 'mode', kind: 'text' },
          { key: 'currency', kind: 'text' },
          { key: 'gross', kind: 'money', currencyFrom: 'currency' },
        ],
        rows: withoutList.map((o) => ({
          date: o.date,
          orderNo: o.orderNo,
          mode: o.mode,
          currency: o.currency,
          gross: o.gross,
        })),
      },
      six.section,
    ],
    summary: {
      total,
      lines: pass.rows.length,
      orders: pass.byOrder.size,
      ...(adjustments.length > 0
        ? { registerLinesTotal: own, adjustments: adjusted, adjustmentLines: adjustments.length }
        : {}),
      journalRevenue: journal,
      difference: own - journal,
      ordersWithoutList: withoutList.length,
      ...six.summary,
    },
  };
}

/** The adjustments posted to the months of [from, to] (a quarter carries those of its three months). */
function periodAdjustments(db: Db, rules: TaxRules, rates: PbocRates, from: string, to: string): AdjustmentLine[] {
  const out: AdjustmentLine[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7))
    out.push(...adjustmentLines(db, rules, rates, m));
  return out;
}

/**
 * The register against the six items queued for the zone platform (`tax.sixItems` outbox rows, one
 * per exported order, amounts in the order currency): the six items of the period's orders (sale
 * day in the period, as the register), each item converted exactly as the register converts its
 * list line (same PBoC day), summed; every order whose figures differ is listed with its cause —
 * `missing` (in the register, no six items queued), `notInRegister` (six items of an order the
 * register leaves out: no released list, or a mode the rule table does not name), `amountDiffers`
 * (the list was revised after the six items were queued). Records not yet sent are counted.
 */
export function sixItemsReconciliation(
  db: Db,
  rates: PbocRates,
  register: ReadonlyMap<string, Minor>,
  total: Minor,
  records: Iterable<SixItemsRow>,
): { section: DataSection; summary: Record<string, number> } {
  const day = rateDaySetting(db);
  // each record's items converted as the register converts a list line (same PBoC day): a record that
  // states its order's list amounts gives the register's sum for it. A record joined to several orders
  // of its number counts once, on the earliest one's sale day.
  const uploaded = new Map<string, number>();
  const seen = new Set<number>();
  let notSent = 0;
  let toCny: ((amount: number) => Minor) | null = null; // the last record's rate (records come in time order)
  let toCnyCurrency = '';
  let toCnyDate = '';
  let checked: unknown = null; // the last currency checked
  let saleDay = '';
  for (const r of records) {
    if (seen.has(r[1])) continue;
    seen.add(r[1]);
    const orderNo = String(r[3]);
    const currency = r[4];
    if (currency !== checked) {
      if (!isCurrency(currency)) throw new DomainError('reports.list.currency', { invtNo: '', orderNo });
      checked = currency;
    }
    const text = r[5];
    let cny = 0;
    if (text !== null && text !== '') {
      // one item (most records): no list of amounts
      const one = text.includes('\u001f') ? null : minorOf(text, currency as Currency);
      const amounts = one === null ? text.split('\u001f').map((a) => minorOf(a, currency as Currency)) : null;
      // the sale day (most records share the last one's: no new text)
      if (saleDay.length !== 10 || !r[0].startsWith(saleDay)) saleDay = r[0].slice(0, 10);
      const rateDate = rateDayOf(day, saleDay);
      if (currency !== toCnyCurrency || rateDate !== toCnyDate)
        ((toCny = rates.cnyOf(currency as Currency, rateDate)),
          (toCnyCurrency = currency as Currency),
          (toCnyDate = rateDate));
      if (amounts === null) cny = toCny!(one!);
      else {
        for (const a of amounts) {
          cny += toCny!(a);
          if (!Number.isSafeInteger(cny)) cny = NaN; // NaN stays: summed exactly below
        }
        if (Number.isNaN(cny)) cny = sumExact(amounts.map((a) => toCny!(a)));
      }
    }
    const before = uploaded.get(orderNo);
    uploaded.set(orderNo, before === undefined ? cny : before + cny);
    if (r[2] !== 1) notSent++;
  }
  const rows: Array<Record<string, string | number | null>> = [];
  const differs = (orderNo: string, inRegister: number | null, six: number | null) =>
    rows.push({
      orderNo,
      cause: six === null ? 'missing' : inRegister === null ? 'notInRegister' : 'amountDiffers',
      registerAmount: inRegister ?? 0,
      sixItemsAmount: six ?? 0,
      difference: (inRegister ?? 0) - (six ?? 0),
    });
  for (const [orderNo, inRegister] of register) {
    const six = uploaded.get(orderNo) ?? null;
    if (inRegister !== six) differs(orderNo, inRegister, six);
  }
  for (const [orderNo, six] of uploaded) if (!register.has(orderNo)) differs(orderNo, null, six);
  const sixTotal = sumExact([...uploaded.values()]);
  return {
    section: {
      key: 'sixItems',
      inTotals: false,
      columns: [
        { key: 'orderNo', kind: 'text' },
        { key: 'cause', kind: 'text' },
        { key: 'registerAmount', kind: 'money', currency: 'CNY' },
        { key: 'sixItemsAmount', kind: 'money', currency: 'CNY' },
        { key: 'difference', kind: 'money', currency: 'CNY' },
      ],
      rows,
      totals: {
        registerAmount: sumExact(rows.map((r) => Number(r.registerAmount))),
        sixItemsAmount: sumExact(rows.map((r) => Number(r.sixItemsAmount))),
        difference: sumExact(rows.map((r) => Number(r.difference))),
      },
    },
    summary: {
      sixItemsTotal: sixTotal,
      sixItemsOrders: uploaded.size,
      sixItemsNotSent: notSent,
      sixItemsDifference: total - sixTotal,
    },
  };
}

/** 1c: released lists of the period grouped by declaration (entryId), mode, country and currency, FOB in CNY. */
export function exportSummarySections(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  from: string,
  to: string,
): { sections: DataSection[]; summary: Record<string, number> } {
  const lines = registerLines(db, rules, rates, from, to, 'all');
  const groups = new Map<
    string,
    {
      entryId: string | null;
      mode: string;
      country: string | null;
      currency: Currency;
      lists: Set<string>;
      original: number[];
      cny: number[];
    }
  >();
  for (const l of lines) {
    const key = JSON.stringify([l.entryId, l.mode, l.country, l.currency]);
    const g = groups.get(key) ?? {
      entryId: l.entryId,
      mode: l.mode,
      country: l.country,
      currency: l.currency,
      lists: new Set<string>(),
      original: [],
      cny: [],
    };
    g.lists.add(l.invtNo ?? l.orderNo);
    g.original.push(l.original);
    g.cny.push(l.cny);
    groups.set(key, g);
  }
  // Declared (by number) first, lists not yet in a declaration last.
  const order = (g: { entryId: string | null; mode: string }) =>
    `${g.entryId === null ? '1' : '0'}${g.entryId ?? ''}\u0000${g.mode}`;
  const rows = [...groups.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map((g) => ({
      entryId: g.entryId,
      mode: g.mode,
      country: g.country,
      currency: g.currency,
      lists: g.lists.size,
      original: sumExact(g.original),
      fobCny: sumExact(g.cny),
    }));
  const total = sumExact(rows.map((r) => r.fobCny));
  return {
    sections: [
      {
        key: 'declarations',
        inTotals: true,
        columns: [
          { key: 'entryId', kind: 'text' },
          { key: 'mode', kind: 'text' },
          { key: 'country', kind: 'text' },
          { key: 'currency', kind: 'text' },
          { key: 'lists', kind: 'number' },
          { key: 'original', kind: 'money', currencyFrom: 'currency' },
          { key: 'fobCny', kind: 'money', currency: 'CNY' },
        ],
        rows,
        totals: { lists: rows.reduce((n, r) => n + r.lists, 0), fobCny: total },
      },
    ],
    summary: { total, declarations: rows.length, lines: lines.length },
  };
}
