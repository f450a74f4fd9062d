/**
 * Issue 16, point 1: with a scratch file, a table's rows, an XLSX's shared strings and the grouped
 * orders spill there (db/scratch.ts) — the result must be the very one the in-memory reading gives,
 * rows of one order apart in the file included; an XLSX whose worksheet waits for its shared
 * strings goes through a metered temporary copy that is removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedImport } from '../../../src-main/core/orders/order.ts';
import { Scratch, spilledListOf } from '../../../src-main/db/scratch.ts';
import { READ_LIMITS, readTable } from '../../../src-main/imports/read-table.ts';
import { fixture, parse, thrown, utf8 } from './import-test-kit.ts';

let dir: string;
let scratch: Scratch;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-spill-test-'));
  scratch = new Scratch(dir);
});
afterEach(() => {
  scratch.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const plain = (r: ParsedImport) => ({ ...r, orders: [...r.orders] });

/** The data rows of a CSV reordered: even rows first, then odd ones, so an order's rows are apart. */
function interleaved(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const [header = [], ...rows] = Papa.parse<string[]>(text.trim()).data;
  const order = [...rows.filter((_, i) => i % 2 === 0), ...rows.filter((_, i) => i % 2 === 1)];
  return utf8(Papa.unparse([header, ...order]) + '\r\n');
}

describe('spilled reading and grouping', () => {
  const cases: Array<[string, Parameters<typeof parse>[1]]> = [
    ['shopee-orders-my.csv', { defaultCurrency: 'MYR', timeZone: 'Asia/Kuala_Lumpur' }],
    ['shopify-orders-usd.csv', {}],
    ['shopify-orders-all-rejected.csv', {}],
    ['amazon-all-orders-us.txt', {}],
    ['amazon-settlement-de.txt', {}],
    ['erp-orders-utf8-bom.csv', {}],
    ['tiktok-orders-us.csv', { defaultCurrency: 'USD' }],
  ];
  it.each(cases)('gives the in-memory result for %s', async (name, opts) => {
    const inMemory = await parse(fixture(name), opts);
    const spilled = await parse(fixture(name), { ...opts, scratch });
    expect(spilledListOf(spilled.orders)).not.toBeNull();
    expect(plain(spilled)).toEqual(plain(inMemory));
  });

  it('reads a CSV with bad rows and a cut-off last line the same way', async () => {
    const text = new TextDecoder().decode(fixture('shopify-orders-usd.csv')).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split(/\r?\n/);
    const bad = [...lines.slice(0, 3), lines[3] + ',extra', '"open quote,' + lines[4], ...lines.slice(5)].join('\n');
    const opts = { defaultCurrency: 'USD' as const };
    expect(plain(await parse(utf8(bad + '\n'), { ...opts, scratch }))).toEqual(
      plain(await parse(utf8(bad + '\n'), opts)),
    );
    const cut = bad + '\n' + lines[1]!.slice(0, 12);
    const inMemory = await thrown(parse(utf8(cut), opts));
    expect(inMemory.code).toBe('import.file.truncated');
    expect(await thrown(parse(utf8(cut), { ...opts, scratch }))).toEqual(inMemory);
  });

  it('groups the rows of one order that are far apart in the file, in the order of their first row', async () => {
    const bytes = interleaved(fixture('shopee-orders-my.csv'));
    const opts = { defaultCurrency: 'MYR' as const, timeZone: 'Asia/Kuala_Lumpur' };
    const inMemory = await parse(bytes, opts);
    const spilled = await parse(bytes, { ...opts, scratch });
    expect(inMemory.orders.some((o) => o.sourceRows.length > 1)).toBe(true);
    expect(plain(spilled)).toEqual(plain(inMemory));
  });
});

/** A workbook written with its worksheet ahead of the shared strings, as Excel stores them. */
async function workbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('orders');
  ws.addRow(['Order ID', 'Note']);
  for (let i = 0; i < rows; i++) ws.addRow([`A${i}`, `note ${i % 7}`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same bytes with the end record pointing nowhere: the directory is unreadable, a sequential reader gets through. */
function withoutDirectory(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = out.length - 22; i >= 0; i--) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x05 && out[i + 3] === 0x06) {
      out.fill(0xff, i + 16, i + 20); // offset of the central directory
      return out;
    }
  }
  throw new Error('no end record');
}

const leftovers = () => fs.readdirSync(dir).filter((f) => !f.startsWith('scratch-'));

describe('XLSX with the worksheet before the shared strings', () => {
  it('reads the rows with the shared strings from the scratch file, the same as in memory', async () => {
    const bytes = await workbook(3000);
    const inMemory = await readTable(bytes);
    const spilled = await readTable(bytes, READ_LIMITS, scratch);
    expect([...spilled.rows]).toEqual([...inMemory.rows]);
    expect(spilled.rows[2999]).toEqual(['A2999', 'note 3']);
  });

  it('meters the temporary copy of a worksheet that waits for the shared strings, and removes it', async () => {
    const bytes = withoutDirectory(await workbook(3000));
    const table = await readTable(bytes, READ_LIMITS, scratch);
    expect(table.rowNumbers.length).toBe(3000);
    expect(leftovers()).toEqual([]);
    const e = await thrown(readTable(bytes, { ...READ_LIMITS, maxSheetBytes: 20_000 }, scratch));
    expect(e.code).toBe('import.file.compressedTooMuch');
    expect(e.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', maxBytes: 20_000 });
    expect(leftovers()).toEqual([]);
  });
});
