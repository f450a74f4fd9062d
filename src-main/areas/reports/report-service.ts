/**
 * The reports use case: build one report as data for a period (read-only: everything goes through
 * `ws.read`), and print it as JSON, PDF or XLSX. The dated tax rules come from
 * resources/tax-rules/tax-rules.json (never literals in a sheet).
 */
import taxRulesJson from '../../../resources/tax-rules/tax-rules.json' with { type: 'json' };
import { DomainError } from '../../core/domain-error.ts';
import { parsePeriod, type TaxRules } from '../../core/tax/tax-rules.ts';
import { auditHead } from '../../db/audit-chain.ts';
import { getSetting } from '../../db/settings-store.ts';
import { renderPdf } from '../../reports/pdf-writer.ts';
import type { ReportDocument, ReportLanguage } from '../../reports/report-document.ts';
import { renderXlsx } from '../../reports/xlsx-writer.ts';
import { latestCompany } from '../company/index.ts';
import { buildEvidencePack } from '../settlement/index.ts';
import type { Workspace } from '../workspace.ts';
import { deemedIncomeSections, nettingSections, stockSections } from './other-reports.ts';
import type { DataSection, ReportData, ReportName, ReportOptions } from './report-data.ts';
import { PbocRates } from './report-rates.ts';
import { exportSummarySections, taxRegisterSections } from './tax-register.ts';
import { toDocument } from './to-document.ts';
import { soldUnsoldSections } from './sold-unsold-9810.ts';

export const TAX_RULES = taxRulesJson as unknown as TaxRules;

function payoutIdOf(ws: Workspace, period: string): number {
  const id = ws.read
    .prepare('SELECT id FROM payouts WHERE settlement_id = ? OR CAST(id AS TEXT) = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(period, period) as number | undefined;
  if (id === undefined) throw new DomainError('settlement.payout.notFound', { id: period });
  return id;
}

export function buildReport(
  ws: Workspace,
  name: ReportName,
  periodText: string,
  opts: ReportOptions = {},
  rules: TaxRules = TAX_RULES,
): ReportData {
  const db = ws.read;
  const company = latestCompany(db);
  const base = {
    name,
    company: company ? { name: company.name, uscc: company.uscc } : null,
    generatedAt: ws.clock().toISOString(),
    preparedBy: opts.preparedBy ?? null,
  };
  if (name === 'netting') {
    const n = nettingSections(db, payoutIdOf(ws, periodText));
    const s = n.statement;
    return {
      ...base,
      period: { label: s.settlementId, from: s.periodStart, to: s.periodEnd },
      rates: [...s.rates],
      sections: n.sections,
      summary: n.summary,
      empty: false,
      notes: [],
    };
  }
  const period = parsePeriod(periodText);
  const rates = new PbocRates(db);
  let sections: DataSection[];
  let summary: ReportData['summary'];
  let empty: boolean;
  const notes: string[] = [];
  switch (name) {
    case 'tax-register': {
      const r = taxRegisterSections(db, rules, rates, period.from, period.to);
      sections = r.sections;
      summary = r.summary;
      empty = r.summary.lines === 0 && r.summary.adjustmentLines === undefined;
      notes.push(`rateDay|day=${getSetting<string>(db, 'tax.rateDay', 'saleDay')}`, 'reconciliation', 'sixItems');
      if (r.summary.adjustments !== undefined) notes.push('adjustments');
      break;
    }
    case 'export-summary': {
      const r = exportSummarySections(db, rules, rates, period.from, period.to);
      sections = r.sections;
      summary = r.summary;
      empty = r.summary.lines === 0;
      break;
    }
    case 'deemed-income-tax': {
      const r = deemedIncomeSections(db, rules, rates, period.to, opts.staff ?? null, opts.totalAssets ?? null);
      sections = r.sections;
      summary = r.summary;
      empty = r.empty;
      const relief = rules.smallMicroRelief.find((x) => x.from <= period.to && (x.to === null || period.to <= x.to));
      if (relief)
        notes.push(`relief|staff=${relief.maxStaff}|assets=${relief.maxTotalAssets}|income=${relief.maxTaxableIncome}`);
      notes.push('rules');
      break;
    }
    case '9810-sold-unsold': {
      const r = soldUnsoldSections(ws, period.from, period.to);
      sections = r.sections;
      summary = r.summary;
      empty = r.empty;
      notes.push('hwcYt');
      break;
    }
    case 'stock-valuation': {
      const r = stockSections(db, period.to);
      sections = r.sections;
      summary = r.summary;
      empty = r.empty;
      break;
    }
  }
  return {
    ...base,
    period: { label: periodText, from: period.from, to: period.to },
    rates: rates.list(),
    sections,
    summary,
    empty,
    notes,
  };
}

export interface ReportFile {
  readonly fileName: string;
  readonly contentBase64: string;
  readonly data: ReportData;
}

/** The printable document (title, meta, tables, footnotes) in `language`: what the PDF and XLSX print, for the screen's print preview. */
export function reportDocument(
  ws: Workspace,
  name: ReportName,
  period: string,
  language: ReportLanguage,
  opts: ReportOptions = {},
): ReportDocument {
  const data = buildReport(ws, name, period, opts);
  return name === 'netting'
    ? buildEvidencePack(ws.read, payoutIdOf(ws, period), {
        language,
        company: latestCompany(ws.read),
        createdAt: data.generatedAt,
      })
    : toDocument(data, language, auditHead(ws.read));
}

export async function reportFile(
  ws: Workspace,
  name: ReportName,
  period: string,
  format: 'json' | 'pdf' | 'xlsx',
  language: ReportLanguage,
  opts: ReportOptions = {},
): Promise<ReportFile> {
  const data = buildReport(ws, name, period, opts);
  const base = `${name}-${period.replace(/[^\w.-]+/g, '_')}`;
  if (format === 'json')
    return {
      fileName: `${base}.json`,
      contentBase64: Buffer.from(JSON.stringify(data, null, 2)).toString('base64'),
      data,
    };
  // The bank's netting printout is the full evidence pack (labels, evidence rows, reserve table, unmatched lists);
  // the others print the data just built (not built a second time).
  const doc =
    name === 'netting'
      ? reportDocument(ws, name, period, language, opts)
      : toDocument(data, language, auditHead(ws.read));
  const bytes = format === 'pdf' ? await renderPdf(doc) : await renderXlsx(doc);
  return { fileName: `${base}.${format}`, contentBase64: Buffer.from(bytes).toString('base64'), data };
}
