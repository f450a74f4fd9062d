/**
 * `kuajing customs validate FILE... [--json]`: checks any CEB XML file (including messages the
 * app did not make) against the official 2022-05 export XSD. Prints per file valid + errors
 * (line, libxml2's reason naming the element); exit 1 if any file is invalid, 2 on usage errors.
 * `kuajing customs build --data-dir D [--orders ID,ID… | --order-nos NO,NO… [--shop S] | --shipment BOOKING-NOTE [--markup P]] [--mode M] [--from D] [--to D] [--corrections] [--dry-run] [--out DIR] [--json]`:
 * pre-check, build, XSD-validate and (unless --dry-run) store + queue; writes every built
 * message to DIR as `<type>-<guid>.xml`; exit 1 when a message failed the XSD.
 * `kuajing customs status --data-dir D [--json]`: documents per status and type.
 * `kuajing customs cancel --data-dir D --invt-no N --reason TEXT [--dry-run]`: withdraws a list (CEB605).
 * `kuajing customs return --data-dir D --invt-no N --return-no R --date D --reason T --lines GNUM:QTY,…
 * --logistics-no N --bill-no B --traf-mode M --traf-name T --voyage-no V [--country CC] [--dry-run]`: a
 * return of an exported list's goods (CEB213). Both print what was queued; exit 1 on a domain error.
 * `kuajing customs withdraw-per-sale-9810 --data-dir D [--dry-run]`: takes back the unsent per-sale 9810
 * documents earlier versions built (customs.perSale9810.withdraw) and lists them.
 * `kuajing customs entry --data-dir D --shipment BOOKING-NOTE --entry-id N [--lines GNUM:GSEQNO,…]`: records
 * the 报关单 number and line numbers the broker got back for a head-haul shipment.
 * `kuajing import FILE --source waybills --data-dir D [--dry-run] [--json]`: a carrier's waybill
 * file → per-order shipping data (customs.shipping.import); exit 1 when a row is rejected or an
 * order number is unknown (nothing is saved then), except with --dry-run (the preview).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import {
  buildHeadHaul,
  declarationFormJson,
  declarationFormXlsx,
  orderIdsByNumber,
  runCustomsBuild,
  validateCebMany,
} from '../areas/customs/index.ts';
import type { CustomsStatusCounts, WaybillImportResult } from '../api/contract.ts';
import { parse, UsageError, strings, flags } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, readImportFile, withWorkspace, type CliIo } from './cli-kit.ts';

/** `kuajing import --source …` values routed here (run-cli.ts). */
export const CUSTOMS_IMPORT_SOURCES = ['waybills'] as const;

export async function waybillImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    { source: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'accept-valid-rows': { type: 'boolean' } },
    true,
  );
  const json = Boolean(values.json);
  const dryRun = Boolean(values['dry-run']);
  const acceptValidRows = Boolean(values['accept-valid-rows']);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const s = await callCommand<WaybillImportResult>(ws, io, json, 'customs.shipping.import', {
      fileName: file.name,
      contentBase64: file.base64,
      dryRun,
      acceptValidRows,
    });
    if (!s) return 1;
    // A dry run fails the way the import would: same listing, same exit code.
    const refused = (s.rejected.length > 0 || s.unknownOrders.length > 0) && !acceptValidRows;
    io.out(
      json
        ? JSON.stringify(s)
        : [
            `${dryRun ? '(dry run) ' : ''}waybills: ${s.rows} rows, matched ${s.matched}, saved ${s.saved}, unchanged ${s.unchanged}, rejected ${s.rejected.length}, unknown orders ${s.unknownOrders.length}`,
            ...s.rejected.map(
              (e) =>
                `  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code}${e.params.value === undefined ? '' : ` (value: ${String(e.params.value)})`}`,
            ),
            ...s.unknownOrders.map((o) => `  unknown order ${o}`),
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

export async function customsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validateCommand(rest, io);
  if (sub === 'build') return buildCommand(rest, io);
  if (sub === 'status') return statusCommand(rest, io);
  if (sub === 'settings') return settingsCommand(rest, io);
  if (sub === 'cancel') return cancelCommand(rest, io);
  if (sub === 'return') return returnCommand(rest, io);
  if (sub === 'withdraw-per-sale-9810') return withdrawPerSaleCommand(rest, io);
  if (sub === 'entry') return entryCommand(rest, io);
  throw new UsageError(`unknown customs command ${sub ?? ''}`.trim());
}

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {}, true);
  if (positionals.length === 0) throw new UsageError('customs validate needs at least one FILE');
  const xmls = positionals.map((file) => {
    try {
      return fs.readFileSync(path.resolve(file), 'utf8');
    } catch {
      throw new DomainError('customs.file.unreadable', { file });
    }
  });
  const results = await validateCebMany(xmls);
  const files = positionals.map((file, i) => ({ file, valid: results[i]!.valid, errors: results[i]!.errors }));
  if (values.json) io.out(JSON.stringify({ files }));
  else {
    for (const f of files) {
      io.out(`${f.file}: ${f.valid ? 'valid' : 'INVALID'}`);
      for (const e of f.errors) io.out(`  line ${e.line}: ${e.message}`);
    }
  }
  return files.every((f) => f.valid) ? 0 : 1;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

