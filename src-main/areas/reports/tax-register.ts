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
 * number, list, line); a list without lines has one row with line −1. Sale days [from, to] are the
 * rows whose `ordered_at` starts with one of them.
 */
const STORED_LINES = `SELECT ordered_at, order_no, document_id, line, order_id, customs_mode, buyer_country, invt_no, entry_id,
      currency, item_no, qty, unit, total_price
    FROM register_list_lines WHERE ordered_at >= @from AND ordered_at < @toNext`;
type StoredLine = [
  ordered_at: string,
  order_no: string,
  document_id: number,
  line: number,
  order_id: number,
  customs_mode: string,
  buyer_country: string | null,
  invt_no: string | null,
  entry_id: string | null,
  currency: unknown,
  item_no: string,
  qty: string,
  unit: string,
  total_price: string,
];

/** The eligible-mode sales of the period that are not excluded (the register lists those without a list apart). */
const periodSales = (modes: number) => `SELECT o.id, o.order_no, o.ordered_at, o.customs_mode, o.currency, o.gross
    FROM orders o
    WHERE ${SALE_DAYS} AND o.exclusion IS NULL
      AND o.customs_mode IN (${Array.from({ length: Math.max(1, modes) }, (_, i) => `@m${i}`).join(', ')})`;

/**
 * The six items queued for the period's orders (`tax.sixItems:<orderNo>`), kept with each order of that
 * number by the write path (migration 0021, `register_six_items`), in the orders' time order.
 */
const PERIOD_SIX_ITEMS = `SELECT ordered_at, outbox_id, status, order_no, currency, amounts FROM register_six_items
    WHERE ordered_at_utc >= @utcFrom AND ordered_at_utc < @utcTo AND substr(ordered_at, 1, 10) BETWEEN @from AND @to`;

/** A six-item record as queued (`tax.sixItems`): its order number, currency and item amounts (decimal text). */
export interface SixItemsRecord {
  readonly status: string;
  readonly orderNo: string;
  readonly currency: string | null;
  readonly amounts: readonly string[];
  /** The earliest sale day in the period of the orders with its number. */
  readonly day: string;
}

interface RegisterPass {
  readonly lines: RegisterLine[];
  readonly withoutList: Array<{
    orderNo: string;
    date: string;
    mode: string;
    currency: string | null;
    gross: number | null;
  }>;
  readonly sixItems: SixItemsRecord[];
  /** The order numbers with register lines. */
  readonly listed: ReadonlySet<string>;
}

