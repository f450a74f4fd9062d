/**
 * Shared pieces of the CLI commands: argument parsing (cli-args.ts, re-exported), usage errors,
 * domain-error reporting (text or JSON) and opening a workspace for the length of a command.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { environmentError, openWorkspace, LEDGER_FILE, type Workspace } from '../api/workspace.ts';
import { message } from './messages.ts';
import { requireString, UsageError } from './cli-args.ts';

export { flags, parse, requireString, strings, UsageError } from './cli-args.ts';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); used by long-running commands. */
  readonly untilStopped: () => Promise<void>;
}

export function reportDomainError(
  io: CliIo,
  json: boolean,
  error: { code: string; params: Record<string, string | number>; fields?: Record<string, string> },
) {
  if (json) io.out(JSON.stringify({ ok: false, error }));
  const fieldLines = Object.entries(error.fields ?? {})
    .map(([f, c]) => `  ${f}: ${c}`)
    .join('\n');
  io.err(`error ${error.code}: ${message(error.code, error.params)}${fieldLines ? '\n' + fieldLines : ''}`);
}

export function existingWorkspaceDir(values: Record<string, unknown>): string {
  const dataDir = path.resolve(requireString(values, 'data-dir'));
  if (!fs.existsSync(path.join(dataDir, LEDGER_FILE))) throw new DomainError('workspace.notFound', { dataDir });
  return dataDir;
}

export async function withWorkspace<T>(dataDir: string, fn: (ws: Workspace) => Promise<T> | T): Promise<T> {
  const ws = await openWorkspace({ dataDir, host: 'cli' });
  try {
    return await fn(ws);
  } catch (e) {
    throw environmentError(e, ws.file) ?? e; // disk full, read-only folder …: a coded error, not a stack trace
  } finally {
    ws.close();
  }
}

/** One dispatch per workspace: a preview waits in its handlers until it is confirmed. */
const dispatchers = new WeakMap<Workspace, Dispatch>();

/** Runs one command through the hosts' dispatch; a domain error is reported (text or JSON) and gives null. */
export async function callCommand<T>(
  ws: Workspace,
  io: CliIo,
  json: boolean,
  name: string,
  input: unknown,
): Promise<T | null> {
  let dispatch = dispatchers.get(ws);
  if (!dispatch) {
    // Loaded here, not at the top: run-cli imports this kit, and `--version` must not load every handler.
    const [{ createDispatch }, { createHandlers }] = await Promise.all([
      import('../api/dispatch.ts'),
      import('../api/handlers.ts'),
    ]);
    dispatch = createDispatch(createHandlers(ws), ws.logIncident, ws.file, ws.readOnly);
    dispatchers.set(ws, dispatch);
  }
  const r = await dispatch(name, input);
  if (r.ok) return r.value as T;
  reportDomainError(io, json, r.error);
  return null;
}

/** The one FILE an import names, not read here (`import.file.unreadable` when it cannot be). */
export function importFileByPath(positionals: readonly string[]): { readonly path: string; readonly name: string } {
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  const file = path.resolve(positionals[0]!);
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new DomainError('import.file.unreadable', { file });
  }
  return { path: file, name: path.basename(file) };
}

/** The one FILE an import names: exactly one positional, read whole (`import.file.unreadable` otherwise). */
export function readImportFile(positionals: readonly string[]): {
  readonly path: string;
  readonly name: string;
  readonly base64: string;
} {
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  const file = path.resolve(positionals[0]!);
  try {
    return { path: file, name: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
  } catch {
    throw new DomainError('import.file.unreadable', { file });
  }
}
