/**
 * `ReportData` → `ReportDocument` (the writers' input): labels in the reader's language, the
 * conventions of Chinese forms (title, company, USCC, period, 金额单位 元, rates used, prepared by
 * and date, 合计 rows, 过次页/承前页 totals carried across PDF pages, XLSX totals as formulas).
 */
import { formatDecimal, minor } from '../../core/money/index.ts';
import type { Currency } from '../../core/money/index.ts';
import type { ReportCell, ReportDocument, ReportLanguage } from '../../reports/report-document.ts';
import type { DataColumn, DataSection, ReportData } from './report-data.ts';
import { fill, reportText } from './report-text.ts';

const yuan = (fen: number) => formatDecimal({ amount: minor(fen), currency: 'CNY' });

function cell(col: DataColumn, row: Readonly<Record<string, string | number | null>>): ReportCell {
  const v = row[col.key];
  if (v === null || v === undefined) return null;
  switch (col.kind) {
    case 'money': {
      const currency = (col.currencyFrom ? row[col.currencyFrom] : col.currency) as Currency | null | undefined;
      return typeof v === 'number' && currency ? { kind: 'money', minor: v, currency } : String(v);
    }
    case 'number':
      return typeof v === 'number' ? { kind: 'number', value: v } : String(v);
    case 'date':
      return { kind: 'date', iso: String(v) };
    case 'rate':
      return { kind: 'rate', text: String(v) };
    default:
      return String(v);
  }
}

/**
 * `auditHead`: the ledger's audit chain head when the report was made (issue 16.6), printed with
 * the meta lines so a printout can be matched to the ledger state it came from.
 */
export function toDocument(
  data: ReportData,
  language: ReportLanguage,
  auditHead: string | null = null,
): ReportDocument {
  const T = reportText(language);
  const label = (key: string) => T.columns[key] ?? key;
  const itemLabel = (v: string | number | null) => (typeof v === 'string' ? (T.items[v] ?? v) : v);
  const table = (s: DataSection) => {
    const translate = (row: Readonly<Record<string, string | number | null>>) =>
      s.key === 'computation' || s.key === 'netting'
        ? { ...row, item: itemLabel(row.item ?? null) }
        : s.key === 'sixItems' && typeof row.cause === 'string'
          ? { ...row, cause: T.causes[row.cause] ?? row.cause }
          : s.key === 'adjustments' && typeof row.adjustment === 'string'
            ? { ...row, adjustment: T.causes[row.adjustment] ?? row.adjustment }
            : row;
    const totals =
      s.totals === undefined
        ? undefined
        : (Object.fromEntries(
            s.columns.map((c, i) => {
              const v = s.totals![c.key];
              if (i === 0 && (v === undefined || (c.kind === 'text' && typeof v === 'string')))
                return [c.key, typeof v === 'string' ? String(itemLabel(v)) : T.total];
              return [
                c.key,
                v === undefined
                  ? null
                  : cell(c, translate({ ...s.totals!, [c.key]: v } as Record<string, string | number | null>)),
              ];
            }),
          ) as Record<string, ReportCell>);
    return {
      heading: T.sections[s.key] ?? s.key,
      sheetName: (T.sections[s.key] ?? s.key).slice(0, 31),
      columns: s.columns.map((c) => ({
        key: c.key,
        label: label(c.key),
        ...(c.width !== undefined ? { width: c.width } : {}),
        ...(c.kind === 'money' || c.kind === 'number' || c.kind === 'rate' ? { align: 'right' as const } : {}),
      })),
      rows: s.rows.map((r) => Object.fromEntries(s.columns.map((c) => [c.key, cell(c, translate(r))]))),
      ...(totals ? { totals } : {}),
      carryTotals: s.inTotals && s.key !== 'computation' && s.key !== 'netting',
      totalsAsFormulas: s.inTotals && s.key !== 'computation' && s.key !== 'netting',
    };
  };
  const notes = data.notes.map((code) => {
    const [key, ...args] = code.split('|');
    const values = Object.fromEntries(args.map((a) => a.split('=') as [string, string]));
    if (key === 'reconciliation') {
      return fill(T.notes.reconciliation, {
        total: yuan(Number(data.summary.registerLinesTotal ?? data.summary.total)),
        journal: yuan(Number(data.summary.journalRevenue)),
        difference: yuan(Number(data.summary.difference)),
      });
    }
    if (key === 'sixItems') {
      const s = data.summary;
      return fill(T.notes.sixItems, {
        six: yuan(Number(s.sixItemsTotal)),
        orders: String(s.sixItemsOrders),
        notSent: String(s.sixItemsNotSent),
        total: yuan(Number(s.registerLinesTotal ?? s.total)),
        difference: yuan(Number(s.sixItemsDifference)),
        verdict:
          Number(s.sixItemsDifference) === 0 && data.sections.every((x) => x.key !== 'sixItems' || x.rows.length === 0)
            ? T.notes.sixItemsAgree
            : T.notes.sixItemsDiffer,
      });
    }
    if (key === 'hwcYt') return T.notes.hwcYt;
    if (key === 'adjustments')
      return fill(T.notes.adjustments, {
        total: yuan(Number(data.summary.total)),
        adjustments: yuan(Number(data.summary.adjustments)),
        lines: String(data.summary.adjustmentLines),
      });
    if (key === 'rateDay')
      return fill(T.notes.rateDay, { day: values.day === 'monthFirst' ? T.notes.monthFirst : T.notes.saleDay });
    if (key === 'relief') {
      const s = data.summary;
      const verdict =
        s.qualifies === true
          ? T.notes.qualifies
          : fill(T.notes.notQualifies, { reasons: String(s.reliefConditions ?? '') });
      return fill(T.notes.relief, {
        staff: values.staff ?? '',
        assets: yuan(Number(values.assets ?? 0)),
        income: yuan(Number(values.income ?? 0)),
        ourStaff: s.staff === null || s.staff === undefined ? T.notes.unknown : String(s.staff),
        ourAssets:
          s.totalAssets === null || s.totalAssets === undefined ? T.notes.unknown : yuan(Number(s.totalAssets)),
        verdict,
      });
    }
    if (key === 'rules') return fill(T.notes.rules, { rules: String(data.summary.rules ?? '') });
    return code;
  });
  const rates = data.rates.map((r) => `${r.currency} ${r.date} ${r.rate}`).join('; ');
  return {
    language,
    title: T.titles[data.name],
    subtitle: T.subtitles[data.name],
    createdAt: data.generatedAt,
    author: data.company?.name ?? 'Kuajing Ledger',
    meta: [
      [T.meta.company, data.company?.name ?? ''],
      [T.meta.uscc, data.company?.uscc ?? ''],
      [
        T.meta.period,
        data.period.from === data.period.to
          ? data.period.label
          : `${data.period.label}（${data.period.from} – ${data.period.to}）`,
      ],
      [T.meta.currencyUnit, T.meta.yuan],
      ...(data.rates.length > 0 ? [[T.meta.rates, rates] as const] : []),
      [T.meta.preparedBy, data.preparedBy ?? ''],
      [T.meta.preparedAt, data.generatedAt.slice(0, 10)],
      ...(auditHead === null ? [] : [[T.meta.auditHead, auditHead] as const]),
    ],
    tables: data.sections.map(table),
    footnotes: [...(data.empty ? [T.empty] : []), ...notes],
  };
}
