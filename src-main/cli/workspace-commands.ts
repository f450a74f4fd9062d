/**
 * The workspace commands of `kuajing`: init, doctor, backup, restore, serve/start. Loaded only when
 * one of them runs, so `kuajing --version` and the other commands start without opening SQLite or
 * HTTP. `backup` works while the app has the workspace open (it asks the app through its socket);
 * `restore` keeps the current file aside first and also repairs a ledger too damaged to open.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DomainError } from '../core/domain-error.ts';
import { LEDGER_FILE } from '../api/workspace.ts';
import { createHandlers } from '../api/handlers.ts';
import { createDispatch } from '../api/dispatch.ts';
import { serveWorkspace } from '../api/recovery.ts';
import {
  backupWorkspace,
  doctorReport,
  exportArchive,
  importArchive,
  replaceDamagedLedger,
  requestOnlineBackup,
  restoreInPlace,
} from '../areas/maintenance/index.ts';
import { startWebHost } from '../hosts/web/web-host.ts';
import { receiveUpload } from '../areas/imports/index.ts';
import { defaultDataDir } from './data-dir.ts';
import { message } from './messages.ts';
import { findElectron, launchElectron } from './electron-launcher.ts';
import { parse, requireString, UsageError, strings } from './cli-args.ts';
import { existingWorkspaceDir, reportDomainError, withWorkspace, type CliIo } from './cli-kit.ts';

// KUAJING_RENDERER_DIR: another renderer build (a bench of renderer changes beside the shared dist-renderer/)
export const RENDERER_DIR = path.resolve(
  process.env['KUAJING_RENDERER_DIR'] ?? path.join(import.meta.dirname, '../../dist-renderer'),
);

export async function init(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    ...strings('company-name', 'uscc', 'customs-code', 'dxp-id', 'pilot-zone'),
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
    const dispatch = createDispatch(createHandlers(ws), ws.logIncident, ws.file, ws.readOnly);
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

export async function doctor(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {});
  const dataDir = existingWorkspaceDir(values);
  return withWorkspace(dataDir, (ws) => {
    const report = doctorReport(ws);
    if (values.json) io.out(JSON.stringify(report));
    else
      for (const [k, v] of Object.entries(report))
        io.out(`${k.padEnd(20)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return report.ok ? 0 : 1;
  });
}

export async function backup(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const dataDir = existingWorkspaceDir(values);
  const out = requireString(values, 'out');
  let done: { out: string; pages: number; bytes: number };
  try {
    done = await withWorkspace(dataDir, (ws) => backupWorkspace(ws, out));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'db.alreadyOpen') throw e;
    done = await requestOnlineBackup(dataDir, out); // the app has it open: it makes the copy
  }
  io.out(values.json ? JSON.stringify({ ok: true, ...done }) : done.out);
  return 0;
}

/** `kuajing restore FILE --data-dir D`: the current file kept aside in backups/pre-restore/ first. */
export async function restore(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {}, true);
  const dataDir = existingWorkspaceDir(values);
  const file = positionals[0];
  if (!file) throw new UsageError('restore needs the backup FILE');
  const source = path.resolve(file);
  let done: { keptAside: string; restoredFrom: string };
  try {
    done = await withWorkspace(dataDir, async (ws) => {
      const r = await restoreInPlace(ws, source);
      return { keptAside: r.keptAside.file, restoredFrom: source };
    });
  } catch (e) {
    if (!(e instanceof DomainError) || (e.code !== 'db.corrupt' && e.code !== 'db.notALedger')) throw e;
    done = await replaceDamagedLedger(path.join(dataDir, LEDGER_FILE), source); // too damaged to open: the file itself is replaced
  }
  io.out(values.json ? JSON.stringify({ ok: true, ...done }) : `${message('restore.done', done)}`);
  return 0;
}

export async function serve(args: readonly string[], io: CliIo, preferElectron: boolean): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, web: { type: 'boolean' } });
  const dataDir = path.resolve(
    values['data-dir'] ?? (preferElectron ? defaultDataDir() : requireString(values, 'data-dir')),
  );
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port ${values.port}`);

  if (preferElectron && !values.web) {
    const electron = findElectron();
    if (electron) return launchElectron(electron, dataDir);
    io.err(message('start.noElectron'));
  }
  // the company workspace stays open, a training sandbox is shown through the switch (issue 18);
  // a damaged ledger still starts the host, in recovery: the first screen offers its backups (issue 16)
  const served = await serveWorkspace(dataDir, 'web');
  try {
    const token = randomBytes(24).toString('base64url');
    const host = await startWebHost({
      dispatch: served.dispatch,
      events: served.events,
      staticDir: RENDERER_DIR,
      token,
      port,
      logIncident: (incident) => served.logIncident(incident),
      // import files stream into the workspace's tmp/imports (issue 16, point 1)
      upload: (body, length) => receiveUpload(served.shownDataDir(), body, length),
    });
    const recovering = served.recovering();
    if (values.json) io.out(JSON.stringify({ url: host.url, port: host.port, token, dataDir, recovering }));
    else
      io.out(
        `${recovering ? `${message('serve.recovering')}\n` : ''}${message('serve.ready')}\n  ${host.url}\n${message('serve.stop')}`,
      );
    await io.untilStopped();
    await host.close();
    return 0;
  } finally {
    served.close();
  }
}

/**
 * `kuajing archive export --data-dir D --out FILE.zip`: everything as CSV and JSON in one zip;
 * `kuajing archive import FILE.zip --data-dir NEW`: into a new workspace folder (refused where a
 * ledger already is), digest checked (issue 16 point 4).
 */
export async function archive(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'export') {
    const { values } = parse(rest, { out: { type: 'string' } });
    const dataDir = existingWorkspaceDir(values);
    const out = path.resolve(requireString(values, 'out'));
    const m = await withWorkspace(dataDir, (ws) => exportArchive(ws.read, out, ws.clock()));
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    io.out(
      values.json
        ? JSON.stringify({ ok: true, file: out, tables: m.tables.length, rows, digest: m.digest })
        : message('archive.exported', { file: out, tables: m.tables.length, rows, digest: m.digest }),
    );
    return 0;
  }
  if (verb === 'import') {
    const { values, positionals } = parse(rest, {}, true);
    const file = positionals[0];
    if (!file) throw new UsageError('archive import needs the archive FILE');
    const dataDir = path.resolve(requireString(values, 'data-dir'));
    const done = await importArchive(path.resolve(file), path.join(dataDir, LEDGER_FILE), new Date());
    io.out(
      values.json
        ? JSON.stringify({ ok: true, dataDir, ...done })
        : message('archive.imported', { dataDir, tables: done.tables, rows: done.rows, digest: done.digest }),
    );
    return 0;
  }
  throw new UsageError('archive export|import');
}
