/**
 * The shape of `window.kuajing`, the one object the sandboxed preload exposes: a generic
 * `invoke(name, input)` that carries any command to `dispatch` (which refuses unknown names and
 * validates input), and the event subscription. Type-only, so the preload bundle pulls nothing.
 * The renderer declares the same shape in `src-renderer/app/core-client.ts` (it may import only
 * `api/contract.ts`), and checks every reply is a Result before trusting it.
 */
import type { AppEvent, CommandInput, CommandName, CommandResult, Result } from '../../api/contract.ts';

export interface KuajingHostBridge {
  readonly invoke: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<Result<CommandResult<K>>>;
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
  /** An import file handed over by its path: `{ fileRef }` for `imports.preview` (issue 16, point 1). */
  readonly upload: (file: File) => Promise<Result<{ readonly fileRef: string; readonly bytes: number }>>;
}
