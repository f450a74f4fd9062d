/**
 * Entry point of the imports folder: bytes of a seller's file → `ParsedImport` (normalised
 * orders + coded rejected rows), nothing written. Reads the table, picks the source (given, or
 * detected from headers, or generic when the generic mapping finds the required fields), and
 * runs that format's parser. File-level problems throw DomainError `import.file.*`. Every row
 * is accounted for: rows read = rows of imported orders + rejected rows + skipped non-order
 * rows, else `import.file.rowsUnaccounted` (a reader or parser lost rows silently).
 */
import { DomainError } from '../core/domain-error.ts';
import type { Currency } from '../core/money/index.ts';
import {
  type ColumnMapping,
  type ImportedOrder,
  type ImportSource,
  type ImportWarning,
  type ParsedImport,
  type RowError,
  REQUIRED_GENERIC_FIELDS,
} from '../core/orders/order.ts';
import { isUnknownStatusWord, type StatusMappings } from '../core/orders/sale-rule.ts';
import { computedTaxNote, totalMismatch } from '../core/orders/total-check.ts';
import { parseAmazonOrders } from './amazon-orders.ts';
import { parseAmazonSettlement } from './amazon-settlement.ts';
import { detectSource } from './detect-source.ts';
import type { FormatOptions, FormatParser } from './format-parser.ts';
import { parseGeneric } from './generic.ts';
import { proposeMapping } from './header-dictionary.ts';
import { normaliseHeader } from './normalise-header.ts';
import { isValidTimeZone } from './parse-dates.ts';
import { READ_LIMITS, readTable, type TableSource } from './read-table.ts';
import type { Scratch } from '../db/scratch.ts';
import { parseShopee } from './shopee.ts';
import { parseShopify } from './shopify.ts';
import { parseTikTok } from './tiktok.ts';

export interface ParseImportOptions {
  /** For the caller's messages only: formats are detected from the content, never the extension. */
  readonly fileName: string;
  readonly source: 'auto' | ImportSource;
  /** IANA zone for local times without an offset (callers default to 'Asia/Shanghai'). */
  readonly timeZone: string;
  /** For files without a currency column (the shop's currency). */
  readonly defaultCurrency: Currency | null;
  /** Generic only: a saved or user-corrected mapping. */
  readonly mapping: ColumnMapping | null;
  /** The shop's own meanings of status words: words mapped there are not listed as unknown. */
  readonly statusMappings?: StatusMappings;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Where a large file's rows and orders spill (issue 16, point 1): with it, the table's rows and
   * the result's `orders` are views of lists in this scratch file (db/scratch.ts), valid until the
   * caller closes it; without it, everything is held in memory (small files, tests).
   */
  readonly scratch?: Scratch | null;
}

const PARSERS: Readonly<Record<Exclude<ImportSource, 'generic'>, FormatParser>> = {
  'amazon-orders': parseAmazonOrders,
  'amazon-settlement': parseAmazonSettlement,
  shopify: parseShopify,
  shopee: parseShopee,
  tiktok: parseTikTok,
};

/** `file`: its bytes, or its path (read in chunks: issue 16, point 1). */
export async function parseImport(file: TableSource, opts: ParseImportOptions): Promise<ParsedImport> {
  if (!isValidTimeZone(opts.timeZone)) throw new DomainError('import.options.badTimeZone', { timeZone: opts.timeZone });
  const table = await readTable(file, READ_LIMITS, opts.scratch ?? null);
  let source: ImportSource | null = opts.source === 'auto' ? detectSource(table.keys) : opts.source;
  if (source === null) {
    const mapping = opts.mapping ?? proposeMapping(table.headers);
    const present = (header: string | null) =>
      header !== null && (table.headers.includes(header) || table.keys.includes(normaliseHeader(header)));
    const found = REQUIRED_GENERIC_FIELDS.every((f) => present(mapping[f]));
    if (!found) throw new DomainError('import.file.unknownSource', { headers: table.headers.slice(0, 10).join(', ') });
    source = 'generic';
  }
  const base = {
    source,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rowCount: table.rows.length,
  };
  const options: FormatOptions = {
    timeZone: opts.timeZone,
    defaultCurrency: opts.defaultCurrency,
    onProgress: opts.onProgress,
  };
  if (source === 'generic') {
    const r = parseGeneric(table, { ...options, mapping: opts.mapping });
    const checked =
      r.unmappedRequired.length > 0
        ? { ...empty, rowsSkipped: base.rowCount }
        : account(base.rowCount, r.orders, r.rejected, r.skipped ?? 0, opts);
    return {
      ...base,
      mapping: r.mapping,
      unmappedRequired: r.unmappedRequired,
      orders: r.orders,
      rejected: r.rejected,
      rejectedOrderNos: r.rejectedOrderNos ?? {},
      ...checked,
    };
  }
  const r = PARSERS[source](table, options);
  return {
    ...base,
    mapping: null,
    unmappedRequired: [],
    orders: r.orders,
    rejected: r.rejected,
    rejectedOrderNos: r.rejectedOrderNos ?? {},
    ...account(base.rowCount, r.orders, r.rejected, r.skipped ?? 0, opts),
  };
}

type Accounting = Pick<ParsedImport, 'warnings' | 'unknownStatuses' | 'rowsImported' | 'rowsRejected' | 'rowsSkipped'>;
const empty: Accounting = { warnings: [], unknownStatuses: {}, rowsImported: 0, rowsRejected: 0, rowsSkipped: 0 };

/** Rows accounted for (or the file refused), total warnings, unknown status words with their order counts. */
function account(
  rowCount: number,
  orders: readonly ImportedOrder[],
  rejected: readonly RowError[],
  rowsSkipped: number,
  opts: ParseImportOptions,
): Accounting {
  const rowsImported = orders.reduce((n, o) => n + o.sourceRows.length, 0);
  const rowsRejected = new Set(rejected.map((e) => e.row)).size;
  if (rowsImported + rowsRejected + rowsSkipped !== rowCount) {
    throw new DomainError('import.file.rowsUnaccounted', {
      read: rowCount,
      imported: rowsImported,
      rejected: rowsRejected,
      skipped: rowsSkipped,
    });
  }
  const warnings: ImportWarning[] = [];
  const unknownStatuses: Record<string, number> = {};
  for (const o of orders) {
    const w = totalMismatch(o);
    if (w !== null) warnings.push(w);
    const c = computedTaxNote(o);
    if (c !== null) warnings.push(c);
    if (isUnknownStatusWord(o.platform, o.platformStatus, opts.statusMappings)) {
      unknownStatuses[o.platformStatus] = (unknownStatuses[o.platformStatus] ?? 0) + 1;
    }
  }
  return { warnings, unknownStatuses, rowsImported, rowsRejected, rowsSkipped };
}
