/**
 * How the training area opens another workspace (a sandbox being created or reset, issue 18): a
 * workspace on the folder, without background sync or backups, with the hosts' dispatch.
 */
import type { SandboxOpener } from '../areas/training/index.ts';
import { openWorkspace } from './workspace.ts';

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