/** The register lines, the eligible sales without a list and the six items of the period. */
function registerPass(db: Db, rules: TaxRules, rates: PbocRates, from: string, to: string): RegisterPass {
  // the modes the rule table names on some day of the period (each order's own day is checked below)
  const modes = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) for (const m of eligibleOn(rules, d)) modes.add(m);
  const eligibleDays = new Map<string, readonly string[]>();
  const eligible = (date: string, mode: string | null) => {
    let m = eligibleDays.get(date);
    if (m === undefined) eligibleDays.set(date, (m = eligibleOn(rules, date)));
    return mode !== null && m.includes(mode);
  };
  const day = rateDaySetting(db);
  const names = goodsNames(db);
  const lines: RegisterLine[] = [];
  /** Orders with a counted list (with or without lines). */
  const found = new Set<number>();
  let doc = -1;
  let sortKey = { at: '', orderNo: '', doc: -1 };
  let currency: Currency = 'CNY';
  let date = '';
  let rateDate = '';
  // all at once (a step per row costs more than the rows): a month is some ten thousand narrow rows
  for (const r of db
    .prepare(STORED_LINES)
    .raw(true)
    .all({ from, toNext: addDays(to, 1) }) as StoredLine[]) {
    if (r[2] !== doc) {
      doc = r[2];
      date = r[0].slice(0, 10);
      if (!eligible(date, r[5])) {
        doc = -1;
        continue;
      }
      if (!isCurrency(r[9])) throw new DomainError('reports.list.currency', { invtNo: r[7] ?? '', orderNo: r[1] });
      currency = r[9];
      found.add(r[4]);
      sortKey = { at: r[0], orderNo: r[1], doc };
      rateDate = rateDayOf(day, date);
    } else if (doc === -1) continue;
    if (r[3] < 0) continue; // a list without lines
    const original = minorOf(r[13], currency);
    lines.push({
      date,
      orderId: r[4],
      orderNo: sortKey.orderNo, // one string per list: the maps below hash it once
      invtNo: r[7],
      entryId: r[8],
      mode: r[5],
      country: r[6],
      itemNo: r[10],
      goodsName: names.get(r[10]) ?? r[10],
      unit: UNIT_NAMES.get(r[12]) ?? r[12],
      qty: r[11],
      currency,
      original,
      cny: rates.cny(original, currency, rateDate),
      rateDate,
      sortKey,
    });
  }
  const params = {
    ...saleDays(from, to),
    m0: null,
    ...Object.fromEntries([...modes].map((m, i) => [`m${i}`, m])),
  };
  const candidates = (
    db.prepare(periodSales(modes.size)).all(params) as Array<{
      id: number;
      order_no: string;
      ordered_at: string;
      customs_mode: string;
      currency: string | null;
      gross: number | null;
    }>
  ).filter((o) => !found.has(o.id) && eligible(o.ordered_at.slice(0, 10), o.customs_mode));
  const sixItems: SixItemsRecord[] = [];
  const seenSix = new Set<number>();
  for (const r of db.prepare(PERIOD_SIX_ITEMS).raw(true).all(saleDays(from, to)) as Array<
    [string, number, string, string | number | null, string | null, string | null]
  >) {
    if (seenSix.has(r[1])) continue;
    seenSix.add(r[1]);
    sixItems.push({
      status: r[2],
      orderNo: String(r[3]),
      currency: r[4],
      amounts: r[5] === null || r[5] === '' ? [] : r[5].split('\u001f'),
      day: r[0].slice(0, 10),
    });
  }
  // in register order (sale time, order number, list): sorted here, not by a temporary b-tree of the wide rows
  const orderOf = (a: { at: string; orderNo: string; doc: number }, b: { at: string; orderNo: string; doc: number }) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : a.doc - b.doc;
  lines.sort((a, b) => orderOf(a.sortKey, b.sortKey));
  candidates.sort((a, b) =>
    orderOf({ at: a.ordered_at, orderNo: a.order_no, doc: a.id }, { at: b.ordered_at, orderNo: b.order_no, doc: b.id }),
  );
  const listed = new Set(lines.map((l) => l.orderNo));
  const withoutList = candidates
    .filter((o) => !listed.has(o.order_no))
    .map((o) => ({
      orderNo: o.order_no,
      date: o.ordered_at.slice(0, 10),
      mode: o.customs_mode,
      currency: o.currency,
      gross: o.gross,
    }));
  return { lines, withoutList, sixItems, listed };
}