async function buildCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('orders', 'order-nos', 'shop', 'mode', 'from', 'to', 'out', 'shipment', 'markup'),
    ...flags('dry-run', 'corrections'),
  });
  if (values.shipment !== undefined) return shipmentBuild(values, io);
  if (values.orders && values['order-nos'])
    throw new UsageError('give --orders (internal ids) or --order-nos (platform order numbers), not both');
  if (values.mode && !['9610', '9710', '9810', '1210'].includes(values.mode))
    throw new UsageError(`bad --mode ${values.mode} (9610, 9710, 9810 or 1210)`);
  const orderNos = values['order-nos']?.split(/[,\s]+/).filter(Boolean);
  if (orderNos && orderNos.length === 0) throw new UsageError('--order-nos needs at least one order number');
  const byIds = values.orders
    ?.split(/[,\s]+/)
    .filter(Boolean)
    .map((s) => {
      if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`bad order id ${s} in --orders`);
      return Number(s);
    });
  for (const k of ['from', 'to'] as const)
    if (values[k] !== undefined && !DAY.test(values[k])) throw new UsageError(`bad --${k} ${values[k]} (YYYY-MM-DD)`);
  const dataDir = existingWorkspaceDir(values);
  const out = values.out ? path.resolve(values.out) : null;
  const modes = values.mode ? [values.mode] : undefined;
  const r = await withWorkspace(dataDir, (ws) => {
    const orderIds = orderNos ? orderIdsByNumber(ws.read, orderNos, values.shop ?? null) : byIds;
    return runCustomsBuild(
      ws,
      { orderIds, from: values.from, to: values.to, modes, corrections: Boolean(values.corrections) },
      Boolean(values['dry-run']),
    );
  });
  const files: string[] = [];
  const forms: Array<{ order: string; file: string }> = [];
  if (out) {
    files.push(...writeMessages(out, r.builtMessages));
    for (const f of r.declarationForms ?? []) {
      const base = path.join(out, `declaration-${f.order.replace(/[^\w.-]/g, '_')}`);
      fs.writeFileSync(`${base}.json`, declarationFormJson(f.data));
      fs.writeFileSync(`${base}.xlsx`, await declarationFormXlsx(f.data));
      forms.push({ order: f.order, file: `${base}.xlsx` });
    }
  }
  const { builtMessages: _m, declarationForms: formData, ...summary } = r;
  void _m;
  const declarationForms = out ? forms : (formData ?? []).map((f) => ({ order: f.order, file: null }));
  if (values.json) io.out(JSON.stringify({ ...summary, declarationForms, files }));
  else {
    io.out(
      `orders ${summary.orders}: built ${summary.built}, blocked ${summary.blocked}; messages ${summary.messages}, queued ${summary.queued}${summary.dryRun ? ' (nothing stored)' : ''}`,
    );
    for (const [type, n] of Object.entries(summary.documents)) io.out(`  ${type}: ${n}`);
    for (const f of summary.findings)
      io.out(`  ${f.severity} ${f.orderNo} ${f.field}: ${f.code} ${JSON.stringify(f.params)}`);
    for (const e of summary.validationErrors)
      io.out(`  INVALID ${e.messageType} ${e.messageGuid} line ${e.line}: ${e.message}`);
    if (out) io.out(`${files.length} files written to ${out}`);
  }
  return summary.validationErrors.length === 0 ? 0 : 1;
}

