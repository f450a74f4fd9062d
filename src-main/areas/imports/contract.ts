/**
 * Commands of the imports area: preview a marketplace or ERP file, confirm it in one
 * transaction, rejected rows as CSV, saved column mappings.
 */
import { z } from 'zod';
import {
  GENERIC_FIELDS,
  IMPORT_SOURCES,
  MAPPABLE_STATUSES,
  type ColumnMapping,
  type ParsedImport,
} from '../../core/orders/order.ts';
import type { OrderListItem } from '../../core/orders/order-views.ts';
import type { Minor } from '../../core/money/index.ts';
import type { MAX_FILE_BYTES } from '../../imports/read-table.ts';
import { discardPreviewCommand, empty, id, previewIdInput, result } from '../contract-kit.ts';

/**
 * The largest import file (200 MiB), as a type the renderer can import (`import type` only): the
 * import wizard's copy of the figure must be this literal, so it refuses exactly what the host would.
 */
export type MaxImportFileBytes = typeof MAX_FILE_BYTES;

/** Import files travel base64-encoded in the command body; this caps them (~150 MB of file). */
export const MAX_IMPORT_BASE64 = 200 * 1024 * 1024;

/** Orders of a file that are (or would be) new, updates of stored orders, or unchanged. */
export interface ChangeCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Where a file's orders go, by the month of their order day (issue 17 point 1g): what is new /
 * updated / unchanged there, and how many are held back because the month is closed.
 */
export interface ImportMonth extends ChangeCounts {
  readonly month: string;
  readonly closed: boolean;
  readonly heldBack: number;
}

/** An order not written because its month is closed: new, or an update of the stored order. */
export interface HeldBackOrder {
  readonly orderNo: string;
  readonly code: 'period.closed';
  readonly month: string;
  readonly date: string;
  readonly change: 'new' | 'updated';
}

/**
 * What the parse of the file found, as core/orders/order.ts `ParsedImport` states it: `mapping` is
 * the generic importer's column mapping (proposed or saved; null for platform formats), and confirm
 * is refused while `unmappedRequired` (required generic fields with no column yet) is not empty.
 */
export interface ImportPreview extends Pick<
  ParsedImport,
  | 'source'
  | 'encoding'
  | 'delimiter'
  | 'headers'
  | 'mapping'
  | 'unmappedRequired'
  | 'rejected'
  | 'rejectedOrderNos'
  | 'warnings'
  | 'unknownStatuses'
> {
  readonly previewId: string;
  readonly fileName: string;
  readonly orders: number;
  readonly lines: number;
  /** Orders that would be new / updated / unchanged if confirmed now (held-back orders not included). */
  readonly counts: ChangeCounts;
  /** The file's orders by month (closed months marked), and the orders a closed month holds back. */
  readonly months: readonly ImportMonth[];
  readonly heldBack: readonly HeldBackOrder[];
  /** Rows read = rows imported (continuation rows included) + rows rejected + rows skipped (not order rows). */
  readonly rows: {
    readonly read: number;
    readonly imported: number;
    readonly rejected: number;
    readonly skipped: number;
  };
  /** Per currency: orders and gross (minor units) of what would be imported. */
  readonly totals: Readonly<Record<string, { readonly orders: number; readonly gross: Minor }>>;
  /** The first orders, for the preview table. */
  readonly sample: readonly OrderListItem[];
}

/**
 * A confirmed import: what was written (where the orders went by month, and those a closed month
 * held back), with the parse's rejected rows and remarks as the preview showed them.
 */
export interface ImportSummary
  extends
    ChangeCounts,
    Pick<
      ImportPreview,
      'source' | 'encoding' | 'orders' | 'lines' | 'rejected' | 'rejectedOrderNos' | 'warnings' | 'months' | 'heldBack'
    > {
  readonly importId: number;
  /** Words mapped by this confirm, how many stored orders each re-classified, and how many closed months kept as they were. */
  readonly mapped: readonly {
    readonly word: string;
    readonly status: string;
    readonly reclassified: number;
    readonly heldBack: readonly { readonly month: string; readonly orders: number }[];
  }[];
}

export interface SavedMapping {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly savedAt: string;
}

/** Fields added after mappings were first saved: a caller that does not know them sends none. */
const LATER_FIELDS: ReadonlySet<string> = new Set(['orderTotal']);
const columnMapping = z
  .object(
    Object.fromEntries(
      GENERIC_FIELDS.map((f) => {
        const column = z.string().max(200).nullable();
        return [f, LATER_FIELDS.has(f) ? column.default(null) : column];
      }),
    ) as Record<(typeof GENERIC_FIELDS)[number], z.ZodNullable<z.ZodString>>,
  )
  .strict();

export const importsContract = {
  'imports.preview': {
    input: z
      .object({
        fileName: z.string().min(1).max(260),
        /** The file as base64 (small files, the CLI's tests), or `fileRef`: an upload in tmp/imports (import-files.ts); exactly one. */
        contentBase64: z.string().max(MAX_IMPORT_BASE64).optional(),
        fileRef: z.string().max(200).optional(),
        source: z.enum(['auto', ...IMPORT_SOURCES]),
        shopId: id.nullable().optional(),
        mapping: columnMapping.nullable().optional(),
        mappingName: z.string().max(100).nullable().optional(),
      })
      .strict(),
    result: result<ImportPreview>(),
    mutates: false,
    maxBodyBytes: MAX_IMPORT_BASE64 + 64 * 1024,
  },
  'imports.confirm': {
    input: z
      .object({
        previewId: z.string().max(64),
        saveMappingAs: z.string().max(100).nullable().optional(),
        /** Required when rows were rejected: import the valid rows and leave the rejected ones out (all-or-nothing otherwise). */
        acceptValidRows: z.boolean().optional(),
        /** The user's meaning of unknown status words, saved for the shop in the confirm transaction. */
        statusMappings: z.record(z.string().min(1).max(100), z.enum(MAPPABLE_STATUSES)).optional(),
      })
      .strict(),
    result: result<ImportSummary>(),
    mutates: true,
  },
  'imports.discard': discardPreviewCommand,
  'imports.rejectedCsv': {
    input: previewIdInput,
    result: result<{ readonly fileName: string; readonly csv: string }>(),
    mutates: false,
  },
  'imports.mappings.list': { input: empty, result: result<readonly SavedMapping[]>(), mutates: false },
} as const;
