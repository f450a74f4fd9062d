/**
 * 1a The 无票免税 six-item register (财税〔2018〕103号, 公告2019年第36号) and 1c the export summary
 * by declaration, from the released CEB603 lists (latest revision, status 800 or later) of orders
 * whose customs mode the dated rule table names as eligible on the export date. Amounts in CNY at
 * the PBoC 中间价 of the sale day or the 1st of its month (setting `tax.rateDay`), line by line;
 * orders with no list are listed apart, outside the totals; a reconciliation line compares the
 * register with the journal's revenue for the same orders (booked at the order's rate).
 */
import { DomainError } from '../../core/domain-error.ts';
import { UNITS } from '../../core/customs/codes/tables.generated.ts';
import { statusRank } from '../../core/customs/index.ts';
import { isCurrency, parseDecimal, sumMinor, type Currency } from '../../core/money/index.ts';
import { ruleOn, type TaxRules } from '../../core/tax/tax-rules.ts';
import type { Db } from '../../db/open-ledger.ts';
import { getSetting } from '../../db/settings-store.ts';
import type { DataSection } from './report-data.ts';
import { rateDayOf, type PbocRates, type RateDay } from './report-rates.ts';

const UNIT_NAMES = new Map(UNITS.map(([code, name]) => [code, name]));
const RELEASED = statusRank('800');

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
}

function eligibleOn(rules: TaxRules, date: string): readonly string[] {
  return ruleOn('noInvoiceExemption', rules.noInvoiceExemption, date).eligibleModes;
}

/** Released list lines of orders in [from, to] (sale day) whose mode is eligible that day, in CNY. */
export function registerLines(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  from: string,
  to: string,
  modes: 'eligible' | 'all',
): RegisterLine[] {
  const rows = db
    .prepare(
      `SELECT d.id AS document_id, o.id AS order_id, o.order_no, o.ordered_at, o.customs_mode, o.buyer_country, d.invt_no, d.entry_id, d.facts
    FROM customs_documents d JOIN orders o ON o.id = d.order_id
    WHERE d.type = 'CEB603' AND d.status_rank >= ? AND d.status <> 'error'
      AND d.revision = (SELECT max(x.revision) FROM customs_documents x WHERE x.type = 'CEB603' AND x.business_key = d.business_key)
      AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ? AND o.customs_mode IS NOT NULL
    ORDER BY o.ordered_at, o.order_no, d.id`,
    )
    .all(RELEASED, from, to) as ListRow[];
  const day = (getSetting<string>(db, 'tax.rateDay', 'saleDay') === 'monthFirst' ? 'monthFirst' : 'saleDay') as RateDay;
  const names = new Map(
    (db.prepare('SELECT item_no, goods_name FROM skus').all() as Array<{ item_no: string; goods_name: string }>).map(
      (s) => [s.item_no, s.goods_name],
    ),
  );
  const out: RegisterLine[] = [];
  for (const r of rows) {
    const date = r.ordered_at.slice(0, 10);
    if (modes === 'eligible' && !eligibleOn(rules, date).includes(r.customs_mode)) continue;
    const facts = (r.facts === null ? {} : JSON.parse(r.facts)) as ListFacts;
    const currency = facts.currency;
    if (!isCurrency(currency))
      throw new DomainError('reports.list.currency', { invtNo: r.invt_no ?? '', orderNo: r.order_no });
    const rateDate = rateDayOf(day, date);
    for (const l of facts.lines ?? []) {
      const original = parseDecimal(l.totalPrice, currency).amount;
      out.push({
        date,
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
      });
    }
  }
  return out;
}

