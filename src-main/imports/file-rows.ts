/**
 * A set-up file (shops, warehouses, SKUs, waybills): CSV in any encoding `readTable` knows, or
 * XLSX, its columns found by header (`import.file.missingColumns` {source}), and each data row read
 * with a FieldReader (times in UTC) into a row or a coded rejection.
 */
import { FieldReader, readTableRows, type Column, type TableRows } from './field-reader.ts';
import { findColumns, type FoundColumns, type Spec } from './find-columns.ts';
import { readTable } from './read-table.ts';

/** The headers a file's fields accept, `source` naming the file in `import.file.missingColumns`. */
export interface FileFormat<R extends string, O extends string> {
  readonly source: string;
  readonly required: Spec<R>;
  readonly optional: Spec<O>;
}

/**
 * Claims `key` for this row: a later row of the file with the same key fails on `column` with
 * `code` {params} (the first row keeps it).
 */
export type OncePerFile = (column: Column, key: string, code: string, params: Record<string, string | number>) => void;

export async function readFileRows<R extends string, O extends string, T>(
  bytes: Uint8Array,
  format: FileFormat<R, O>,
  readRow: (r: FieldReader, cols: FoundColumns<R, O>, once: OncePerFile) => T,
): Promise<TableRows<T>> {
  const table = await readTable(bytes);
  const cols = findColumns(table, format.source, format.required, format.optional);
  const seen = new Set<string>();
  return readTableRows(table, (cells, row) => {
    const r = new FieldReader(cells, row, 'UTC');
    return readRow(r, cols, (column, key, code, params) => {
      if (seen.has(key)) r.fail(column, code, params);
      seen.add(key);
    });
  });
}