/** Writes each built message as `<type>-<guid>.xml` into `out` (created if needed); returns the paths. */
function writeMessages(
  out: string,
  messages: ReadonlyArray<{ readonly type: string; readonly guid: string; readonly xml: string }>,
): string[] {
  fs.mkdirSync(out, { recursive: true });
  return messages.map((m) => {
    const file = path.join(out, `${m.type}-${m.guid}.xml`);
    fs.writeFileSync(file, m.xml);
    return file;
  });
}

/** `customs build --shipment BOOKING-NOTE [--markup PERCENT]`: a 9810 head-haul shipment (CEB303 W + list, or the 报关单 data). */
async function shipmentBuild(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const markup = values.markup === undefined ? 0 : Number(values.markup);
  if (!Number.isInteger(markup) || markup < 0 || markup > 1000)
    throw new UsageError(`bad --markup ${String(values.markup)} (whole percent, 0-1000)`);
  const dataDir = existingWorkspaceDir(values);
  const out = typeof values.out === 'string' ? path.resolve(values.out) : null;
  const r = await withWorkspace(dataDir, (ws) =>
    buildHeadHaul(ws, {
      bookingNoteNo: String(values.shipment),
      markupPercent: markup,
      dryRun: Boolean(values['dry-run']),
    }),
  );
  const files: string[] = [];
  const forms: Array<{ shipment: string; file: string }> = [];
  if (out) {
    files.push(...writeMessages(out, r.builtMessages));
    for (const f of r.declarationForms) {
      const base = path.join(out, `declaration-${f.shipment}`);
      fs.writeFileSync(`${base}.json`, declarationFormJson(f.data));
      fs.writeFileSync(`${base}.xlsx`, await declarationFormXlsx(f.data));
      forms.push({ shipment: f.shipment, file: `${base}.xlsx` });
    }
  }
  const { builtMessages: _m, declarationForms, ...summary } = r;
  void _m;
  if (values.json)
    io.out(
      JSON.stringify({
        ...summary,
        declarationForms: out ? forms : declarationForms.map((f) => ({ shipment: f.shipment, file: null })),
        files,
      }),
    );
  else {
    io.out(
      `shipment ${summary.shipment}: CNY ${(summary.totalCny / 100).toFixed(2)}, ${summary.route === 'list' ? 'CEB303 W + CEB603 9810' : `CEB303 W + 报关单 data (${summary.reasons.join(', ')})`}${summary.alreadyDeclared ? ' — already declared' : ''}; queued ${summary.queued}${summary.dryRun ? ' (nothing stored)' : ''}`,
    );
    for (const e of summary.validationErrors)
      io.out(`  INVALID ${e.messageType} ${e.messageGuid} line ${e.line}: ${e.message}`);
    if (out) io.out(`${files.length + forms.length * 2} files written to ${out}`);
  }
  return summary.validationErrors.length === 0 ? 0 : 1;
}

const BOOLEAN_SETTINGS = new Set(['declaresWaybills', 'sendsPaymentReceipts']);
const REQUIRED_SETTINGS = [
  'ebpCode',
  'ebpName',
  'customsCode',
  'portCode',
  'pod',
  'trafMode',
  'wrapType',
  'statisticsFlag',
  'logisticsCode',
  'logisticsName',
  'appStatus',
];

/**
 * `kuajing customs settings --data-dir D [--set KEY=VALUE]… [--json]` (issue 15, point 8): prints the
 * customs settings; each --set changes one (an empty value clears an optional one; declaresWaybills
 * and sendsPaymentReceipts take true/false), all saved at once through customs.settings.save.
 */
async function settingsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { set: { type: 'string', multiple: true } });
  const json = Boolean(values.json);
  const sets = (values.set ?? []).map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new UsageError(`bad --set ${kv} (KEY=VALUE)`);
    return [kv.slice(0, i), kv.slice(i + 1)] as const;
  });
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const current = await callCommand<Record<string, unknown> | null>(ws, io, json, 'customs.settings.get', {});
    if (current === null && sets.length === 0) {
      io.out(json ? 'null' : 'no customs settings yet');
      return 0;
    }
    if (sets.length === 0) {
      io.out(
        json
          ? JSON.stringify(current)
          : Object.entries(current ?? {})
              .map(([k, v]) => `${k.padEnd(22)} ${v === null ? '' : String(v)}`)
              .join('\n'),
      );
      return 0;
    }
    const next: Record<string, unknown> = { ...(current ?? {}) };
    for (const [k, v] of sets) {
      if (BOOLEAN_SETTINGS.has(k)) {
        if (v !== 'true' && v !== 'false') throw new UsageError(`--set ${k} takes true or false`);
        next[k] = v === 'true';
      } else next[k] = v === '' && !REQUIRED_SETTINGS.includes(k) ? null : v;
    }
    for (const k of BOOLEAN_SETTINGS) next[k] ??= false;
    const saved = await callCommand<Record<string, unknown>>(ws, io, json, 'customs.settings.save', next);
    if (!saved) return 1;
    io.out(json ? JSON.stringify(saved) : `customs settings saved (${sets.map(([k]) => k).join(', ')})`);
    return 0;
  });
}

