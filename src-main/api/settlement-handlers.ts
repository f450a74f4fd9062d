/** Handlers of the settlement area's commands (contract-settlement.ts). */
import type { Handler } from './handlers.ts';
import type { settlementContract } from './contract-settlement.ts';
import type { Workspace } from './workspace.ts';

type SettlementCommand = keyof typeof settlementContract;

export function createSettlementHandlers(ws: Workspace): { readonly [K in SettlementCommand]: Handler<K> } {
  void ws;
  return {};
}
