/**
 * One host, the company workspace and a sandbox (issue 18 point 1): the web host and Electron send
 * every command to `dispatch` here, which runs it in the workspace shown — the company's (kept open
 * for the whole run) or one sandbox under its `sandboxes/` folder, opened through
 * `sandbox-opener.ts` when the trainee switches to it (`training.workspace.switch`) and closed when
 * they switch back. `events` carries only the shown workspace's events, so a screen never gets the
 * other workspace's data; the renderer reloads after a switch. A command still running in a sandbox
 * being left finishes before that sandbox closes.
 */
import path from 'node:path';
import { DomainError } from '../core/domain-error.ts';
import { EventBus, type AppEvent } from '../areas/events.ts';
import type { HostKind } from '../areas/workspace.ts';
import { checkSandboxName, sandboxesDir, sandboxOf } from '../areas/training/index.ts';
import type { WorkspaceShown } from '../areas/training/contract.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import { openHostSandbox } from './sandbox-opener.ts';
import type { Incident, Workspace } from './workspace.ts';

export interface WorkspaceSwitcher {
  /** Runs a command in the workspace shown. */
  readonly dispatch: Dispatch;
  /** The shown workspace's events only. */
  readonly events: EventBus;
  /** The workspace shown now. */
  shown(): Workspace;
  logIncident(incident: Incident): void;
  /** Closes the sandbox (if one is open) and stops forwarding; the company workspace stays with its opener. */
  close(): void;
}

interface Open {
  readonly ws: Workspace;
  readonly dispatch: Dispatch;
  readonly unsubscribe: () => void;
  running: number;
  closing: boolean;
}

export function createWorkspaceSwitcher(
  company: Workspace,
  opts: { readonly host: HostKind; readonly migrationsDir?: string },
): WorkspaceSwitcher {
  const events = new EventBus();
  const forward = (e: AppEvent): void => (events.emit as (n: string, p: unknown) => void)(e.name, e.payload);
  let sandbox: Open | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const openOne = (ws: Workspace): Open => {
    const entry: Open = {
      ws,
      dispatch: createDispatch(createHandlers(ws, { switchWorkspace }), ws.logIncident, ws.file, ws.readOnly),
      unsubscribe: ws.events.subscribe((e) => {
        if (shownEntry() === entry) forward(e);
      }),
      running: 0,
      closing: false,
    };
    return entry;
  };
  const base = openOne(company);
  const shownEntry = (): Open => sandbox ?? base;

  const leaveSandbox = (): void => {
    const s = sandbox;
    if (!s) return;
    sandbox = null;
    s.unsubscribe();
    s.closing = true;
    if (s.running === 0) s.ws.close();
  };

  async function show(to: 'company' | 'sandbox', name: string | undefined): Promise<WorkspaceShown> {
    if (to === 'company') {
      // a host started on a sandbox folder has no company to go back to
      if (sandboxOf(company)) throw new DomainError('training.noCompany', {});
      leaveSandbox();
      return { workspace: 'company', name: null, dataDir: company.dataDir };
    }
    if (name === undefined) throw new DomainError('training.sandboxName', { name: '' });
    const dataDir = path.join(sandboxesDir(company), checkSandboxName(name));
    if (dataDir === company.dataDir) {
      leaveSandbox();
      return { workspace: 'sandbox', name, dataDir };
    }
    if (sandbox?.ws.dataDir !== dataDir) {
      const ws = await openHostSandbox(dataDir, opts);
      leaveSandbox();
      sandbox = openOne(ws);
    }
    return { workspace: 'sandbox', name, dataDir };
  }

  /** One switch at a time. */
  function switchWorkspace(to: 'company' | 'sandbox', name: string | undefined): Promise<WorkspaceShown> {
    const next = queue.then(() => show(to, name));
    queue = next.catch(() => undefined);
    return next;
  }

  const dispatch: Dispatch = async (name, input) => {
    const entry = shownEntry();
    entry.running += 1;
    try {
      return await entry.dispatch(name, input);
    } finally {
      entry.running -= 1;
      if (entry.closing && entry.running === 0) entry.ws.close();
    }
  };

  return {
    dispatch,
    events,
    shown: () => shownEntry().ws,
    logIncident: (incident) => shownEntry().ws.logIncident(incident),
    close() {
      leaveSandbox();
      base.unsubscribe();
    },
  };
}
