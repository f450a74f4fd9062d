/**
 * How another workspace is opened for the training area (issue 18): `openSandboxWorkspace` for a
 * sandbox being created or reset (a workspace on the folder, without background sync or backups,
 * with the hosts' dispatch), and `openHostSandbox` for a sandbox a host shows instead of the company
 * (the host's own kind: background sync to its practice platform, backups), refused unless the
 * folder holds a sandbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import type { HostKind } from '../areas/workspace.ts';
import { sandboxOf, type SandboxOpener } from '../areas/training/index.ts';
import { LEDGER_FILE, openWorkspace, type Workspace } from './workspace.ts';

export const openSandboxWorkspace: SandboxOpener = async (dataDir, clock) => {
  const ws = await openWorkspace({ dataDir, host: 'cli', ...(clock ? { clock } : {}) });
  // loaded lazily: handlers.ts gives this opener to the training handlers
  const [{ createDispatch }, { createHandlers }] = await Promise.all([
    import('./dispatch.ts'),
    import('./handlers.ts'),
  ]);
  const dispatch = createDispatch(createHandlers(ws), ws.logIncident, ws.file, ws.readOnly);
  return { ws, call: (n, i) => dispatch(n, i) };
};

/** A sandbox folder opened by a host to show it; `training.notASandbox` (nothing created) when it holds none. */
export async function openHostSandbox(
  dataDir: string,
  opts: { readonly host: HostKind; readonly migrationsDir?: string },
): Promise<Workspace> {
  // never create a ledger here: an empty or missing folder is no sandbox
  if (!fs.existsSync(path.join(dataDir, LEDGER_FILE))) throw new DomainError('training.notASandbox', { dataDir });
  const ws = await openWorkspace({
    dataDir,
    host: opts.host,
    ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}),
  });
  if (!sandboxOf(ws)) {
    ws.close();
    throw new DomainError('training.notASandbox', { dataDir });
  }
  return ws;
}
