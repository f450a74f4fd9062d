/**
 * `kuajing report NAME --data-dir D --period 2026-Q1|2026-03|SETTLEMENT-ID --format pdf|xlsx|json --out FILE`
 * (issue 17 point 5): the reports area's printouts through the same dispatch as the hosts. JSON
 * totals are in minor units; an existing FILE is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_NAMES } from '../areas/reports/contract.ts';
import { parse, requireString, UsageError, strings } from './cli-args.ts';
import { callCommand, existingWorkspaceDir, withWorkspace, type CliIo } from './cli-kit.ts';

export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...strings('period', 'format', 'out', 'language', 'prepared-by', 'staff', 'total-assets'),
    },
    true,
  );
  const json = Boolean(values.json);
  const name = positionals[0];
  if (positionals.length !== 1 || !(REPORT_NAMES as readonly string[]).includes(name ?? ''))
    throw new UsageError(`report NAME is one of ${REPORT_NAMES.join(', ')}`);
  const period = requireString(values, 'period');
  const format = values.format ?? 'json';
  if (!['pdf', 'xlsx', 'json'].includes(format)) throw new UsageError('--format is pdf, xlsx or json');
  const language = values.language ?? 'zh-CN';
  if (!['zh-CN', 'zh-TW', 'en'].includes(language)) throw new UsageError('--language is zh-CN, zh-TW or en');
  const out = path.resolve(requireString(values, 'out'));
  if (fs.existsSync(out)) throw new UsageError(`--out ${out} exists; choose a new file`);
  const int = (v: string | undefined, flag: string): number | null => {
    if (v === undefined) return null;
    if (!/^\d+$/.test(v)) throw new UsageError(`--${flag} is a whole number`);
    return Number(v);
  };
  // --total-assets in yuan (whole), the command takes fen.
  const assets = int(values['total-assets'], 'total-assets');
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    const f = await callCommand<{ fileName: string; contentBase64: string }>(ws, io, json, 'reports.file', {
      name,
      period,
      format,
      language,
      preparedBy: values['prepared-by'] ?? null,
      staff: int(values.staff, 'staff'),
      totalAssets: assets === null ? null : assets * 100,
    });
    if (!f) return 1;
    const bytes = Buffer.from(f.contentBase64, 'base64');
    fs.writeFileSync(out, bytes, { flag: 'wx' });
    io.out(
      json
        ? JSON.stringify({ ok: true, out, bytes: bytes.length })
        : `${name} ${period} → ${out} (${bytes.length} bytes)`,
    );
    return 0;
  });
}

/** `kuajing period close|reopen|list --data-dir D [--month 2026-03] [--reason TEXT]` (issue 17 point 1g). */
export async function periodCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'close' && sub !== 'reopen' && sub !== 'list') throw new UsageError('period close|reopen|list');
  const { values } = parse(rest, { month: { type: 'string' }, reason: { type: 'string' } });
  const json = Boolean(values.json);
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, async (ws) => {
    if (sub === 'list') {
      const list = await callCommand<Array<{ month: string; closed: boolean; events: unknown[] }>>(
        ws,
        io,
        json,
        'periods.list',
        {},
      );
      if (!list) return 1;
      io.out(
        json
          ? JSON.stringify(list)
          : list.map((p) => `${p.month} ${p.closed ? 'closed' : 'open'} (${p.events.length} acts)`).join('\n'),
      );
      return 0;
    }
    const month = requireString(values, 'month');
    const input = sub === 'close' ? { month } : { month, reason: requireString(values, 'reason') };
    const r = await callCommand<{ month: string; closed: boolean }>(
      ws,
      io,
      json,
      sub === 'close' ? 'periods.close' : 'periods.reopen',
      input,
    );
    if (!r) return 1;
    io.out(json ? JSON.stringify(r) : `${r.month} ${r.closed ? 'closed' : 'reopened'}`);
    return 0;
  });
}
