/**
 * `kuajing` command line: version, init, doctor, backup, serve, start. Every command takes
 * `--json`. Exit codes: 0 success, 1 domain error (its code printed; JSON with --json),
 * 2 usage error. Commands go through the same dispatch as the hosts where one exists.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import { DomainError, isDomainError } from '../core/domain-error.ts';
import { openWorkspace } from '../api/workspace.ts';
import { createHandlers } from '../api/handlers.ts';
import { createDispatch } from '../api/dispatch.ts';
import { backupWorkspace, doctorReport } from '../api/maintenance.ts';
import { startWebHost } from '../hosts/web/web-host.ts';
import { defaultDataDir } from './data-dir.ts';
import { message } from './messages.ts';
import { findElectron, launchElectron } from './electron-launcher.ts';
import {
  existingWorkspaceDir, parse, reportDomainError, requireString, UsageError, withWorkspace, type CliIo,
} from './cli-kit.ts';
import { importCommand, ordersCommand } from './orders-commands.ts';
import { demoCommand } from './demo-command.ts';
import { customsCommand } from './customs-commands.ts';
import { STOCK_SOURCES, stockCommand, stockImportCommand } from './stock-commands.ts';

export type { CliIo } from './cli-kit.ts';

const USAGE = `kuajing ${pkg.version}
usage:
  kuajing --version
  kuajing init --data-dir D --company-name N --uscc C --customs-code C [--dxp-id X] [--pilot-zone Z]
  kuajing doctor --data-dir D
  kuajing backup --data-dir D --out FILE
  kuajing serve --data-dir D [--port P]
  kuajing start [--data-dir D] [--port P] [--web]
  kuajing import FILE --data-dir D [--source auto|amazon-orders|amazon-settlement|shopify|shopee|tiktok|generic] [--shop S] [--mapping NAME] [--dry-run]
  kuajing import FILE --data-dir D --source stock-moves|fba-inventory|stock-count [--create-missing] [--warehouse CODE] [--dry-run]
  kuajing orders list|stats --data-dir D [filters]
  kuajing stock onhand|valuation --data-dir D [--as-of YYYY-MM-DD]
  kuajing demo --out DIR [--seed N] [--orders N]
  kuajing customs validate FILE...
every command accepts --json`;

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../dist-renderer');

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json') || argv.includes('--json');
  try {
    switch (command) {
      case '--version': case '-v': case 'version':
        io.out(json ? JSON.stringify({ version: pkg.version }) : pkg.version);
        return 0;
      case undefined: case '--help': case '-h': case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case 'init': return await init(rest, io);
      case 'doctor': return await doctor(rest, io);
      case 'backup': return await backup(rest, io);
      case 'serve': return await serve(rest, io, false);
      case 'start': return await serve(rest, io, true);
      case 'import': return await (isStockImport(rest) ? stockImportCommand(rest, io) : importCommand(rest, io));
      case 'stock': return await stockCommand(rest, io);
      case 'orders': return await ordersCommand(rest, io);
      case 'demo': return await demoCommand(rest, io);
      case 'customs': return await customsCommand(rest, io);
      default: throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const detail = (e as Error).message;
      if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', params: { detail } } }));
      io.err(`${message('usage', { detail })}\n${USAGE}`);
      return 2;
    }
    if (isDomainError(e)) {
      reportDomainError(io, json, { code: e.code, params: e.params, ...(e.fields ? { fields: e.fields } : {}) });
      return 1;
    }
    throw e;
  }
}

/** `--source stock-…` imports go to the stock ledger; every other source is an order import. */
function isStockImport(args: readonly string[]): boolean {
  const i = args.findIndex((a) => a === '--source' || a.startsWith('--source='));
  if (i < 0) return false;
  const value = args[i]!.includes('=') ? args[i]!.slice('--source='.length) : args[i + 1];
  return (STOCK_SOURCES as readonly string[]).includes(value ?? '');
}

async function init(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    'company-name': { type: 'string' }, uscc: { type: 'string' }, 'customs-code': { type: 'string' },
    'dxp-id': { type: 'string' }, 'pilot-zone': { type: 'string' },
  });
  const dataDir = path.resolve(requireString(values, 'data-dir'));
  const input = {
    name: requireString(values, 'company-name'),
    uscc: requireString(values, 'uscc'),
    customsCode: requireString(values, 'customs-code'),
    dxpId: values['dxp-id'] ?? null,
    pilotZone: values['pilot-zone'] ?? 'other',
    baseCurrency: 'CNY',
  };
  return withWorkspace(dataDir, async (ws) => {
    const dispatch = createDispatch(createHandlers(ws), ws.logIncident);
    const existing = await dispatch('company.get', {});
    if (existing.ok && existing.value) throw new DomainError('workspace.alreadyInitialised', { dataDir });
    const result = await dispatch('company.save', input);
    if (!result.ok) {
      reportDomainError(io, Boolean(values.json), result.error);
      return 1;
    }
    io.out(values.json ? JSON.stringify({ ok: true, dataDir, file: ws.file, company: result.value }) : `${dataDir}`);
    return 0;
  });
}

async function doctor(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {});
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, (ws) => {
    const report = doctorReport(ws);
    if (values.json) io.out(JSON.stringify(report));
    else for (const [k, v] of Object.entries(report)) io.out(`${k.padEnd(20)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return report.ok ? 0 : 1;
  });
}

async function backup(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const dataDir = existingWorkspaceDir(values);
  const out = requireString(values, 'out');
  return withWorkspace(dataDir, async (ws) => {
    const done = await backupWorkspace(ws, out);
    io.out(values.json ? JSON.stringify({ ok: true, ...done }) : done.out);
    return 0;
  });
}

async function serve(args: readonly string[], io: CliIo, preferElectron: boolean): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, web: { type: 'boolean' } });
  const dataDir = path.resolve(values['data-dir'] ?? (preferElectron ? defaultDataDir() : requireString(values, 'data-dir')));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port ${values.port}`);

  if (preferElectron && !values.web) {
    const electron = findElectron();
    if (electron) return launchElectron(electron, dataDir);
    io.err(message('start.noElectron'));
  }
  const ws = await openWorkspace({ dataDir, host: 'web' });
  try {
    const dispatch = createDispatch(createHandlers(ws), ws.logIncident);
    const token = randomBytes(24).toString('base64url');
    const host = await startWebHost({ dispatch, events: ws.events, staticDir: RENDERER_DIR, token, port });
    if (values.json) io.out(JSON.stringify({ url: host.url, port: host.port, token, dataDir }));
    else io.out(`${message('serve.ready')}\n  ${host.url}\n${message('serve.stop')}`);
    await io.untilStopped();
    await host.close();
    return 0;
  } finally {
    ws.close();
  }
}
