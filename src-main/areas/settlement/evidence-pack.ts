/**
 * The bank evidence pack of one settlement period as a `ReportDocument` (printed by
 * pdf-writer.ts / xlsx-writer.ts): gross (restored) and net (actual) figures, each deduction
 * with its file rows, the matched orders with their export list (invtNo), declaration (entryId)
 * and declared value (the list's total price, in its currency) vs received, and the booking
 * rates with their sources (汇发〔2020〕11号).
 */
import { auditHead } from '../../db/audit-chain.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { StoredCompany } from '../company/index.ts';
import { nettingStatement } from './settlement-netting.ts';
import type { NettingItem } from '../../core/forex/settlement-views.ts';
import type { ReportCell, ReportDocument, ReportLanguage } from '../../reports/report-document.ts';
import { evidenceLabels } from '../../reports/report-labels.ts';

export interface EvidencePackOptions {
  readonly language: ReportLanguage;
  readonly company: StoredCompany | null;
  readonly createdAt: string;
}

/** Rows as "3–5, 9" ranges so long lists stay readable. */
export function rowRanges(rows: readonly number[]): string {
  const out: string[] = [];
  let start: number | null = null;
  let prev = 0;
  for (const r of [...rows].sort((a, b) => a - b)) {
    if (start !== null && r === prev + 1) {
      prev = r;
      continue;
    }
    if (start !== null) out.push(start === prev ? String(start) : `${start}–${prev}`);
    start = r;
    prev = r;
  }
  if (start !== null) out.push(start === prev ? String(start) : `${start}–${prev}`);
  return out.join(', ');
}

/**
 * The pack by 汇发〔2020〕11号: gross proceeds, refunds (reducing them), the overseas costs, other
 * income, the reserve movement (a timing item, with its own opening + movement = closing table),
 * net = the deposit; each figure beside its CNY at the receipt's rate; a sign is never printed
 * after "减" — a negative figure is printed as an amount after "加" instead.
 */
