/**
 * The settlement area's command names for the preload bridge (a plain list: the sandboxed preload
 * bundle must not pull the zod contract). preload.ts fails to compile if one is missing.
 */
import type { CommandName } from '../../api/contract.ts';

export const SETTLEMENT_COMMANDS = [
  'settlement.settings.get',
  'settlement.settings.save',
  'rates.list',
  'rates.save',
  'rates.lookup',
  'rates.import',
  'payouts.preview',
  'payouts.confirm',
  'payouts.discard',
  'payouts.list',
  'payouts.get',
  'settlement.netting',
  'settlement.evidencePack',
  'settlement.receipts.record',
  'settlement.receipts.list',
  'settlement.fxReport',
  'settlement.receivablesAgeing',
  'settlement.advances.list',
  'settlement.advances.save',
  'settlement.advances.repay',
  'settlement.thresholds',
  'journal.accounts',
  'journal.entries',
  'journal.trialBalance',
  'journal.reverse',
  'journal.postPeriod',
] as const satisfies readonly CommandName[];
