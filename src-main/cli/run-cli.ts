/**
 * `kuajing` command line: version, init, doctor, backup, serve, start. Every command takes
 * `--json`. Exit codes: 0 success, 1 domain error (its code printed; JSON with --json),
 * 2 usage error. Commands go through the same dispatch as the hosts where one exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { randomBytes } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import { DomainError, isDomainError } from '../core/domain-error.ts';
import { openWorkspace, LEDGER_FILE, type Workspace } from '../api/workspace.ts';
import { createHandlers } from '../api/handlers.ts';
import { createDispatch } from '../api/dispatch.ts';
import { backupWorkspace, doctorReport } from '../api/maintenance.ts';
import { startWebHost } from '../hosts/web/web-host.ts';
import { defaultDataDir } from './data-dir.ts';
import { message } from './messages.ts';
import { findElectron, launchElectron } from './electron-launcher.ts';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); used by long-running commands. */
  readonly untilStopped: () => Promise<void>;
}

class UsageError extends Error {}

const COMMON = { json: { type: 'boolean' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

const USAGE = `kuajing ${pkg.version}
usage:
  kuajing --version
  kuajing init --data-dir D --company-name N --uscc C --customs-code C [--dxp-id X] [--pilot-zone Z]
  kuajing doctor --data-dir D
  kuajing backup --data-dir D --out FILE
  kuajing serve --data-dir D [--port P]
  kuajing start [--data-dir D] [--port P] [--web]
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

function reportDomainError(io: CliIo, json: boolean, error: { code: string; params: Record<string, string | number>; fields?: Record<string, string> }) {
  if (json) io.out(JSON.stringify({ ok: false, error }));
  const fieldLines = Object.entries(error.fields ?? {}).map(([f, c]) => `  ${f}: ${c}`).join('\n');
  io.err(`error ${error.code}: ${message(error.code, error.params)}${fieldLines ? '\n' + fieldLines : ''}`);
}

function parse<O extends ParseArgsConfig['options']>(args: readonly string[], options: O) {
  return parseArgs({ args: [...args], options: { ...COMMON, ...options }, strict: true, allowPositionals: false });
}

function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${name} is required`);
  return v;
}

function existingWorkspaceDir(values: Record<string, unknown>): string {
  const dataDir = path.resolve(requireString(values, 'data-dir'));
  if (!fs.existsSync(path.join(dataDir, LEDGER_FILE))) throw new DomainError('workspace.notFound', { dataDir });
  return dataDir;
}

async function withWorkspace<T>(dataDir: string, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  try { return await fn(ws); } finally { ws.close(); }
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
