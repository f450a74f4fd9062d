/**
 * Forex / settlement commands: `kuajing import FILE --source amazon-settlement|<payout source>`,
 * `kuajing settlement net --period ID`, `kuajing journal trial-balance --as-of DATE`,
 * `kuajing rates import FILE`. Everything goes through the same dispatch as the hosts; money is
 * integer minor units. An Amazon settlement's orders (fees and refunds) are written by
 * `payouts.confirm` itself, in the payout's transaction, exactly as from the screens.
 */
import type {
  NettingStatement,
  PayoutImportSummary,
  PayoutListItem,
  PayoutPreview,
  RatesImportSummary,
  TrialBalance,
} from '../api/contract.ts';
import { PAYOUT_SOURCE_NAMES } from '../core/forex/settlement-views.ts';
import { parse, UsageError } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, readImportFile, reportDomainError, withWorkspace } from './cli-kit.ts';
import type { CliIo } from './cli-kit.ts';
import { message } from './messages.ts';

/** `--source` values that `kuajing import` routes to the payouts import. */
export const PAYOUT_SOURCES: readonly string[] = PAYOUT_SOURCE_NAMES;

const isoDay = (v: string | undefined, flag: string): string => {
  if (v === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${flag} YYYY-MM-DD is required`);
  return v;
};

export async function payoutImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    { source: { type: 'string' }, currency: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    true,
  );
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  const source = values.source!;
  return withWorkspace(dataDir, async (ws) => {
    const previewInput = {
      fileName: file.name,
      contentBase64: file.base64,
      source,
      ...(values.currency ? { currency: values.currency.toUpperCase() } : {}),
    };
    const preview = await callCommand<PayoutPreview>(ws, io, json, 'payouts.preview', previewInput);
    if (!preview) return 1;
    const base: Record<string, unknown> & Parameters<typeof describe>[0] = {
      source: preview.source,
      settlementId: preview.settlementId,
      currency: preview.currency,
      periodStart: preview.periodStart,
      periodEnd: preview.periodEnd,
      depositDate: preview.depositDate,
      deposit: preview.deposit,
      sumOfLines: preview.sumOfLines,
      debitBalance: preview.debitBalance,
      lines: preview.lines,
      categories: preview.categories,
      matchedOrders: preview.matchedOrders,
      heldBackOrders: preview.heldBackOrders,
      heldBackMonths: preview.heldBackMonths,
      unmatchedLines: preview.unmatchedLineCount,
      rejected: preview.rejected.map((r) => ({
        row: r.row,
        column: r.column,
        code: r.code,
        ...(r.params.value === undefined ? {} : { value: r.params.value }),
      })),
    };
    if (values['dry-run'] || preview.rejected.length > 0) {
      await callCommand(ws, io, json, 'payouts.discard', { previewId: preview.previewId });
      io.out(
        json
          ? JSON.stringify({ ...base, dryRun: true })
          : [
              `(not imported) ${describe(base)}`,
              ...heldBackLine(preview),
              ...preview.rejected.map(
                (r) =>
                  `  row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.code}${r.params.value === undefined ? '' : ` (value: ${String(r.params.value)})`}`,
              ),
            ].join('\n'),
      );
      return preview.rejected.length > 0 ? 1 : 0;
    }
    const done = await callCommand<PayoutImportSummary>(ws, io, json, 'payouts.confirm', {
      previewId: preview.previewId,
    });
    if (!done) return 1;
    const out = {
      ...base,
      payoutId: done.payoutId,
      alreadyImported: done.alreadyImported,
      journalEntryId: done.journalEntryId,
      ordersPosted: done.ordersPosted,
      orders: done.orders,
    };
    // the orders step's held-back orders (closed months), listed as an orders import lists them
    const held = done.orders?.heldBack ?? [];
    io.out(
      json
        ? JSON.stringify(out)
        : [
            `${done.alreadyImported ? '(already imported) ' : ''}${describe(base)}`,
            ...(done.alreadyImported ? [] : heldBackLine(preview)),
            ...held.map(
              (h) =>
                `  ${message(`imports.heldBack.${h.change}`, { orderNo: h.orderNo, date: h.date, month: h.month })}`,
            ),
            ...(held.length > 0 ? [`  ${message('imports.heldBack.done', { count: held.length })}`] : []),
          ].join('\n'),
    );
    return 0;
  });
}

/** Orders of a closed month the payout names: counted apart from the matched ones (not written, not posted). */
function heldBackLine(p: PayoutPreview): string[] {
  return p.heldBackOrders > 0
    ? [`  ${message('payouts.heldBack', { count: p.heldBackOrders, months: p.heldBackMonths.join(', ') })}`]
    : [];
}

function describe(b: {
  source: string;
  settlementId: string;
  currency: string;
  deposit: number;
  lines: number;
  matchedOrders: number;
  unmatchedLines: number;
  rejected: readonly unknown[];
}): string {
  return `${b.source} ${b.settlementId}: ${b.lines} lines, deposit ${b.deposit} ${b.currency} (minor units), ${b.matchedOrders} orders matched, ${b.unmatchedLines} lines unmatched, ${b.rejected.length} rejected`;
}

export async function settlementCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'net') throw new UsageError(`unknown settlement command ${sub ?? ''}`.trim());
  const { values } = parse(rest, { period: { type: 'string' } });
  const json = Boolean(values.json);
  const period = values.period;
  if (!period) throw new UsageError('--period SETTLEMENT-ID is required');
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const list = await callCommand<PayoutListItem[]>(ws, io, json, 'payouts.list', {});
    if (!list) return 1;
    const payout = list.find((p) => p.settlementId === period || String(p.id) === period);
    if (!payout) {
      reportDomainError(io, json, { code: 'settlement.payout.notFound', params: { id: period } });
      return 1;
    }
    const s = await callCommand<NettingStatement>(ws, io, json, 'settlement.netting', { payoutId: payout.id });
    if (!s) return 1;
    const out = {
      settlementId: s.settlementId,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      currency: s.currency,
      gross: s.gross,
      refunds: s.refunds.amount,
      netSales: s.netSales,
      deductions: Object.fromEntries(s.deductions.map((d) => [d.category, d.amount])),
      otherIncome: s.otherIncome.amount,
      reserve: { opening: s.reserve.opening, movement: s.reserve.movement, closing: s.reserve.closing },
      otherItems: s.otherItems.amount,
      net: s.net,
      deposit: s.deposit,
      debitBalance: s.debitBalance,
      cny: s.cny,
      unmatched: s.unmatched,
    };
    io.out(
      json
        ? JSON.stringify(out)
        : [
            `settlement ${out.settlementId} ${out.periodStart} – ${out.periodEnd} (${out.currency}, minor units)`,
            `gross ${String(out.gross).padStart(16)}`,
            `- refunds       ${String(out.refunds).padStart(14)}`,
            ...s.deductions.map(
              (d) =>
                `- ${d.category.padEnd(13)} ${String(d.amount).padStart(14)}  ${d.evidence.rowCount === 1 ? 'row' : 'rows'} ${d.evidence.rows.join(',')}`,
            ),
            `+ other income  ${String(out.otherIncome).padStart(14)}`,
            `- reserve       ${String(out.reserve.movement).padStart(14)}  (opening ${out.reserve.opening} + movement ${out.reserve.movement} = closing ${out.reserve.closing})`,
            ...(s.otherItems.items.length > 0 ? [`+ other items   ${String(out.otherItems).padStart(14)}`] : []),
            `net   ${String(out.net).padStart(16)}`,
            `unmatched: ${out.unmatched.payoutLines} payout lines, ${out.unmatched.orders} orders`,
          ].join('\n'),
    );
    return 0;
  });
}

export async function journalCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'trial-balance' && sub !== 'post') throw new UsageError(`unknown journal command ${sub ?? ''}`.trim());
  const { values } = parse(rest, { 'as-of': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
  const json = Boolean(values.json);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    if (sub === 'post') {
      const r = await callCommand<unknown>(ws, io, json, 'journal.postPeriod', {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      });
      if (!r) return 1;
      io.out(JSON.stringify(r));
      return 0;
    }
    const tb = await callCommand<TrialBalance>(ws, io, json, 'journal.trialBalance', {
      asOf: isoDay(values['as-of'], 'as-of'),
    });
    if (!tb) return 1;
    io.out(
      json
        ? JSON.stringify(tb)
        : [
            `trial balance as of ${tb.asOf} (CNY fen)`,
            ...tb.rows.map(
              (r) =>
                `${r.account.padEnd(12)} ${r.nameZh.padEnd(16)} ${String(r.debit).padStart(14)} ${String(r.credit).padStart(14)}`,
            ),
            `${'total'.padEnd(29)} ${String(tb.totalDebit).padStart(14)} ${String(tb.totalCredit).padStart(14)} ${tb.balanced ? 'balanced' : 'NOT BALANCED'}`,
          ].join('\n'),
    );
    return 0;
  });
}

export async function ratesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new UsageError(`unknown rates command ${sub ?? ''}`.trim());
  const { values, positionals } = parse(
    rest,
    { 'dry-run': { type: 'boolean' }, 'accept-valid-rows': { type: 'boolean' } },
    true,
  );
  const json = Boolean(values.json);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  const acceptValidRows = Boolean(values['accept-valid-rows']);
  return withWorkspace(dataDir, async (ws) => {
    const s = await callCommand<RatesImportSummary>(ws, io, json, 'rates.import', {
      fileName: file.name,
      contentBase64: file.base64,
      dryRun: Boolean(values['dry-run']),
      acceptValidRows,
    });
    if (!s) return 1;
    const refused = s.rejected.length > 0 && !acceptValidRows;
    io.out(
      json
        ? JSON.stringify(s)
        : [
            `${values['dry-run'] ? '(dry run) ' : ''}rates: ${s.rows} rows, saved ${s.saved}, unchanged ${s.unchanged}, rejected ${s.rejected.length}`,
            ...s.rejected.map(
              (r) =>
                `  row ${r.row}${r.column ? ` [${r.column}]` : ''}: ${r.code}${r.params.value === undefined && r.params.rate === undefined ? '' : ` (value: ${String(r.params.value ?? r.params.rate)})`}`,
            ),
            ...(refused
              ? [
                  'nothing was saved: fix the rows above, or run again with --accept-valid-rows to save the valid rows only',
                ]
              : []),
          ].join('\n'),
    );
    return refused ? 1 : 0;
  });
}
