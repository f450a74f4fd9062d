/** Handlers of the customs area's commands (contract-customs.ts). */
import type { Handler } from './handlers.ts';
import type { customsContract } from './contract-customs.ts';
import type { Workspace } from './workspace.ts';

type CustomsCommand = keyof typeof customsContract;

export function createCustomsHandlers(ws: Workspace): { readonly [K in CustomsCommand]: Handler<K> } {
  void ws;
  return {};
}
