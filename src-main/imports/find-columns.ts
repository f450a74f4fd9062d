/**
 * Resolves a format's columns by normalised header. A missing required column is a file-level
 * `import.file.missingColumns` {source, columns} (e.g. a file forced to the wrong source);
 * optional columns are null when absent. Each field lists the header spellings it accepts.
 */
import { DomainError } from '../core/domain-error.ts';
import { type Column, findColumn } from './field-reader.ts';
import type { Table } from './read-table.ts';

export type Spec<K extends string> = Readonly<Record<K, readonly string[]>>;
/** The columns `findColumns` found: every required one, the optional ones or null. */
export type FoundColumns<R extends string, O extends string> = { readonly [K in R]: Column } & {
  readonly [K in O]: Column | null;
};

export function findColumns<R extends string, O extends string>(
  table: Pick<Table, 'headers' | 'keys'>,
  source: string,
  required: Spec<R>,
  optional: Spec<O>,
): FoundColumns<R, O> {
  const out: Record<string, Column | null> = {};
  const missing: string[] = [];
  for (const [field, keys] of Object.entries<readonly string[]>(required)) {
    const col = findColumn(table, ...keys);
    if (col === null) missing.push(keys[0] ?? field);
    out[field] = col;
  }
  if (missing.length > 0) throw new DomainError('import.file.missingColumns', { source, columns: missing.join(', ') });
  for (const [field, keys] of Object.entries<readonly string[]>(optional)) out[field] = findColumn(table, ...keys);
  return out as FoundColumns<R, O>;
}
