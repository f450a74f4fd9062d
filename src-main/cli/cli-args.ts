/**
 * The CLI's argument parsing: `parse` with the flags every command takes (--json, --data-dir,
 * --help), option lists by name (`strings`, `flags`), required values and usage errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

const COMMON = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `parse` options that take a value, by name: `parse(args, { ...strings('from', 'to'), ...flags('dry-run') })`. */
export function strings<const K extends string>(...names: K[]): Record<K, { readonly type: 'string' }> {
  return Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as Record<K, { readonly type: 'string' }>;
}

/** `parse` options that are on or off, by name. */
export function flags<const K extends string>(...names: K[]): Record<K, { readonly type: 'boolean' }> {
  return Object.fromEntries(names.map((n) => [n, { type: 'boolean' }])) as Record<K, { readonly type: 'boolean' }>;
}

export function parse<O extends ParseArgsConfig['options']>(
  args: readonly string[],
  options: O,
  allowPositionals?: boolean,
) {
  return parseArgs({
    args: [...args],
    options: { ...COMMON, ...options },
    strict: true,
    allowPositionals: allowPositionals ?? false,
  });
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${name} is required`);
  return v;
}
