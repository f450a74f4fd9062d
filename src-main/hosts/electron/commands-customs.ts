/**
 * The customs area's command names for the preload bridge (a plain list: the sandboxed preload
 * bundle must not pull the zod contract). preload.ts fails to compile if one is missing.
 */
import type { CommandName } from '../../api/contract.ts';

export const CUSTOMS_COMMANDS = [
  'customs.settings.get', 'customs.settings.save', 'customs.shipping.get', 'customs.shipping.save', 'customs.shipping.saveMany', 'customs.shipping.import',
  'customs.precheck', 'customs.build', 'customs.documents.list', 'customs.documents.get', 'customs.status',
  'customs.summary.apply', 'customs.riskList.get', 'customs.riskList.save',
] as const satisfies readonly CommandName[];
