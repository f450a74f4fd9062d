/**
 * The one way a screen reads from and writes to the host, on top of `core-client.ts`:
 *
 * - `useQuery(command, input, { areas })` reads one command and keeps the answer fresh: it reads
 *   again whenever `ledger.changed` reports a command of one of `areas` (an area is the part of a
 *   command's name before the first '.': `orders`, `stock`, `payouts`…; default: the queried
 *   command's own area). `input === null` reads nothing (e.g. no payout chosen yet).
 *   Components that ask for the same command with the same input (compared as JSON) share one
 *   read and one answer while any of them is on screen; the answer is dropped when the last one
 *   goes. A `sync.status` event carries the `sync.status` command's whole answer and replaces it.
 * - `useMutation(command)` runs a command on demand (a save, a preview, a file export) and tells
 *   whether it is running and how it failed. It does not refresh anything itself: the host sends
 *   `ledger.changed` after every commit, to this window too, and the queries follow.
 *
 * Forms that must not be overwritten while someone types pass `areas: []`.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type {
  AppEvent,
  CommandInput,
  CommandName,
  CommandResult,
  ErrorInfo,
  EventMap,
  EventName,
  Result,
} from '../../src-main/api/contract.ts';
import { call, subscribe } from './core-client.ts';

type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
/** `orders`, `stock`, `settlement`, `payouts`, `rates`, `journal`, `customs`, `sync`, `training`… */
export type Area = AreaOf<CommandName>;

/** The area of a command: the part of its name before the first '.'. */
export function areaOf(command: string): string {
  const dot = command.indexOf('.');
  return dot < 0 ? command : command.slice(0, dot);
}

export interface QueryOptions {
  /** Read again after `ledger.changed` for a command of one of these areas (default: the command's own). */
  readonly areas?: readonly Area[];
  /** Read again on these host events too (e.g. `sync.status`: a background pass wrote receipts). */
  readonly events?: readonly EventName[];
}

export interface Query<T> {
  /** The last answer; `undefined` until one arrived (while a new input loads, the previous input's answer). */
  readonly data: T | undefined;
  readonly error: ErrorInfo | null;
  readonly loading: boolean;
  readonly refetch: () => void;
  readonly clearError: () => void;
}

