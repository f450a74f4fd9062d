/**
 * The renderer's one door to the host. Electron: the preload bridge `window.kuajing`.
 * Web host (no bridge): `POST /api/<command>` with a JSON body and the session cookie, and
 * Server-Sent Events from `/api/events`. `call()` never throws: every outcome is a `Result`,
 * and a transport failure (or a reply that is not a Result) is `network.unreachable`.
 */
import type {
  AppEvent,
  CommandInput,
  CommandName,
  CommandResult,
  EventName,
  KuajingBridge,
  Result,
} from '../../src-main/api/contract.ts';

export type EventListener = (event: AppEvent) => void;

interface BridgeWindow {
  readonly kuajing?: KuajingBridge;
}

/** Event names from the contract, for SSE servers that send named events (`event: <name>`). */
const EVENT_NAMES = ['ledger.changed', 'sync.status', 'sync.progress', 'import.progress', 'customs.progress'] as const satisfies readonly EventName[];
type MissingEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: [MissingEvent] extends [never] ? true : never = true;
void everyEventListed;

/** Looked up on every call, not cached, so tests can install or remove a fake bridge. */
function bridge(): KuajingBridge | undefined {
  return typeof window === 'undefined' ? undefined : (window as BridgeWindow).kuajing;
}

function unreachable(params: Record<string, string | number> = {}): Result<never> {
  return { ok: false, error: { code: 'network.unreachable', params } };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as Record<string, unknown>;
  if (r['ok'] === true) return 'value' in r;
  if (r['ok'] !== false) return false;
  const error = r['error'] as Record<string, unknown> | null | undefined;
  return typeof error === 'object' && error !== null && typeof error['code'] === 'string';
}

function normalise<T>(result: Result<T>): Result<T> {
  if (result.ok) return result;
  return { ok: false, error: { ...result.error, params: result.error.params ?? {} } };
}

async function callHttp(name: CommandName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return unreachable();
  }
  // The web host answers every status (400/403/404/413 too) with a Result body.
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return unreachable({ status: response.status });
  }
  return isResult(body) ? normalise(body) : unreachable({ status: response.status });
}

/** Sends one command to the host and resolves to its Result. */
export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
  const b = bridge();
  if (b) {
    const command = b.commands[name] as (i: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
    try {
      const result: unknown = await command(input);
      return isResult(result) ? normalise(result as Result<CommandResult<K>>) : unreachable();
    } catch {
      return unreachable();
    }
  }
  return (await callHttp(name, input)) as Result<CommandResult<K>>;
}

function parseEvent(data: unknown): AppEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const e = parsed as Record<string, unknown>;
    if (typeof e['name'] !== 'string' || !(EVENT_NAMES as readonly string[]).includes(e['name'])) return null;
    return parsed as AppEvent;
  } catch {
    return null;
  }
}

const sseListeners = new Set<EventListener>();
let eventSource: EventSource | null = null;

function openEventSource(): void {
  if (eventSource || typeof EventSource === 'undefined') return;
  const source = new EventSource('/api/events');
  const deliver = (message: MessageEvent): void => {
    const event = parseEvent(message.data);
    if (!event) return;
    for (const listener of [...sseListeners]) listener(event);
  };
  source.onmessage = deliver;
  for (const name of EVENT_NAMES) source.addEventListener(name, deliver);
  eventSource = source;
}

/** Listens to host events; returns the unsubscribe function. One EventSource is shared. */
export function subscribe(listener: EventListener): () => void {
  const b = bridge();
  if (b) return b.onEvent(listener);
  sseListeners.add(listener);
  openEventSource();
  return () => {
    sseListeners.delete(listener);
    if (sseListeners.size === 0 && eventSource) {
      eventSource.close();
      eventSource = null;
    }
  };
}
