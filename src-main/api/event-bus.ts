/** Typed in-process event bus; hosts forward its events to windows (IPC) or browsers (SSE). */
import type { AppEvent, EventMap, EventName } from './contract.ts';

export class EventBus {
  readonly #listeners = new Set<(event: AppEvent) => void>();

  emit<K extends EventName>(name: K, payload: EventMap[K]): void {
    const event = { name, payload } as AppEvent;
    for (const l of this.#listeners) {
      try { l(event); } catch { /* a failing listener must not break the others */ }
    }
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