export interface Mutation<K extends CommandName> {
  readonly run: (input: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
  readonly pending: boolean;
  readonly error: ErrorInfo | null;
  readonly clearError: () => void;
}

/** Events whose payload is a command's whole answer. */
const PUSHED_ANSWERS: { readonly [E in EventName]?: CommandName } = { 'sync.status': 'sync.status' };
const pushedFits: EventMap['sync.status'] extends CommandResult<'sync.status'> ? true : never = true;
void pushedFits;

interface Snapshot {
  readonly data: unknown;
  readonly error: ErrorInfo | null;
  readonly loading: boolean;
}

interface Interest {
  readonly areas: readonly string[];
  readonly events: readonly string[];
}

interface Entry {
  readonly command: CommandName;
  readonly input: unknown;
  snapshot: Snapshot;
  sequence: number;
  readonly listeners: Set<() => void>;
  readonly interests: Map<object, () => Interest>;
  stopEvents: () => void;
}

const IDLE: Snapshot = { data: undefined, error: null, loading: false };
const STARTING: Snapshot = { data: undefined, error: null, loading: true };
const entries = new Map<string, Entry>();

function publish(entry: Entry, snapshot: Snapshot): void {
  entry.snapshot = snapshot;
  for (const listener of [...entry.listeners]) listener();
}

function read(key: string, entry: Entry): void {
  const sequence = ++entry.sequence;
  if (!entry.snapshot.loading) publish(entry, { ...entry.snapshot, loading: true });
  void call(entry.command, entry.input as CommandInput<CommandName>).then((result) => {
    // Dropped: a newer read started, or nobody looks at this query any more.
    if (sequence !== entry.sequence || entries.get(key) !== entry) return;
    publish(
      entry,
      result.ok
        ? { data: result.value, error: null, loading: false }
        : { data: entry.snapshot.data, error: result.error, loading: false },
    );
  });
}

function wants(entry: Entry, test: (interest: Interest) => boolean): boolean {
  for (const interest of entry.interests.values()) if (test(interest())) return true;
  return false;
}

function onHostEvent(key: string, entry: Entry, event: AppEvent): void {
  if (event.name === 'ledger.changed') {
    const area = areaOf(event.payload.command);
    if (wants(entry, (i) => i.areas.includes(area))) read(key, entry);
    return;
  }
  if (PUSHED_ANSWERS[event.name] === entry.command) {
    entry.sequence += 1; // an answer still on its way is older than this
    publish(entry, { data: event.payload, error: null, loading: false });
    return;
  }
  if (wants(entry, (i) => i.events.includes(event.name))) read(key, entry);
}

function attach(
  key: string,
  command: CommandName,
  input: unknown,
  owner: object,
  interest: () => Interest,
  listener: () => void,
): () => void {
  let entry = entries.get(key);
  if (!entry) {
    const created: Entry = {
      command,
      input,
      snapshot: STARTING,
      sequence: 0,
      listeners: new Set(),
      interests: new Map(),
      stopEvents: () => undefined,
    };
    entries.set(key, created);
    created.stopEvents = subscribe((event) => onHostEvent(key, created, event));
    read(key, created);
    entry = created;
  }
  const current = entry;
  current.listeners.add(listener);
  current.interests.set(owner, interest);
  return () => {
    current.listeners.delete(listener);
    current.interests.delete(owner);
    if (current.listeners.size === 0 && entries.get(key) === current) {
      entries.delete(key);
      current.stopEvents();
    }
  };
}

/**
 * Starts reading `command` with `input` before any screen asks for it (at start-up, the first
 * screen's list goes to the host with the session's own first reads, not after them): the
 * answer waits `keepMs` for a screen that asks for the same input, which then shares the read.
 */
export function prefetchQuery<K extends CommandName>(command: K, input: CommandInput<K>, keepMs = 15_000): void {
  const key = `${command} ${JSON.stringify(input)}`;
  if (entries.has(key)) return;
  const detach = attach(
    key,
    command,
    JSON.parse(key.slice(command.length + 1)) as unknown,
    {},
    () => ({ areas: [], events: [] }),
    () => undefined,
  );
  setTimeout(detach, keepMs);
}

/** Reads again every query on screen that names one of `areas` (a page's Refresh button). */
export function refetchAreas(areas: readonly Area[]): void {
  for (const [key, entry] of entries) {
    if (wants(entry, (i) => i.areas.some((a) => (areas as readonly string[]).includes(a)))) read(key, entry);
  }
}

/** Reads `command` with `input` and keeps the answer fresh; see the file comment. */
export function useQuery<K extends CommandName>(
  command: K,
  input: CommandInput<K> | null,
  options: QueryOptions = {},
): Query<CommandResult<K>> {
  const key = input === null ? null : `${command} ${JSON.stringify(input)}`;
  const interest = useRef<Interest>({ areas: [], events: [] });
  interest.current = { areas: options.areas ?? [areaOf(command)], events: options.events ?? [] };
  const [owner] = useState(() => ({}));

  const subscribeTo = useCallback(
    (listener: () => void) => {
      if (key === null) return () => undefined;
      return attach(
        key,
        command,
        JSON.parse(key.slice(command.length + 1)) as unknown,
        owner,
        () => interest.current,
        listener,
      );
    },
    [key, command, owner],
  );
  const snapshot = useSyncExternalStore(subscribeTo, () =>
    key === null ? IDLE : (entries.get(key)?.snapshot ?? STARTING),
  );

  // While a new input loads, keep showing the previous input's answer (no flash of an empty screen).
  const previous = useRef<{ key: string | null; data: unknown }>({ key: null, data: undefined });
  if (snapshot.data !== undefined) previous.current = { key, data: snapshot.data };
  const data =
    snapshot.data !== undefined
      ? snapshot.data
      : key !== null && snapshot.loading && snapshot.error === null
        ? previous.current.data
        : undefined;

  const refetch = useCallback(() => {
    const entry = key === null ? undefined : entries.get(key);
    if (key !== null && entry) read(key, entry);
  }, [key]);
  const clearError = useCallback(() => {
    const entry = key === null ? undefined : entries.get(key);
    if (entry && entry.snapshot.error) publish(entry, { ...entry.snapshot, error: null });
  }, [key]);

  return {
    data: data as CommandResult<K> | undefined,
    error: snapshot.error,
    loading: snapshot.loading,
    refetch,
    clearError,
  };
}

/** Runs `command` on demand; `run` resolves to the host's Result (never throws). */
export function useMutation<K extends CommandName>(command: K): Mutation<K> {
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: CommandInput<K>) => {
      if (mounted.current) setRunning((n) => n + 1);
      const result = await call(command, input);
      if (mounted.current) {
        setRunning((n) => n - 1);
        setError(result.ok ? null : result.error);
      }
      return result;
    },
    [command],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending: running > 0, error, clearError };
}

/** Calls `handler` for every host event named `name` while the component is mounted (progress bars). */
export function useHostEvent<E extends EventName>(name: E, handler: (payload: EventMap[E]) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name === name) latest.current(event.payload as EventMap[E]);
      }),
    [name],
  );
}
