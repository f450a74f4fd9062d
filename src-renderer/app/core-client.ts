/**
 * The renderer's one door to the host. Electron: the preload bridge `window.kuajing`
 * (`invoke(name, input)` for every command, `onEvent(listener)`).
 * Web host (no bridge): `POST /api/<command>` with a JSON body and the session header, and
 * Server-Sent Events read from `/api/events` by fetch (so the header goes with them). The launch
 * token is taken from the address once, dropped from it and traded for a session id kept in
 * sessionStorage (per origin, port included; a reload re-authenticates from there); no cookie
 * carries a secret. `call()` never throws: every outcome is a `Result`, and a transport failure
 * (or a reply that is not a Result) is `network.unreachable`.
 */
import type {
  AppEvent,
  CommandInput,
  CommandName,
  CommandResult,
  EventName,
  Result,
} from '../../src-main/api/contract.ts';

export type EventListener = (event: AppEvent) => void;

/**
 * What the Electron preload (src-main/hosts/electron/preload.ts) puts on `window.kuajing`: one
 * generic `invoke` (the host's dispatch refuses unknown names) and the event subscription.
 */
export interface HostBridge {
  readonly invoke: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
  readonly onEvent: (listener: EventListener) => () => void;
  /** Electron: hands over a chosen file by its path (the host copies it into tmp/imports). */
  readonly upload?: (file: File) => Promise<Result<Upload>>;
}

/** An import file the host holds in its tmp/imports, named for `imports.preview` by `fileRef`. */
export interface Upload {
  readonly fileRef: string;
  readonly bytes: number;
}

interface BridgeWindow {
  readonly kuajing?: HostBridge;
}

/** Event names from the contract: event frames naming anything else are ignored. */
const EVENT_NAMES = [
  'ledger.changed',
  'sync.status',
  'sync.progress',
  'import.progress',
  'customs.progress',
] as const satisfies readonly EventName[];
type MissingEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: [MissingEvent] extends [never] ? true : never = true;
void everyEventListed;

/** Looked up on every call, not cached, so tests can install or remove a fake bridge. */
function bridge(): HostBridge | undefined {
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

export const SESSION_STORAGE_KEY = 'kuajing.session';
export const SESSION_HEADER = 'X-Kuajing-Session';

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Takes `?token=` out of the address bar (history entry replaced, so it is in no history or
 * bookmark) and returns it; a new launch token also drops a session stored for an older one.
 */
function takeLaunchToken(): string | null {
  if (typeof window === 'undefined' || !window.location || bridge()) return null;
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  sessionStore()?.removeItem(SESSION_STORAGE_KEY);
  return token;
}

let launchToken: string | null = takeLaunchToken();
let pendingSession: Promise<string | null> | null = null;

async function tradeLaunchToken(token: string): Promise<string | null> {
  try {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'omit',
    });
    const body = (await response.json()) as { ok?: boolean; value?: { session?: unknown } };
    const session = body.ok === true ? body.value?.session : undefined;
    if (typeof session !== 'string') return null;
    sessionStore()?.setItem(SESSION_STORAGE_KEY, session);
    return session;
  } catch {
    return null;
  }
}

/** The session id: from sessionStorage, else from trading the launch token (once, shared by concurrent calls). */
function currentSession(): Promise<string | null> {
  launchToken = takeLaunchToken() ?? launchToken;
  const stored = sessionStore()?.getItem(SESSION_STORAGE_KEY) ?? null;
  if (stored && launchToken === null) return Promise.resolve(stored);
  if (pendingSession) return pendingSession;
  const token = launchToken;
  if (token === null) return Promise.resolve(null);
  launchToken = null;
  pendingSession = tradeLaunchToken(token).finally(() => {
    pendingSession = null;
  });
  return pendingSession;
}

async function sessionHeaders(): Promise<Record<string, string>> {
  const session = await currentSession();
  return session ? { [SESSION_HEADER]: session } : {};
}

async function callHttp(name: CommandName, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await sessionHeaders()) },
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

/**
 * Hands an import file to the host without it being read into this page or held by the host
 * (issue 16, point 1): the web host takes the File as the body of `POST /api/upload` (streamed to
 * disk there; `onProgress` follows the upload), Electron by its path. Null when the host takes no
 * upload (a test bridge): the caller then sends the file as base64.
 */
export async function uploadFile(
  file: File,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<Upload> | null> {
  const b = bridge();
  if (b) {
    if (!b.upload) return null;
    try {
      const result: unknown = await b.upload(file);
      return isResult(result) ? normalise(result as Result<Upload>) : unreachable();
    } catch {
      return unreachable();
    }
  }
  const headers = await sessionHeaders();
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/upload');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => resolve(unreachable());
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return resolve(unreachable({ status: xhr.status }));
      }
      resolve(isResult(body) ? normalise(body as Result<Upload>) : unreachable({ status: xhr.status }));
    };
    xhr.send(file);
  });
}

/** Sends one command to the host and resolves to its Result. */
export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResult<K>>> {
  const b = bridge();
  if (b) {
    try {
      const result: unknown = await b.invoke(name, input);
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
let eventStream: AbortController | null = null;

function deliverFrame(frame: string): void {
  const data = frame
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(l.startsWith('data: ') ? 6 : 5))
    .join('\n');
  const event = parseEvent(data);
  if (!event) return;
  for (const listener of [...sseListeners]) listener(event);
}

/** Reads one SSE response to its end, delivering each `data:` frame. */
async function readFrames(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!signal.aborted) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        deliverFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Keeps one event stream open (with the session header), reconnecting with back-off like EventSource. */
async function pumpEvents(signal: AbortSignal): Promise<void> {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', {
        headers: await sessionHeaders(),
        credentials: 'same-origin',
        signal,
      });
      if (response.ok && response.body) {
        delay = 1000;
        await readFrames(response.body, signal);
      }
    } catch {
      // dropped or aborted: retried below unless aborted
    }
    if (signal.aborted) return;
    await wait(delay, signal);
    delay = Math.min(delay * 2, 30_000);
  }
}

function openEventStream(): void {
  if (eventStream || typeof fetch === 'undefined') return;
  eventStream = new AbortController();
  void pumpEvents(eventStream.signal);
}

/** Listens to host events; returns the unsubscribe function. One event stream is shared. */
export function subscribe(listener: EventListener): () => void {
  const b = bridge();
  if (b) return b.onEvent(listener);
  sseListeners.add(listener);
  openEventStream();
  return () => {
    sseListeners.delete(listener);
    if (sseListeners.size === 0 && eventStream) {
      eventStream.abort();
      eventStream = null;
    }
  };
}
