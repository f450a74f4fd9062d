/**
 * The events the core emits and the typed in-process bus that carries them; hosts forward
 * them to windows (IPC) or browsers (SSE). `ledger.changed` names the committed command, so a
 * screen refetches only for the areas it shows.
 */
import type { CustomsProgressEvent } from './customs/contract.ts';
import type { SyncProgressEvent, SyncStatus } from './sync/contract.ts';

/** Events pushed from the core to every window / browser tab. */
export interface EventMap {
  'ledger.changed': { readonly command: string; readonly at: string };
  'sync.status': SyncStatus;
  /** A sync pass reports after each batch and receipts page (contract-sync.ts). */
  'sync.progress': SyncProgressEvent;
  /** Long work reports here: reading and parsing a file, then writing it. */
  'import.progress': {
    readonly previewId: string | null;
    readonly phase: 'read' | 'parse' | 'write';
    readonly done: number;
    readonly total: number;
  };
  /** customs.build reports each phase (contract-customs.ts). */
  'customs.progress': CustomsProgressEvent;
}
export type EventName = keyof EventMap;
export type AppEvent = { [K in EventName]: { readonly name: K; readonly payload: EventMap[K] } }[EventName];

export class EventBus {
  readonly #listeners = new Set<(event: AppEvent) => void>();

  emit<K extends EventName>(name: K, payload: EventMap[K]): void {
    const event = { name, payload } as AppEvent;
    for (const l of this.#listeners) {
      try {
        l(event);
      } catch {
        /* a failing listener must not break the others */
      }
    }
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
