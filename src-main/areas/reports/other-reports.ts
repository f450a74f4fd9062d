/**
 * 1b the deemed income-tax sheet (核定征收), 1e stock valuation and ageing as of a date, 1f the
 * netting statement with its FX result — each as sections of a `ReportData`.
 */
import { deemedIncomeTax, parsePeriod, type TaxRules } from '../../core/tax/tax-rules.ts';
import { isCurrency, minor, sumMinor, type Currency, type Minor } from '../../core/money/index.ts';
import type { Db } from '../../db/open-ledger.ts';
import { nettingStatement } from '../settlement/index.ts';
import { AGEING_BUCKETS, ageingRows, positions } from '../stock/index.ts';
import { dateColumn, moneyColumn, numberColumn, textColumn, type DataSection } from './report-data.ts';
import type { PbocRates } from './report-rates.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

/**
 * Revenue of [from, to] month by month in CNY at the PBoC 中间价 of each month's last day
 * (企业所得税法实施条例 第一百三十条): orders counted as sales, gross less refunds.
 */
export function revenueByMonth(
  db: Db,
  rates: PbocRates,
  from: string,
  to: string,
): Array<{ month: string; currency: Currency; amount: Minor; rateDate: string; cny: Minor }> {
  const rows = db
    .prepare(
      `SELECT substr(ordered_at, 1, 7) AS month, currency, sum(gross - refunded) AS amount FROM orders
    WHERE substr(ordered_at, 1, 10) BETWEEN ? AND ? AND exclusion IS NULL AND gross IS NOT NULL
    GROUP BY month, currency ORDER BY month, currency`,
    )
    .all(from, to) as Array<{ month: string; currency: string; amount: Minor }>;
  return rows.flatMap((r) => {
    if (!isCurrency(r.currency)) return [];
    const [y, m] = r.month.split('-').map(Number) as [number, number];
    const rateDate = monthEnd(y, m);
    return [{ ...r, currency: r.currency, rateDate, cny: rates.cny(r.amount, r.currency, rateDate) }];
  });
}

/** The sheet for the quarter (or month) ending `to`: year-to-date revenue, less what the earlier quarters' sheets made payable. */
export function deemedIncomeSections(
  db: Db,
  rules: TaxRules,
  rates: PbocRates,
  to: string,
  staff: number | null,
  /** CNY fen (the command's input, checked here). */
  totalAssetsFen: number | null,
) {
  const totalAssets = totalAssetsFen === null ? null : minor(totalAssetsFen);
  const year = Number(to.slice(0, 4));
  const months = revenueByMonth(db, rates, `${year}-01-01`, to);
  const ytd = sumMinor(months.map((m) => m.cny));
  // Prepaid: each earlier quarter's own sheet (cumulative tax due − what was prepaid before it).
  let prepaid = sumMinor([]);
  const quarterEnd = Number(to.slice(5, 7));
  for (let q = 1; q * 3 < quarterEnd; q += 1) {
    const qTo = parsePeriod(`${year}-Q${q}`).to;
    const qRevenue = sumMinor(months.filter((m) => m.rateDate <= qTo).map((m) => m.cny));
    prepaid = sumMinor([
      prepaid,
      deemedIncomeTax(rules, { revenue: qRevenue, staff, totalAssets, prepaid, periodEnd: qTo }).payable,
    ]);
  }
  const sheet = deemedIncomeTax(rules, { revenue: ytd, staff, totalAssets, prepaid, periodEnd: to });
  const sections: DataSection[] = [
    {
      key: 'revenueByMonth',
      inTotals: true,
      columns: [
        textColumn('month'),
        textColumn('currency'),
        moneyColumn('amount', { from: 'currency' }),
        dateColumn('rateDate'),
        moneyColumn('cny', 'CNY'),
      ],
      rows: months,
      totals: { cny: ytd },
    },
    {
      key: 'computation',
      inTotals: true,
      columns: [textColumn('item'), textColumn('basis'), moneyColumn('amount', 'CNY')],
      rows: [
        { item: 'revenue', basis: '', amount: sheet.revenue },
        { item: 'taxableIncome', basis: `${sheet.taxableIncomeRatePercent}%`, amount: sheet.taxableIncome },
        { item: 'statutoryTax', basis: `${sheet.statutoryRatePercent}%`, amount: sheet.statutoryTax },
        {
          item: 'relief',
          basis:
            sheet.relief === null
              ? ''
              : sheet.relief.bands.map((b) => `≤${b.upTo / 100}: ${b.effectiveRatePercent}%`).join('; '),
          amount: sheet.reliefAmount,
        },
        { item: 'taxDue', basis: '', amount: sheet.taxDue },
        { item: 'prepaid', basis: '', amount: sheet.prepaid },
      ],
      totals: { item: 'payable', amount: sheet.payable },
    },
  ];
  return {
    sections,
    summary: {
      revenue: sheet.revenue,
      taxableIncome: sheet.taxableIncome,
      statutoryTax: sheet.statutoryTax,
      reliefAmount: sheet.reliefAmount,
      taxDue: sheet.taxDue,
      prepaid: sheet.prepaid,
      payable: sheet.payable,
      qualifies: sheet.relief?.qualifies ?? false,
      reliefConditions: (sheet.relief?.reasons ?? []).join(','),
      staff,
      totalAssets,
      taxableIncomeRate: sheet.taxableIncomeRatePercent,
      statutoryRate: sheet.statutoryRatePercent,
      rules: sheet.sources.join(' | '),
    },
    empty: months.length === 0,
  };
}

