/**
 * Handlers of the settlement area's commands (contract.ts): the ledger, payout and forex services
 * (ledger-, payout-, forex-service.ts) are keyed by command and spread as they are.
 */
import type { AreaHandlers } from '../area-kit.ts';
import type { settlementContract } from './contract.ts';
import { createForexService } from './forex-service.ts';
import { createLedgerService } from './ledger-service.ts';
import { createPayoutService } from './payout-service.ts';
import type { Workspace } from '../workspace.ts';

export function createSettlementHandlers(ws: Workspace): AreaHandlers<typeof settlementContract> {
  return { ...createLedgerService(ws), ...createPayoutService(ws), ...createForexService(ws) };
}