async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {});
  const json = Boolean(values.json);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const counts = await callCommand<CustomsStatusCounts>(ws, io, json, 'customs.status', {});
    if (!counts) return 1;
    if (json) io.out(JSON.stringify(counts));
    else {
      io.out('documents by type:');
      for (const [k, n] of Object.entries(counts.byType)) io.out(`  ${k.padEnd(8)} ${n}`);
      io.out('documents by status:');
      for (const [k, n] of Object.entries(counts.byStatus)) io.out(`  ${k.padEnd(8)} ${n}`);
    }
    return 0;
  });
}

/**
 * `kuajing orders set-mode --data-dir D --mode 9610|9710|1210 --order-nos NO,NO… [--shop S] [--json]`
 * (issue 15, point 8): sets the customs mode of orders named by platform order number. 9810 is not
 * a mode of a sale: it is declared per head-haul shipment (`customs build --shipment`).
 */
export async function setModeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('mode', 'order-nos', 'shop'),
  });
  const json = Boolean(values.json);
  if (values.mode === '9810')
    throw new UsageError('9810 is declared per head-haul shipment: use `customs build --shipment BOOKING-NOTE`');
  if (!values.mode || !['9610', '9710', '1210'].includes(values.mode))
    throw new UsageError('--mode must be 9610, 9710 or 1210');
  const orderNos = values['order-nos']?.split(/[,\s]+/).filter(Boolean) ?? [];
  if (orderNos.length === 0) throw new UsageError('--order-nos needs at least one order number');
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const ids = orderIdsByNumber(ws.read, orderNos, values.shop ?? null);
    const r = await callCommand<{ changed: number }>(ws, io, json, 'orders.setCustomsMode', { ids, mode: values.mode });
    if (!r) return 1;
    io.out(
      json
        ? JSON.stringify({ orders: ids.length, changed: r.changed, mode: values.mode })
        : `${ids.length} orders, ${r.changed} changed to ${String(values.mode)}`,
    );
    return 0;
  });
}

interface WithdrawalSummary {
  readonly type: string;
  readonly key: string;
  readonly invtNo: string;
  readonly alreadyDeclared: boolean;
  readonly queued: number;
  readonly dryRun: boolean;
  readonly validationErrors: ReadonlyArray<{ line: number; message: string }>;
}

function printWithdrawal(io: CliIo, json: boolean, r: WithdrawalSummary): number {
  if (json) io.out(JSON.stringify(r));
  else {
    io.out(
      `${r.type} ${r.key} (list ${r.invtNo}): ${r.alreadyDeclared ? 'already declared, nothing built' : `queued ${r.queued}`}${r.dryRun && !r.alreadyDeclared ? ' (nothing stored)' : ''}`,
    );
    for (const e of r.validationErrors) io.out(`  INVALID line ${e.line}: ${e.message}`);
  }
  return r.validationErrors.length === 0 ? 0 : 1;
}

/** `customs cancel --invt-no N --reason TEXT`: a list customs numbered is withdrawn with a CEB605 (issue 15). */
async function cancelCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('invt-no', 'reason'),
    ...flags('dry-run'),
  });
  if (!values['invt-no'] || !values.reason) throw new UsageError('customs cancel needs --invt-no and --reason');
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const r = await callCommand<WithdrawalSummary>(ws, io, json, 'customs.lists.cancel', {
      invtNo: values['invt-no'],
      reason: values.reason,
      dryRun: Boolean(values['dry-run']),
    });
    return r ? printWithdrawal(io, json, r) : 1;
  });
}