export function stockSections(db: Db, asOf: string) {
  const items = positions(db, asOf);
  const ageing = ageingRows(db, asOf);
  const total = sumMinor(items.map((i) => i.value));
  const sections: DataSection[] = [
    {
      key: 'valuation',
      inTotals: true,
      columns: [textColumn('sku'), textColumn('warehouse'), numberColumn('quantity'), moneyColumn('value', 'CNY')],
      rows: items.map((i) => ({ sku: i.sku, warehouse: i.warehouse, quantity: i.quantity, value: i.value })),
      totals: { quantity: items.reduce((n, i) => n + i.quantity, 0), value: total },
    },
    {
      // Ageing of today's cost layers counted to the as-of day (value per age bucket, CNY fen).
      key: 'ageing',
      inTotals: false,
      columns: [
        textColumn('sku'),
        textColumn('warehouse'),
        ...AGEING_BUCKETS.map((b) => moneyColumn(`age${b}`, 'CNY')),
      ],
      rows: ageing.map((r) => ({
        sku: r.sku,
        warehouse: r.warehouse,
        ...Object.fromEntries(AGEING_BUCKETS.map((b) => [`age${b}`, r.buckets[b].value])),
      })),
      totals: Object.fromEntries(
        AGEING_BUCKETS.map((b) => [`age${b}`, sumMinor(ageing.map((r) => r.buckets[b].value))]),
      ),
    },
  ];
  return { sections, summary: { total, positions: items.length }, empty: items.length === 0 };
}

export function nettingSections(db: Db, payoutId: number) {
  const s = nettingStatement(db, payoutId);
  const row = (item: string, amount: Minor, cny: Minor | null) => ({ item, amount, cny });
  const sections: DataSection[] = [
    {
      key: 'netting',
      inTotals: true,
      columns: [textColumn('item'), moneyColumn('amount', s.currency), moneyColumn('cny', 'CNY')],
      rows: [
        row('gross', s.gross, s.cny.gross),
        row('refunds', s.refunds.amount, s.cny.refunds),
        row('netSales', s.netSales, s.cny.netSales),
        ...s.deductions.map((d) => row(d.category, d.amount, s.cny.deductions[d.category])),
        row('otherIncome', s.otherIncome.amount, s.cny.otherIncome),
        row('reserveMovement', s.reserve.movement, s.cny.reserveMovement),
        row('otherItems', s.otherItems.amount, s.cny.otherItems),
      ],
      totals: { item: 'net', amount: s.net, cny: s.cny.net },
    },
  ];
  return {
    statement: s,
    sections,
    summary: {
      settlementId: s.settlementId,
      currency: s.currency,
      gross: s.gross,
      net: s.net,
      deposit: s.deposit,
      reserveOpening: s.reserve.opening,
      reserveClosing: s.reserve.closing,
      receiptRate: s.cny.rate?.rate ?? null,
    },
  };
}
