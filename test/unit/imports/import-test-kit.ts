/**
 * Shared by the import tests: fixture loading, parseImport with test defaults, catching the
 * DomainError a file-level failure throws, and text → bytes helpers.
 */
import { readFileSync } from 'node:fs';
import { DomainError } from '../../../src-main/core/domain-error.ts';
import type { ImportedOrder, ParsedImport } from '../../../src-main/core/orders/order.ts';
import { type ParseImportOptions, parseImport } from '../../../src-main/imports/parse-import.ts';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/imports/${name}`, import.meta.url)));
}

export function stockFixture(name: string): Uint8Array {
  return fixture(`stock/${name}`);
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function parse(bytes: Uint8Array, opts: Partial<ParseImportOptions> = {}): Promise<ParsedImport> {
  return parseImport(bytes, {
    fileName: 'file.csv',
    source: 'auto',
    timeZone: 'Asia/Shanghai',
    defaultCurrency: null,
    mapping: null,
    ...opts,
  });
}

/** The DomainError a failing parse throws; anything else (or success) fails the test. */
export async function thrown(run: Promise<unknown>): Promise<DomainError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the import to fail with a DomainError');
}

export function fileError(bytes: Uint8Array, opts: Partial<ParseImportOptions> = {}): Promise<DomainError> {
  return thrown(parse(bytes, opts));
}

/** `[code, params]` of the DomainError a stock parser throws for the whole file. */
export async function stockFileError(run: Promise<unknown>): Promise<[string, Record<string, string | number>]> {
  const e = await thrown(run);
  return [e.code, e.params];
}

export function byNo(result: ParsedImport, orderNo: string): ImportedOrder {
  const order = result.orders.find((o) => o.orderNo === orderNo);
  if (order === undefined) throw new Error(`order ${orderNo} not imported`);
  return order;
}
