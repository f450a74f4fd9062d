/**
 * The dashboard's reads (issue 17 point 4). Orders come from `order_month_totals` and sold SKU lines
 * from `sku_month_totals` / `sku_month_amounts` (migration 0017: kept by triggers in the transaction of every order write,
 * re-classification and delete), so a period costs a few thousand aggregate rows at a million
 * orders. Exports are the orders that count as a sale (no exclusion); excluded ones are counted
 * apart. Money stays per currency in minor units: amounts of different currencies are never added.
 */
import { addMinor, minor, type Minor } from '../../core/money/index.ts';
import type { CustomsMode, SaleExclusion } from '../../core/orders/order.ts';
import type { Db } from '../../db/open-ledger.ts';

export interface DashboardGroup {
  /** The month (YYYY-MM), country (ISO alpha-2), customs mode or currency; null = not stated. */
  readonly key: string | null;
  readonly orders: number;
  readonly units: number;
  /** Known gross per currency (minor units). */
  readonly gross: Readonly<Record<string, Minor>>;
  /** Orders whose amounts the file left unknown (counted, not in `gross`). */
  readonly unknownAmounts: number;
}
export type DashboardMonth = DashboardGroup & { readonly key: string };

export interface DashboardCurrency {
  readonly currency: string | null;
  readonly orders: number;
  readonly units: number;
  readonly gross: Minor;
  readonly refunded: Minor;
  readonly unknownAmounts: number;
}

export interface DashboardSku {
  readonly sku: string;
  readonly quantity: number;
  readonly lines: number;
  /** Goods after discounts per currency (minor units), of the lines whose amounts are known. */
  readonly amount: Readonly<Record<string, Minor>>;
  readonly unknownLines: number;
}

export interface OrderFigures {
  /** First and last month of the period (YYYY-MM, inclusive). */
  readonly from: string;
  readonly to: string;
  /** First and last month holding any order (null: no orders yet). */
  readonly dataFrom: string | null;
  readonly dataTo: string | null;
  readonly totals: { readonly orders: number; readonly units: number };
  readonly excluded: Readonly<Partial<Record<SaleExclusion, number>>>;
  /** Every month of the period, oldest first (months without orders hold zeros). */
  readonly byMonth: readonly DashboardMonth[];
  /** Most orders first. */
  readonly byCountry: readonly DashboardGroup[];
  readonly byCustomsMode: ReadonlyArray<DashboardGroup & { readonly key: CustomsMode | null }>;
  readonly byCurrency: readonly DashboardCurrency[];
  /** Most units sold first. */
  readonly topSkus: readonly DashboardSku[];
}

export interface DashboardSummary extends OrderFigures {
  /** Receivables by age per currency sub-account of 应收账款, in CNY minor units as booked, as of `asOf`. */
  readonly receivables: ReadonlyArray<{
    readonly currency: string;
    readonly buckets: Readonly<Record<string, Minor>>;
    readonly total: Minor;
  }>;
  /** Stock value now, per warehouse, in CNY minor units. */
  readonly stock: {
    readonly total: Minor;
    readonly quantity: number;
    readonly byWarehouse: ReadonlyArray<{
      readonly warehouseId: number;
      readonly code: string;
      readonly name: string;
      readonly kind: string;
      readonly quantity: number;
      readonly value: Minor;
    }>;
  };
  readonly asOf: string;
}

/** 'YYYY-MM' moved by n months. */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

interface Acc {
  orders: number;
  units: number;
  gross: Record<string, Minor>;
  unknownAmounts: number;
}
const ZERO = minor(0);
const acc = (): Acc => ({ orders: 0, units: 0, gross: {}, unknownAmounts: 0 });

function add(a: Acc, r: SaleRow): void {
  a.orders += r.orders;
  a.units += r.units;
  a.unknownAmounts += r.unknown_amounts;
  if (r.currency !== '' && r.orders > r.unknown_amounts)
    a.gross[r.currency] = addMinor(a.gross[r.currency] ?? ZERO, r.gross);
}

type SaleTuple = [string, string, string, string, number, number, Minor, Minor, number];
const toSaleRow = (r: SaleTuple): SaleRow => ({
  month: r[0],
  currency: r[1],
  country: r[2],
  customs_mode: r[3],
  orders: r[4],
  units: r[5],
  gross: r[6],
  refunded: r[7],
  unknown_amounts: r[8],
});

interface SaleRow {
  month: string;
  currency: string;
  country: string;
  customs_mode: string;
  orders: number;
  units: number;
  gross: Minor;
  refunded: Minor;
  unknown_amounts: number;
}

/**
 * The order figures of a period. Default period: the 12 months up to the latest month holding an
 * order (or up to `thisMonth` when there is none).
 */
