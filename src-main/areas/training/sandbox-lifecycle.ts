/**
 * Creating and resetting a sandbox folder (issue 18 point 1), for the CLI and the Training page.
 * The caller passes `open` (api/ opens a workspace with the hosts' dispatch; this area never imports
 * api/). `create` refuses a folder holding a company workspace or a sandbox and leaves a folder it
 * could not load as it was; `reset` rebuilds the ledger from the scenario with the same seed and id
 * and keeps `progress.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/domain-error.ts';
import type { SandboxMarker } from '../sync/index.ts';
import type { Workspace } from '../workspace.ts';
import { scenarioNamed } from './catalog.ts';
import { readProgress, writeProgress, PROGRESS_FILE } from './progress.ts';
import { loadScenario, sandboxOf, SANDBOX_NAME, TRAINEE_FILES_DIR, type Call } from './sandbox-service.ts';

export const LEDGER_FILE_NAME = 'ledger.sqlite';
const LEDGER_FILES = [LEDGER_FILE_NAME, `${LEDGER_FILE_NAME}-wal`, `${LEDGER_FILE_NAME}-shm`];

/** Opens a workspace on a folder with a clock, with the hosts' dispatch; `close` when done. */
export type SandboxOpener = (
  dataDir: string,
  clock?: () => Date,
) => Promise<{ readonly ws: Workspace; readonly call: Call }>;

async function withOpen<T>(
  open: SandboxOpener,
  dataDir: string,
  clock: (() => Date) | undefined,
  fn: (ws: Workspace, call: Call) => Promise<T> | T,
): Promise<T> {
  const { ws, call } = await open(dataDir, clock);
  try {
    return await fn(ws, call);
  } finally {
    ws.close();
  }
}

/** What a folder holds: nothing, a sandbox (its marker) or a company workspace. */
export async function folderKind(
  open: SandboxOpener,
  dataDir: string,
): Promise<{ kind: 'empty' } | { kind: 'company' } | { kind: 'sandbox'; marker: SandboxMarker }> {
  if (!fs.existsSync(path.join(dataDir, LEDGER_FILE_NAME))) return { kind: 'empty' };
  return withOpen(open, dataDir, undefined, (ws) => {
    const marker = sandboxOf(ws);
    return marker ? { kind: 'sandbox' as const, marker } : { kind: 'company' as const };
  });
}

function load(
  open: SandboxOpener,
  dataDir: string,
  scenarioName: string,
  seed: number | undefined,
  id?: string,
): Promise<SandboxMarker> {
  const scenario = scenarioNamed(scenarioName);
  const at = new Date(scenario.clock);
  const name =
    path
      .basename(dataDir)
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, 40) || 'sandbox';
  return withOpen(
    open,
    dataDir,
    () => at,
    (ws, call) => loadScenario(ws, scenario, seed ?? scenario.seed, call, { name, ...(id ? { id } : {}) }),
  );
}

export async function createSandbox(
  open: SandboxOpener,
  dataDir: string,
  scenarioName: string,
  seed?: number,
): Promise<SandboxMarker> {
  scenarioNamed(scenarioName);
  const kind = await folderKind(open, dataDir);
  if (kind.kind === 'company') throw new DomainError('training.companyFolder', { dataDir });
  if (kind.kind === 'sandbox') throw new DomainError('training.sandboxExists', { dataDir });
  const wasThere = fs.existsSync(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await load(open, dataDir, scenarioName, seed);
  } catch (e) {
    // a sandbox half loaded is no sandbox: leave the folder as it was
    if (wasThere)
      for (const f of [...LEDGER_FILES, PROGRESS_FILE, TRAINEE_FILES_DIR])
        fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
    else fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export async function resetSandbox(open: SandboxOpener, dataDir: string): Promise<SandboxMarker> {
  const kind = await folderKind(open, dataDir);
  if (kind.kind !== 'sandbox') throw new DomainError('training.notASandbox', { dataDir });
  for (const f of LEDGER_FILES) fs.rmSync(path.join(dataDir, f), { force: true });
  const marker = await load(open, dataDir, kind.marker.scenario, kind.marker.seed, kind.marker.id);
  const progress = readProgress(dataDir);
  if (progress) {
    progress.resets += 1;
    writeProgress(dataDir, progress);
  }
  return marker;
}

/** A sandbox name for `<company>/sandboxes/<name>`. */
export function checkSandboxName(name: string): string {
  if (!SANDBOX_NAME.test(name)) throw new DomainError('training.sandboxName', { name });
  return name;
}