/** Unit price in CNY as exact text to 4 decimals (amount ÷ quantity, half away from zero). */
function unitPrice(cnyFen: number, qty: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(qty);
  if (!m) return '';
  const frac = m[2] ?? '';
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
  const lines = registerLines(db, rules, rates, from, to, 'eligible');
  const total = sumMinor(lines.map((l) => l.cny));
  const listed = new Set(lines.map((l) => l.orderNo));
  // Eligible-mode sales of the period without a released list: printed apart (103号 condition 2 is a declaration).
  const candidates = db
    .prepare(
      `SELECT o.id, o.order_no AS orderNo, substr(o.ordered_at, 1, 10) AS date, o.customs_mode AS mode, o.currency, o.gross FROM orders o
    WHERE substr(o.ordered_at, 1, 10) BETWEEN ? AND ? AND o.exclusion IS NULL AND o.customs_mode IS NOT NULL
    ORDER BY o.ordered_at, o.order_no`,
    )
    .all(from, to) as Array<{
    id: number;
    orderNo: string;
    date: string;
    mode: string;
    currency: string | null;
    gross: number | null;
  }>;
  const withoutList = candidates.filter((o) => !listed.has(o.orderNo) && eligibleOn(rules, o.date).includes(o.mode));
  const orderIds = db
    .prepare(`SELECT DISTINCT o.id FROM orders o WHERE o.order_no IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify([...listed])) as number[];
  const journal = db
    .prepare(
      `SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
    WHERE e.source_kind = 'order' AND e.source_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) AND l.account = '5001'`,
    )
    .pluck()
    .get(JSON.stringify(orderIds)) as number;
  const six = sixItemsReconciliation(db, rates, lines, from, to);
  return {
    sections: [
      {
        key: 'register',
        inTotals: true,
        columns: [
          { key: 'date', kind: 'date' },
          { key: 'goodsName', kind: 'text' },
          { key: 'unit', kind: 'text' },
          { key: 'qty', kind: 'text' },
          { key: 'unitPrice', kind: 'rate' },
          { key: 'amount', kind: 'money', currency: 'CNY' },
          { key: 'orderNo', kind: 'text' },
          { key: 'invtNo', kind: 'text' },
        ],
        rows: lines.map((l) => ({
          date: l.date,
          goodsName: l.goodsName,
          unit: l.unit,
          qty: l.qty,
          unitPrice: unitPrice(l.cny, l.qty),
          amount: l.cny,
          orderNo: l.orderNo,
          invtNo: l.invtNo,
        })),
        totals: { amount: total },
      },
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
      journalRevenue: journal,
      difference: total - journal,
      ordersWithoutList: withoutList.length,
      ...six.summary,
    },
  };
}

interface SixItemsPayload {
  readonly orderNo: string;
  readonly currency: string;
  readonly items: ReadonlyArray<{ readonly amount: string }>;
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
  from: string,
  to: string,
): { section: DataSection; summary: Record<string, number> } {
  const day = (getSetting<string>(db, 'tax.rateDay', 'saleDay') === 'monthFirst' ? 'monthFirst' : 'saleDay') as RateDay;
  const register = new Map<string, number[]>();
  for (const l of lines) register.set(l.orderNo, [...(register.get(l.orderNo) ?? []), l.cny]);
  const records = db
    .prepare(
      `SELECT x.id, x.status, x.payload, min(substr(o.ordered_at, 1, 10)) AS day FROM outbox x
    JOIN orders o ON o.order_no = json_extract(x.payload, '$.orderNo')
    WHERE x.kind = 'tax.sixItems' AND substr(o.ordered_at, 1, 10) BETWEEN ? AND ?
    GROUP BY x.id ORDER BY day, x.id`,
    )
    .all(from, to) as Array<{ id: number; status: string; payload: string; day: string }>;
  const uploaded = new Map<string, number>();
  let notSent = 0;
  for (const r of records) {
    const p = JSON.parse(r.payload) as SixItemsPayload;
    if (!isCurrency(p.currency))
      throw new DomainError('reports.list.currency', { invtNo: '', orderNo: String(p.orderNo) });
    const currency = p.currency;
    const rateDate = rateDayOf(day, r.day);
    const cny = sumMinor(p.items.map((i) => rates.cny(parseDecimal(i.amount, currency).amount, currency, rateDate)));
    uploaded.set(p.orderNo, (uploaded.get(p.orderNo) ?? 0) + cny);
    if (r.status !== 'sent') notSent++;
  }
  const rows: Array<Record<string, string | number | null>> = [];
  const orderNos = [...new Set([...register.keys(), ...uploaded.keys()])];
  for (const orderNo of orderNos) {
    const inRegister = register.has(orderNo) ? sumMinor(register.get(orderNo)!) : null;
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
  const sixTotal = sumMinor([...uploaded.values()]);
  const total = sumMinor(lines.map((l) => l.cny));
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
        registerAmount: sumMinor(rows.map((r) => Number(r.registerAmount))),
        sixItemsAmount: sumMinor(rows.map((r) => Number(r.sixItemsAmount))),
        difference: sumMinor(rows.map((r) => Number(r.difference))),
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
      original: sumMinor(g.original),
      fobCny: sumMinor(g.cny),
    }));
  const total = sumMinor(rows.map((r) => r.fobCny));
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
