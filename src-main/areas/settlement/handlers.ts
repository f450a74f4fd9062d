/** Handlers of the settlement area's commands (contract-settlement.ts), composed from the split files. */
import type { AreaHandlers } from '../area-kit.ts';
import type { settlementContract } from './contract.ts';
import { createForexHandlers } from './forex-handlers.ts';
import { createLedgerHandlers } from './ledger-handlers.ts';
import { createPayoutHandlers } from './payout-handlers.ts';
import type { Workspace } from '../workspace.ts';

export function createSettlementHandlers(ws: Workspace): AreaHandlers<typeof settlementContract> {
  return { ...createLedgerHandlers(ws), ...createPayoutHandlers(ws), ...createForexHandlers(ws) };
}
