/**
 * The customs vocabulary the screens offer, copied from the contract (the renderer may only
 * `import type` from it) and checked against its unions so it cannot drift: the tabs of the
 * page, document types, build modes and settings choices. The document statuses and their chip
 * tones live in `ui/document-status.ts` (the sync screen shows them too).
 */
import type { CebDocumentType, CommandInput, CustomsSettings } from '../../../src-main/api/contract.ts';
import type { QueryOptions } from '../../app/use-query.ts';
import { closedList, memberOf } from '../../ui/closed-list.ts';

type BuildMode = NonNullable<CommandInput<'customs.build'>['modes']>[number];

export const CUSTOMS_TABS = ['build', 'documents', 'corrections', 'headHaul', 'summary', 'settings', 'risk'] as const;
export type CustomsTab = (typeof CUSTOMS_TABS)[number];

export const isCustomsTab = memberOf(CUSTOMS_TABS);

export const DOCUMENT_TYPES = closedList<CebDocumentType>()([
  'CEB303',
  'CEB403',
  'CEB505',
  'CEB603',
  'CEB701',
  'CEB605',
  'CEB213',
]);
export const BUILD_MODES = closedList<BuildMode>()(['9610', '9710', '9810', '1210']);
export const STATISTICS_FLAGS = closedList<CustomsSettings['statisticsFlag']>()(['A', 'B']);
export const APP_STATUSES = closedList<CustomsSettings['appStatus']>()(['1', '2']);

export {
  DOCUMENT_STATUSES,
  isKnownStatus,
  isNegativeCode,
  statusTone,
  type ChipTone,
} from '../../ui/document-status.ts';

/**
 * What the document lists and a document's detail follow: changes by customs and sync commands
 * (`ledger.changed`) and background sync passes that store receipts (`sync.status` events).
 * The forms (settings, risk list, shipping data) follow nothing, so an edit is never overwritten.
 */
export const DOCUMENTS_LIVE = { areas: ['customs', 'sync'], events: ['sync.status'] } as const satisfies QueryOptions;
export const FORM_DATA = { areas: [] } as const satisfies QueryOptions;
