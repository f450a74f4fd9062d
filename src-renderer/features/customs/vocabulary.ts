/**
 * The customs vocabulary the screens offer, copied from the contract (the renderer may only
 * `import type` from it) and checked against its unions so it cannot drift: the tabs of the
 * page, document types, build modes, settings choices, and how each document status reads
 * (chip label key and tone) along draft → validated → queued → sent → 2 → 120/100 → 800 → 399/899.
 */
import type { CebDocumentType, CommandInput, CustomsSettings } from '../../../src-main/api/contract.ts';

type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : never;
type BuildMode = NonNullable<CommandInput<'customs.build'>['modes']>[number];

export const CUSTOMS_TABS = ['build', 'documents', 'summary', 'settings', 'risk'] as const;
export type CustomsTab = (typeof CUSTOMS_TABS)[number];

export function isCustomsTab(value: string): value is CustomsTab {
  return (CUSTOMS_TABS as readonly string[]).includes(value);
}

export const DOCUMENT_TYPES = ['CEB303', 'CEB403', 'CEB505', 'CEB603', 'CEB701'] as const satisfies readonly CebDocumentType[];
export const BUILD_MODES = ['9610', '9710', '9810', '1210'] as const satisfies readonly BuildMode[];
export const STATISTICS_FLAGS = ['A', 'B'] as const satisfies readonly CustomsSettings['statisticsFlag'][];
export const APP_STATUSES = ['1', '2'] as const satisfies readonly CustomsSettings['appStatus'][];

const covered: readonly true[] = [
  true satisfies Covers<CebDocumentType, typeof DOCUMENT_TYPES>,
  true satisfies Covers<BuildMode, typeof BUILD_MODES>,
  true satisfies Covers<CustomsSettings['statisticsFlag'], typeof STATISTICS_FLAGS>,
  true satisfies Covers<CustomsSettings['appStatus'], typeof APP_STATUSES>,
];
void covered;

/** The statuses a document passes through, in order, for the filter and the chips. */
export const DOCUMENT_STATUSES = [
  'draft', 'validated', 'queued', 'sent', 'error', '1', '2', '3', '4', '100', '120', '300', '399', '500', '505', '600', '800', '899',
] as const;
type KnownStatus = (typeof DOCUMENT_STATUSES)[number];

export type ChipTone = 'muted' | 'info' | 'ok' | 'warn';

const TONES: Readonly<Record<KnownStatus, ChipTone>> = {
  draft: 'muted', validated: 'muted', queued: 'info', sent: 'info', error: 'warn',
  '1': 'info', '2': 'info', '3': 'info', '4': 'warn', '100': 'warn', '120': 'ok', '300': 'info', '399': 'ok',
  '500': 'info', '505': 'info', '600': 'warn', '800': 'ok', '899': 'ok',
};

export function isKnownStatus(status: string): status is KnownStatus {
  return (DOCUMENT_STATUSES as readonly string[]).includes(status);
}

/** A negative returnStatus is a processing error of the e-port or customs. */
export function isNegativeCode(code: string | null): boolean {
  return code !== null && /^-\d+$/.test(code);
}

export function statusTone(status: string): ChipTone {
  if (isNegativeCode(status)) return 'warn';
  return isKnownStatus(status) ? TONES[status] : 'info';
}
