/** Handlers of the settlement area's commands (contract-settlement.ts), composed from the split files. */
import type { Handler } from './handlers.ts';
import type { settlementContract } from './contract-settlement.ts';
import { createForexHandlers } from './settlement-forex-handlers.ts';
import { createLedgerHandlers } from './settlement-ledger-handlers.ts';
import { createPayoutHandlers } from './settlement-payout-handlers.ts';
import type { Workspace } from './workspace.ts';

type SettlementCommand = keyof typeof settlementContract;

export function createSettlementHandlers(ws: Workspace): { readonly [K in SettlementCommand]: Handler<K> } {
  return { ...createLedgerHandlers(ws), ...createPayoutHandlers(ws), ...createForexHandlers(ws) };
}