/** Minor units of a decimal text: exactly `parseDecimal` (plain digits in safe integers here, anything else through it). */
function minorOf(text: unknown, currency: Currency): number {
  if (typeof text === 'string') {
    const m = PLAIN_DECIMAL.exec(text);
    if (m !== null) {
      const digits = minorDigits(currency);
      const frac = (m[2] ?? '').replace(/0+$/, '');
      if (frac.length <= digits) {
        const n = Number(m[1]! + frac.padEnd(digits, '0'));
        if (Number.isSafeInteger(n)) return n;
      }
    }
  }
  return parseDecimal(text as string, currency).amount;
}
const PLAIN_DECIMAL = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

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
  const m = /^(\d+)(?:\.(\d+))?$/.exec(qty);
  if (!m) return '';
  const frac = m[2] ?? '';
  // in safe integers when they suffice (the same rounding), else in bigint
  const qn = Number(`${m[1]}${frac}`);
  const nn = cnyFen * 10 ** frac.length * 100;
  if (qn > 0 && Number.isSafeInteger(qn) && Number.isSafeInteger(nn)) {
    let v = Math.floor(nn / qn);
    let r = nn - v * qn;
    if (r < 0) ((v -= 1), (r += qn));
    else if (r >= qn) ((v += 1), (r -= qn));
    if (r * 2 >= qn) v += 1;
    const t = String(v).padStart(5, '0');
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

export function taxRegisterSections(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  from: string,
  to: string,
): { sections: DataSection[]; summary: Record<string, number> } {
  const pass = registerPass(db, rules, rates, from, to);
  const lines = pass.lines;
  const own = sumExact(lines.map((l) => l.cny));
  // late receipts of closed months posted to this register (a monthly register only: its month)
  const adjustments = periodAdjustments(db, rules, rates, from, to);
  const adjusted = sumExact(adjustments.map((l) => l.cny));
  const total = own + adjusted;
  const listed = pass.listed;
  // Eligible-mode sales of the period without a released list: printed apart (103号 condition 2 is a declaration).
  const withoutList = pass.withoutList;
  const orderIds = [...new Set(lines.map((l) => l.orderId))];
  const journal = db
    .prepare(
      `SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
    WHERE e.source_kind = 'order' AND e.source_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) AND l.account = '5001'`,
    )
    .pluck()
    .get(JSON.stringify(orderIds)) as number;
  const six = sixItemsReconciliation(db, rates, lines, pass.sixItems);
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
        rows: lines.map(registerRow),
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
      lines: lines.length,
      orders: listed.size,
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
  lines: readonly RegisterLine[],
  records: readonly SixItemsRecord[],
): { section: DataSection; summary: Record<string, number> } {
  const day = rateDaySetting(db);
  // per order: the lines' CNY amounts, and their currency, rate day and original amounts (a record
  // stating the same amounts converts the same; currency '' when the lines differ in either)
  const register = new Map<string, { cny: number[]; currency: string; rateDate: string; amounts: number[] }>();
  for (const l of lines) {
    const o = register.get(l.orderNo);
    if (!o)
      register.set(l.orderNo, { cny: [l.cny], currency: l.currency, rateDate: l.rateDate, amounts: [l.original] });
    else {
      o.cny.push(l.cny);
      if (o.currency === l.currency && o.rateDate === l.rateDate) o.amounts.push(l.original);
      else o.currency = '';
    }
  }
  const uploaded = new Map<string, number>();
  let notSent = 0;
  for (const r of records) {
    const p = r;
    if (!isCurrency(p.currency))
      throw new DomainError('reports.list.currency', { invtNo: '', orderNo: String(p.orderNo) });
    const currency = p.currency;
    const rateDate = rateDayOf(day, r.day);
    const amounts = p.amounts.map((a) => minorOf(a, currency));
    const same = register.get(p.orderNo);
    const cny =
      same !== undefined &&
      same.currency === currency &&
      same.rateDate === rateDate &&
      same.amounts.length === amounts.length &&
      same.amounts.every((a, k) => a === amounts[k])
        ? sumExact(same.cny)
        : sumExact(amounts.map((a) => rates.cny(a, currency, rateDate)));
    uploaded.set(p.orderNo, (uploaded.get(p.orderNo) ?? 0) + cny);
    if (r.status !== 'sent') notSent++;
  }
  const rows: Array<Record<string, string | number | null>> = [];
  const orderNos = [...register.keys()];
  for (const orderNo of uploaded.keys()) if (!register.has(orderNo)) orderNos.push(orderNo);
  for (const orderNo of orderNos) {
    const own = register.get(orderNo);
    const inRegister = own !== undefined ? sumExact(own.cny) : null;
    const six = uploaded.get(orderNo) ?? null;
    if (inRegister === six) continue;
    rows.push({
      orderNo,
      cause: six === null ? 'missing' : inRegister === null ? 'notInRegister' : 'amountDiffers',
      registerAmount: inRegister ?? 0,
      sixItemsAmount: six ?? 0,
      difference: (inRegister ?? 0) - (six ?? 0),
    });
  }
  const sixTotal = sumExact([...uploaded.values()]);
  const total = sumExact(lines.map((l) => l.cny));
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