export function orderFigures(
  db: Db,
  opts: { from?: string | undefined; to?: string | undefined; topSkus?: number | undefined },
  thisMonth: string,
): OrderFigures {
  // two statements: SQLite answers a lone min() or max() from the key's ends, not both at once
  const range = {
    dataFrom: (db.prepare('SELECT min(month) FROM order_month_totals').pluck().get() as string | null) ?? null,
    dataTo: (db.prepare('SELECT max(month) FROM order_month_totals').pluck().get() as string | null) ?? null,
  };
  let to = opts.to ?? (opts.from !== undefined ? addMonths(opts.from, 11) : (range.dataTo ?? thisMonth));
  let from = opts.from ?? addMonths(to, -11);
  if (from > to) [from, to] = [to, from];

  // one row per month × shop × currency × country × mode, as arrays: summed below in one pass (no sort)
  const rows = (
    db
      .prepare(
        `SELECT month, currency, country, customs_mode, orders, units, gross, refunded, unknown_amounts
         FROM order_month_totals WHERE month BETWEEN ? AND ? AND exclusion = ''`,
      )
      .raw(true)
      .all(from, to) as SaleTuple[]
  ).map(toSaleRow);

  const months = new Map(monthsBetween(from, to).map((m) => [m, acc()]));
  const countries = new Map<string, Acc>();
  const modes = new Map<string, Acc>();
  const currencies = new Map<string, Acc & { refunded: Minor; grossOne: Minor }>();
  let orders = 0;
  let units = 0;
  for (const r of rows) {
    orders += r.orders;
    units += r.units;
    const month = months.get(r.month);
    if (month) add(month, r);
    const country = countries.get(r.country) ?? acc();
    countries.set(r.country, country);
    add(country, r);
    const mode = modes.get(r.customs_mode) ?? acc();
    modes.set(r.customs_mode, mode);
    add(mode, r);
    const cur = currencies.get(r.currency) ?? { ...acc(), refunded: ZERO, grossOne: ZERO };
    currencies.set(r.currency, cur);
    add(cur, r);
    cur.refunded = addMinor(cur.refunded, r.refunded);
    cur.grossOne = addMinor(cur.grossOne, r.gross);
  }
  const group = (key: string, a: Acc): DashboardGroup => ({
    key: key === '' ? null : key,
    orders: a.orders,
    units: a.units,
    gross: a.gross,
    unknownAmounts: a.unknownAmounts,
  });
  const byOrders = (a: DashboardGroup, b: DashboardGroup) =>
    b.orders - a.orders || String(a.key ?? '~').localeCompare(String(b.key ?? '~'));

  const excluded: Partial<Record<SaleExclusion, number>> = {};
  for (const r of db
    .prepare(
      `SELECT exclusion, sum(orders) AS n FROM order_month_totals WHERE month BETWEEN ? AND ? AND exclusion <> ''
       GROUP BY exclusion ORDER BY exclusion`,
    )
    .all(from, to) as Array<{ exclusion: SaleExclusion; n: number }>)
    excluded[r.exclusion] = r.n;

  return {
    from,
    to,
    dataFrom: range.dataFrom,
    dataTo: range.dataTo,
    totals: { orders, units },
    excluded,
    byMonth: [...months].map(([m, a]) => ({ ...group(m, a), key: m })),
    byCountry: [...countries].map(([k, a]) => group(k, a)).sort(byOrders),
    byCustomsMode: [...modes]
      .map(([k, a]) => group(k, a) as DashboardGroup & { key: CustomsMode | null })
      .sort(byOrders),
    byCurrency: [...currencies]
      .map(([k, a]) => ({
        currency: k === '' ? null : k,
        orders: a.orders,
        units: a.units,
        gross: a.grossOne,
        refunded: a.refunded,
        unknownAmounts: a.unknownAmounts,
      }))
      .sort((a, b) => b.orders - a.orders || String(a.currency ?? '~').localeCompare(String(b.currency ?? '~'))),
    topSkus: topSkus(db, from, to, opts.topSkus ?? 10),
  };
}

function topSkus(db: Db, from: string, to: string, limit: number): DashboardSku[] {
  const top = db
    .prepare(
      `SELECT sku, sum(quantity) AS quantity, sum(lines) AS lines, sum(unknown_lines) AS unknownLines
       FROM sku_month_totals WHERE month BETWEEN ? AND ? GROUP BY sku ORDER BY quantity DESC, sku LIMIT ?`,
    )
    .all(from, to, limit) as Array<{ sku: string; quantity: number; lines: number; unknownLines: number }>;
  if (top.length === 0) return [];
  const amounts = new Map<string, Record<string, Minor>>(top.map((t) => [t.sku, {}]));
  for (const r of db
    .prepare(
      `SELECT sku, currency, sum(amount) AS amount, sum(lines) - sum(unknown_lines) AS known FROM sku_month_amounts
       WHERE sku IN (SELECT value FROM json_each(?)) AND month BETWEEN ? AND ? AND currency <> ''
       GROUP BY sku, currency ORDER BY sku, currency`,
    )
    .all(JSON.stringify(top.map((t) => t.sku)), from, to) as Array<{
    sku: string;
    currency: string;
    amount: Minor;
    known: number;
  }>) {
    if (r.known > 0) amounts.get(r.sku)![r.currency] = r.amount;
  }
  return top.map((t) => ({ ...t, amount: amounts.get(t.sku)! }));
}
