/**
 * Handlers of the payout commands: one line each, the use cases (preview → confirm or discard,
 * list, detail, the netting statement, the bank evidence pack) are in payout-service.ts.
 */
import type { AreaHandlers } from '../area-kit.ts';
import type { settlementContract } from './contract.ts';
import { createPayoutService } from './payout-service.ts';
import type { Workspace } from '../workspace.ts';

type PayoutCommands =
  | 'payouts.preview'
  | 'payouts.confirm'
  | 'payouts.discard'
  | 'payouts.list'
  | 'payouts.get'
  | 'settlement.netting'
  | 'settlement.evidencePack';

export function createPayoutHandlers(ws: Workspace): Pick<AreaHandlers<typeof settlementContract>, PayoutCommands> {
  const payouts = createPayoutService(ws);
  return {
    'payouts.preview': (input) => payouts.preview(input),
    'payouts.confirm': (input) => payouts.confirm(input),
    'payouts.discard': (input) => payouts.discard(input),
    'payouts.list': (input) => payouts.list(input),
    'payouts.get': (input) => payouts.get(input),
    'settlement.netting': (input) => payouts.netting(input),
    'settlement.evidencePack': (input) => payouts.evidencePack(input),
  };
}