export function buildEvidencePack(db: Db, payoutId: number, opts: EvidencePackOptions): ReportDocument {
  const s = nettingStatement(db, payoutId);
  const L = evidenceLabels(opts.language);
  const head = auditHead(db); // the ledger state the pack was printed from (issue 16.6)
  const money = (minor: number): ReportCell => ({ kind: 'money', minor, currency: s.currency });
  const cny = (minor: number | null): ReportCell => (minor === null ? null : { kind: 'money', minor, currency: 'CNY' });
  const rows = (e: { readonly rows: readonly number[]; readonly rowCount: number }) =>
    e.rows.length < e.rowCount ? `${rowRanges(e.rows)} … (${e.rowCount})` : rowRanges(e.rows);
  /**
   * A figure that `reduces` the total when positive ("减：X amount") or adds to it ("加：X amount"); the
   * word follows the sign, so a reduction that turns out to add reads "加：X", never "减 −".
   */
  const line = (
    reduces: boolean,
    label: string,
    amount: number,
    cnyAmount: number | null,
    evidence: { readonly rows: readonly number[]; readonly rowCount: number },
  ) => ({
    item: `${(reduces ? amount < 0 : amount >= 0) ? L.plus : L.less}${label}`,
    amount: money(Math.abs(amount)),
    cny: cnyAmount === null ? null : cny(Math.abs(cnyAmount)),
    rows: rows(evidence),
  });
  const summaryRows: Array<Record<string, ReportCell>> = [
    { item: L.gross, amount: money(s.gross), cny: cny(s.cny.gross), rows: rows(s.grossEvidence) },
    line(true, L.refunds, s.refunds.amount, s.cny.refunds, s.refunds.evidence),
    { item: L.netSales, amount: money(s.netSales), cny: cny(s.cny.netSales), rows: null },
    ...s.deductions.map((d) =>
      line(true, L.categories[d.category], d.amount, s.cny.deductions[d.category], d.evidence),
    ),
    line(false, L.otherIncome, s.otherIncome.amount, s.cny.otherIncome, s.otherIncome.evidence),
    line(
      true,
      s.reserve.movement < 0 ? L.reserveDown : L.reserveUp,
      s.reserve.movement,
      s.cny.reserveMovement,
      s.reserve.evidence,
    ),
    ...(s.otherItems.items.length > 0
      ? [line(false, L.otherItems, s.otherItems.amount, s.cny.otherItems, s.otherItems.evidence)]
      : []),
    { item: L.deposit, amount: money(s.deposit), cny: null, rows: null },
  ];
  if (s.debitBalance) summaryRows.push({ item: L.debitBalance, amount: money(-s.deposit), cny: null, rows: null });
  const label = (i: NettingItem): ReportCell => ({
    kind: 'labelled',
    text: L.labels[i.label] === '' ? i.key : L.labels[i.label],
    code: i.key,
  });
  const detail = (section: string, items: readonly NettingItem[]) =>
    items.map((i) => ({ section, key: label(i), amount: money(i.amount), rows: rows(i) }));
  const company = opts.company;
  const cnyHeading =
    s.cny.rate === null ? L.cnyNone : L.cnyAt.replace('{rate}', s.cny.rate.rate).replace('{date}', s.cny.rate.date);
  return {
    language: opts.language,
    title: L.title,
    subtitle: L.subtitle,
    createdAt: opts.createdAt,
    author: company?.name ?? 'Kuajing Ledger',
    meta: [
      ...(company ? [[L.company, company.name] as const, [L.uscc, company.uscc] as const] : []),
      [L.settlementId, s.settlementId],
      [L.file, s.fileName],
      [L.period, `${s.periodStart} – ${s.periodEnd}`],
      [L.depositDate, s.depositDate],
      [L.currency, s.currency],
      [L.generatedAt, opts.createdAt.slice(0, 19).replace('T', ' ')],
      ...(head === null ? [] : [[L.auditHead, head] as const]),
    ],
    tables: [
      {
        heading: L.summary,
        note: L.summaryNote,
        sheetName: L.summary.slice(0, 31),
        columns: [
          { key: 'item', label: L.item, width: 3 },
          { key: 'amount', label: L.amount, width: 2, align: 'right' },
          { key: 'cny', label: cnyHeading, width: 2, align: 'right' },
          { key: 'rows', label: L.rows, width: 2 },
        ],
        rows: summaryRows,
        totals: { item: L.net, amount: money(s.net), cny: cny(s.cny.net), rows: null },
      },
      {
        heading: L.reserve,
        note: L.reserveNote,
        columns: [
          { key: 'item', label: L.item, width: 4 },
          { key: 'amount', label: L.amount, width: 2, align: 'right' },
          { key: 'rows', label: L.rows, width: 2 },
        ],
        rows: [
          {
            item: L.reserveOpening,
            amount: money(s.reserve.opening),
            rows: rows({
              rows: s.reserve.items.filter((i) => i.label === 'reservePrevious').flatMap((i) => i.rows),
              rowCount: 0,
            }),
          },
          { item: L.reserveMovement, amount: money(s.reserve.movement), rows: null },
        ],
        totals: {
          item: L.reserveClosing,
          amount: money(s.reserve.closing),
          rows: rows({
            rows: s.reserve.items.filter((i) => i.label !== 'reservePrevious').flatMap((i) => i.rows),
            rowCount: 0,
          }),
        },
      },
      {
        heading: L.details,
        columns: [
          { key: 'section', label: L.section, width: 2 },
          { key: 'key', label: L.key, width: 4 },
          { key: 'amount', label: L.amount, width: 2, align: 'right' },
          { key: 'rows', label: L.rows, width: 2 },
        ],
        rows: [
          ...detail(L.sections.gross, s.grossItems),
          ...detail(L.sections.refunds, s.refunds.items),
          ...s.deductions.flatMap((d) => detail(L.categories[d.category], d.items)),
          ...detail(L.sections.otherIncome, s.otherIncome.items),
          ...detail(L.sections.reserve, s.reserve.items),
          ...detail(L.sections.other, s.otherItems.items),
        ],
      },
      {
        heading: L.orders,
        note: L.ordersNote,
        columns: [
          { key: 'orderNo', label: L.orderNo, width: 3 },
          { key: 'mode', label: L.customsMode, width: 1 },
          { key: 'invt', label: L.invtNo, width: 3 },
          { key: 'decl', label: L.declarationNo, width: 3 },
          { key: 'declared', label: L.declaredValue, width: 2, align: 'right' },
          { key: 'value', label: L.orderValue, width: 2, align: 'right' },
          { key: 'received', label: L.received, width: 2, align: 'right' },
        ],
        rows: s.declarations.map((d) => ({
          orderNo: d.orderNo,
          mode: d.customsMode,
          invt: d.invtNo,
          decl: d.entryId,
          declared:
            d.declaredValue === null || d.declaredCurrency === null
              ? null
              : { kind: 'money', minor: d.declaredValue, currency: d.declaredCurrency },
          value: d.orderValue === null ? null : money(d.orderValue),
          received: money(d.received),
        })),
      },
      {
        heading: L.rates,
        columns: [
          { key: 'currency', label: L.currency, width: 1 },
          { key: 'date', label: L.rateDate, width: 2 },
          { key: 'rate', label: L.rate, width: 2, align: 'right' },
          { key: 'source', label: L.source, width: 2 },
        ],
        rows: s.rates.map((r) => ({
          currency: `${r.currency}/CNY`,
          date: { kind: 'date', iso: r.date },
          rate: { kind: 'rate', text: r.rate },
          source: L.sources[r.source],
        })),
      },
      {
        heading: `${L.unmatchedLinesTitle} (${s.unmatched.payoutLines})`,
        columns: [
          { key: 'row', label: L.row, width: 1, align: 'right' },
          { key: 'orderNo', label: L.orderNo, width: 3 },
          { key: 'key', label: L.key, width: 4 },
          { key: 'amount', label: L.amount, width: 2, align: 'right' },
        ],
        rows: s.unmatched.payoutLineList.map((l) => ({
          row: { kind: 'number', value: l.row },
          orderNo: l.orderNo,
          key: l.key,
          amount: money(l.amount),
        })),
      },
      {
        heading: `${L.unmatchedOrdersTitle} (${s.unmatched.orders})`,
        note: L.unmatchedOrdersNote.replace('{shops}', s.unmatched.shops.join('、')),
        columns: [
          { key: 'orderNo', label: L.orderNo, width: 3 },
          { key: 'orderedAt', label: L.orderedAt, width: 3 },
          { key: 'gross', label: L.orderValue, width: 2, align: 'right' },
        ],
        rows: s.unmatched.orderList.map((o) => ({
          orderNo: o.orderNo,
          orderedAt: o.orderedAt.slice(0, 19).replace('T', ' '),
          gross: o.gross === null ? null : money(o.gross),
        })),
      },
    ],
    footnotes: [L.footnote],
  };
}
