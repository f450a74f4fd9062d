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
  type ImportSource,
  type ImportWarning,
  type RowError,
} from '../../core/orders/order.ts';
import type { OrderListItem } from '../../core/orders/order-views.ts';
import type { Minor } from '../../core/money/index.ts';
import { empty, id, result } from '../contract-kit.ts';

/** Import files travel base64-encoded in the command body; this caps them (~150 MB of file). */
export const MAX_IMPORT_BASE64 = 200 * 1024 * 1024;

/**
 * Where a file's orders go, by the month of their order day (issue 17 point 1g): what is new /
 * updated / unchanged there, and how many are held back because the month is closed.
 */
export interface ImportMonth {
  readonly month: string;
  readonly closed: boolean;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
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

export interface ImportPreview {
  readonly previewId: string;
  readonly fileName: string;
  readonly source: ImportSource;
  readonly encoding: string;
  readonly delimiter: string | null;
  readonly headers: readonly string[];
  /** The generic importer's column mapping (proposed or saved); null for platform formats. */
  readonly mapping: ColumnMapping | null;
  /** Required generic fields with no column yet: confirm is refused until they are mapped. */
  readonly unmappedRequired: readonly string[];
  readonly orders: number;
  readonly lines: number;
  /** Orders that would be new / updated / unchanged if confirmed now (held-back orders not included). */
  readonly counts: { readonly new: number; readonly updated: number; readonly unchanged: number };
  /** The file's orders by month (closed months marked), and the orders a closed month holds back. */
  readonly months: readonly ImportMonth[];
  readonly heldBack: readonly HeldBackOrder[];
  readonly rejected: readonly RowError[];
  /** The order number of each rejected row that has one, by row number. */
  readonly rejectedOrderNos: Readonly<Record<number, string>>;
  /** Per-order remarks that reject nothing: `import.order.totalMismatch` {orderNo, stated, computed, difference, currency}. */
  readonly warnings: readonly ImportWarning[];
  /** Status words no table and no mapping of the shop knows, with their order counts: map them before confirming, or they stay `unknown`. */
  readonly unknownStatuses: Readonly<Record<string, number>>;
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

export interface ImportSummary {
  readonly importId: number;
  readonly source: ImportSource;
  readonly encoding: string;
  readonly orders: number;
  readonly lines: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RowError[];
  readonly rejectedOrderNos: Readonly<Record<number, string>>;
  readonly warnings: readonly ImportWarning[];
  /** Words mapped by this confirm, how many stored orders each re-classified, and how many closed months kept as they were. */
  readonly mapped: readonly {
    readonly word: string;
    readonly status: string;
    readonly reclassified: number;
    readonly heldBack: readonly { readonly month: string; readonly orders: number }[];
  }[];
  /** Where the orders went, by month, and the orders not written because their month is closed. */
  readonly months: readonly ImportMonth[];
  readonly heldBack: readonly HeldBackOrder[];
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
  'imports.discard': {
    input: z.object({ previewId: z.string().max(64) }).strict(),
    result: result<{ readonly discarded: boolean }>(),
    mutates: false,
  },
  'imports.rejectedCsv': {
    input: z.object({ previewId: z.string().max(64) }).strict(),
    result: result<{ readonly fileName: string; readonly csv: string }>(),
    mutates: false,
  },
  'imports.mappings.list': { input: empty, result: result<readonly SavedMapping[]>(), mutates: false },
} as const;