/** `customs return …`: goods of an exported list come back (退运, CEB213 9661/1261 against its invtNo). */
async function returnCommand(args: readonly string[], io: CliIo): Promise<number> {
  const required = [
    'invt-no',
    'return-no',
    'date',
    'reason',
    'lines',
    'logistics-no',
    'bill-no',
    'traf-mode',
    'traf-name',
    'voyage-no',
  ] as const;
  const { values } = parse(args, { ...strings(...required, 'country'), ...flags('dry-run') });
  const missing = required.filter((k) => !values[k]);
  if (missing.length > 0) throw new UsageError(`customs return needs ${missing.map((k) => `--${k}`).join(', ')}`);
  if (!DAY.test(values.date!)) throw new UsageError(`bad --date ${values.date} (YYYY-MM-DD)`);
  const lines = values
    .lines!.split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+):(\d+)$/.exec(part);
      if (!m) throw new UsageError(`bad --lines ${part} (GNUM:QTY, e.g. 1:2)`);
      return { gnum: Number(m[1]), qty: Number(m[2]) };
    });
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const r = await callCommand<WithdrawalSummary>(ws, io, json, 'customs.returns.apply', {
      invtNo: values['invt-no'],
      coElNo: values['return-no'],
      returnDate: values.date,
      reason: values.reason,
      lines,
      logisticsNo: values['logistics-no'],
      billNo: values['bill-no'],
      trafMode: values['traf-mode'],
      trafName: values['traf-name'],
      voyageNo: values['voyage-no'],
      ...(values.country ? { country: values.country.toUpperCase() } : {}),
      dryRun: Boolean(values['dry-run']),
    });
    return r ? printWithdrawal(io, json, r) : 1;
  });
}

interface PerSaleReport {
  readonly withdrawn: ReadonlyArray<{ type: string; businessKey: string; orderNo: string | null }>;
  readonly alsoWithdrawn: ReadonlyArray<{ type: string; businessKey: string; orderNo: string | null }>;
  readonly inFlight: ReadonlyArray<{ type: string; businessKey: string; orderNo: string | null }>;
  readonly messages: number;
  readonly sixItems: number;
  readonly kept: number;
  readonly dryRun: boolean;
}

/** `customs withdraw-per-sale-9810 [--dry-run]`: unsent per-sale 9810 documents are taken back, never sent (issue 15). */
async function withdrawPerSaleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { 'dry-run': { type: 'boolean' } });
  const json = Boolean(values.json);
  const dryRun = Boolean(values['dry-run']);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const r = await callCommand<PerSaleReport>(ws, io, json, 'customs.perSale9810.withdraw', { dryRun });
    if (!r) return 1;
    if (json) io.out(JSON.stringify(r));
    else {
      io.out(
        `${dryRun ? '(dry run) ' : ''}per-sale 9810: withdrawn ${r.withdrawn.length} documents in ${r.messages} messages, six-item records ${r.sixItems}; kept (already sent) ${r.kept}; being sent now ${r.inFlight.length}`,
      );
      for (const x of r.withdrawn) io.out(`  withdrawn ${x.type} ${x.businessKey} (order ${x.orderNo ?? ''})`);
      for (const x of r.alsoWithdrawn)
        io.out(`  also withdrawn, rebuilt by the next build: ${x.type} ${x.businessKey} (order ${x.orderNo ?? ''})`);
      for (const x of r.inFlight) io.out(`  being sent, run again after the pass: ${x.type} ${x.businessKey}`);
    }
    return 0;
  });
}

/** `customs entry --shipment BN --entry-id N [--lines 1:1,2:2]`: the broker's 报关单 number for a head-haul shipment (issue 15). */
async function entryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('shipment', 'entry-id', 'lines'),
  });
  if (!values.shipment || !values['entry-id']) throw new UsageError('customs entry needs --shipment and --entry-id');
  const lines = values.lines
    ?.split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+):(\d+)$/.exec(part);
      if (!m) throw new UsageError(`bad --lines ${part} (SHIPMENT-LINE:DECLARATION-LINE, e.g. 1:1)`);
      return { gnum: Number(m[1]), gseqno: Number(m[2]) };
    });
  const json = Boolean(values.json);
  return withWorkspace(existingWorkspaceDir(values), async (ws) => {
    const r = await callCommand<{ shipment: string; entryId: string; lines: unknown[]; unchanged: boolean }>(
      ws,
      io,
      json,
      'customs.headHaul.recordEntry',
      { bookingNoteNo: values.shipment, entryId: values['entry-id'], ...(lines ? { lines } : {}) },
    );
    if (!r) return 1;
    io.out(
      json
        ? JSON.stringify(r)
        : `shipment ${r.shipment}: declaration ${r.entryId}, ${r.lines.length} lines${r.unchanged ? ' (unchanged)' : ''}`,
    );
    return 0;
  });
}
