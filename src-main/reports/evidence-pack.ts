/**
 * The bank evidence pack of one settlement period as a `ReportDocument` (printed by
 * pdf-writer.ts / xlsx-writer.ts): gross (restored) and net (actual) figures, each deduction
 * with its file rows, the matched orders with their export list (invtNo), declaration (entryId)
 * and declared value (the list's total price, in its currency) vs received, and the booking
 * rates with their sources (汇发〔2020〕11号).
 */
import type { Db } from '../db/open-ledger.ts';
import type { StoredCompany } from '../db/company-store.ts';
import { nettingStatement } from '../db/settlement-netting.ts';
import type { ReportCell, ReportDocument, ReportLanguage } from './report-document.ts';
import { evidenceLabels } from './report-labels.ts';

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
    if (start !== null && r === prev + 1) { prev = r; continue; }
    if (start !== null) out.push(start === prev ? String(start) : `${start}–${prev}`);
    start = r;
    prev = r;
  }
  if (start !== null) out.push(start === prev ? String(start) : `${start}–${prev}`);
  return out.join(', ');
}

export function buildEvidencePack(db: Db, payoutId: number, opts: EvidencePackOptions): ReportDocument {
  const s = nettingStatement(db, payoutId);
  const L = evidenceLabels(opts.language);
  const money = (minor: number): ReportCell => ({ kind: 'money', minor, currency: s.currency });
  const rows = (e: { readonly rows: readonly number[]; readonly rowCount: number }) =>
    e.rows.length < e.rowCount ? `${rowRanges(e.rows)} … (${e.rowCount})` : rowRanges(e.rows);
  const summaryRows: Array<Record<string, ReportCell>> = [
    { item: L.gross, amount: money(s.gross), rows: rows(s.grossEvidence) },
    ...s.deductions.map((d) => ({ item: `− ${L.categories[d.category]}`, amount: money(d.amount), rows: rows(d.evidence) })),
    { item: L.deposit, amount: money(s.deposit), rows: null },
  ];
  if (s.debitBalance) summaryRows.push({ item: L.debitBalance, amount: money(-s.deposit), rows: null });
  const company = opts.company;
  return {
    language: opts.language, title: L.title, subtitle: L.subtitle, createdAt: opts.createdAt, author: company?.name ?? 'Kuajing Ledger',
    meta: [
      ...(company ? [[L.company, company.name] as const, [L.uscc, company.uscc] as const] : []),
      [L.settlementId, s.settlementId], [L.file, s.fileName], [L.period, `${s.periodStart} – ${s.periodEnd}`], [L.depositDate, s.depositDate],
      [L.currency, s.currency], [L.generatedAt, opts.createdAt.slice(0, 19).replace('T', ' ')],
    ],
    tables: [
      {
        heading: L.summary, note: L.summaryNote, sheetName: L.summary.slice(0, 31),
        columns: [{ key: 'item', label: L.item, width: 3 }, { key: 'amount', label: L.amount, width: 2, align: 'right' }, { key: 'rows', label: L.rows, width: 2 }],
        rows: summaryRows, totals: { item: L.net, amount: money(s.net), rows: null },
      },
      {
        heading: L.details,
        columns: [{ key: 'category', label: L.category, width: 2 }, { key: 'key', label: L.key, width: 4 }, { key: 'amount', label: L.amount, width: 2, align: 'right' }, { key: 'rows', label: L.rows, width: 2 }],
        rows: s.deductions.flatMap((d) => d.items.map((i) => ({ category: L.categories[d.category], key: i.key, amount: money(i.amount), rows: rows(i) }))),
      },
      {
        heading: L.orders, note: L.ordersNote,
        columns: [
          { key: 'orderNo', label: L.orderNo, width: 3 }, { key: 'mode', label: L.customsMode, width: 1 }, { key: 'invt', label: L.invtNo, width: 3 }, { key: 'decl', label: L.declarationNo, width: 3 },
          { key: 'declared', label: L.declaredValue, width: 2, align: 'right' }, { key: 'value', label: L.orderValue, width: 2, align: 'right' }, { key: 'received', label: L.received, width: 2, align: 'right' },
        ],
        rows: s.declarations.map((d) => ({
          orderNo: d.orderNo, mode: d.customsMode, invt: d.invtNo, decl: d.entryId,
          declared: d.declaredValue === null || d.declaredCurrency === null ? null : { kind: 'money', minor: d.declaredValue, currency: d.declaredCurrency },
          value: d.orderValue === null ? null : money(d.orderValue), received: money(d.received),
        })),
      },
      {
        heading: L.rates,
        columns: [{ key: 'currency', label: L.currency, width: 1 }, { key: 'date', label: L.rateDate, width: 2 }, { key: 'rate', label: L.rate, width: 2, align: 'right' }, { key: 'source', label: L.source, width: 2 }],
        rows: s.rates.map((r) => ({ currency: `${r.currency}/CNY`, date: { kind: 'date', iso: r.date }, rate: { kind: 'rate', text: r.rate }, source: L.sources[r.source] })),
      },
      {
        heading: L.unmatched,
        columns: [{ key: 'item', label: L.item, width: 4 }, { key: 'count', label: '#', width: 1, align: 'right' }],
        rows: [{ item: L.unmatchedLines, count: { kind: 'number', value: s.unmatched.payoutLines } }, { item: L.unmatchedOrders, count: { kind: 'number', value: s.unmatched.orders } }],
      },
    ],
    footnotes: [L.footnote],
  };
}
