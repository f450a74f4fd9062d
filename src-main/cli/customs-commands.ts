/**
 * `kuajing customs validate FILE... [--json]`: checks any CEB XML file (including messages the
 * app did not make) against the official 2022-05 export XSD. Prints per file valid + errors
 * (line, libxml2's reason naming the element); exit 1 if any file is invalid, 2 on usage errors.
 * `kuajing customs build --data-dir D [--orders ID,ID…] [--from D] [--to D] [--dry-run] [--out DIR] [--json]`:
 * pre-check, build, XSD-validate and (unless --dry-run) store + queue; writes every built
 * message to DIR as `<type>-<guid>.xml`; exit 1 when a message failed the XSD.
 * `kuajing customs status --data-dir D [--json]`: documents per status and type.
 * `kuajing import FILE --source waybills --data-dir D [--dry-run] [--json]`: a carrier's waybill
 * file → per-order shipping data (customs.shipping.import); exit 1 when a row is rejected or an
 * order number is unknown (nothing is saved then), except with --dry-run (the preview).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { runCustomsBuild, validateCebMany } from '../api/customs.ts';
import type { CustomsStatusCounts, WaybillImportResult } from '../api/contract.ts';
import { callCommand, existingWorkspaceDir, parse, readImportFile, UsageError, withWorkspace, type CliIo } from './cli-kit.ts';

/** `kuajing import --source …` values routed here (run-cli.ts). */
export const CUSTOMS_IMPORT_SOURCES = ['waybills'] as const;

export async function waybillImportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { source: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  const json = Boolean(values.json);
  const dryRun = Boolean(values['dry-run']);
  const file = readImportFile(positionals);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const s = await callCommand<WaybillImportResult>(ws, io, json, 'customs.shipping.import', { fileName: file.name, contentBase64: file.base64, dryRun });
    if (!s) return 1;
    io.out(json ? JSON.stringify(s) : [
      `${dryRun ? '(dry run) ' : ''}waybills: ${s.rows} rows, matched ${s.matched}, saved ${s.saved}, rejected ${s.rejected.length}, unknown orders ${s.unknownOrders.length}`,
      ...s.rejected.slice(0, 50).map((e) => `  row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code}`),
      ...s.unknownOrders.slice(0, 50).map((o) => `  unknown order ${o}`),
    ].join('\n'));
    return dryRun || (s.rejected.length === 0 && s.unknownOrders.length === 0) ? 0 : 1;
  });
}

export async function customsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validateCommand(rest, io);
  if (sub === 'build') return buildCommand(rest, io);
  if (sub === 'status') return statusCommand(rest, io);
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
  const { values } = parse(args, { orders: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const orderIds = values.orders?.split(/[,\s]+/).filter(Boolean).map((s) => {
    if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`bad order id ${s} in --orders`);
    return Number(s);
  });
  for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !DAY.test(values[k])) throw new UsageError(`bad --${k} ${values[k]} (YYYY-MM-DD)`);
  const dataDir = existingWorkspaceDir(values);
  const out = values.out ? path.resolve(values.out) : null;
  const r = await withWorkspace(dataDir, (ws) => runCustomsBuild(ws, { orderIds, from: values.from, to: values.to }, Boolean(values['dry-run'])));
  const files: string[] = [];
  if (out) {
    fs.mkdirSync(out, { recursive: true });
    for (const m of r.builtMessages) {
      const file = path.join(out, `${m.type}-${m.guid}.xml`);
      fs.writeFileSync(file, m.xml);
      files.push(file);
    }
  }
  const { builtMessages: _m, ...summary } = r;
  void _m;
  if (values.json) io.out(JSON.stringify({ ...summary, files }));
  else {
    io.out(`orders ${summary.orders}: built ${summary.built}, blocked ${summary.blocked}; messages ${summary.messages}, queued ${summary.queued}${summary.dryRun ? ' (nothing stored)' : ''}`);
    for (const [type, n] of Object.entries(summary.documents)) io.out(`  ${type}: ${n}`);
    for (const f of summary.findings) io.out(`  ${f.severity} ${f.orderNo} ${f.field}: ${f.code} ${JSON.stringify(f.params)}`);
    for (const e of summary.validationErrors) io.out(`  INVALID ${e.messageType} ${e.messageGuid} line ${e.line}: ${e.message}`);
    if (out) io.out(`${files.length} files written to ${out}`);
  }
  return summary.validationErrors.length === 0 ? 0 : 1;
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
