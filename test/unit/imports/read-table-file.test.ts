/**
 * A file read from its path (issue 16, point 1): decoded and parsed in chunks, never whole; the
 * result must be the one its bytes give, whatever the chunk size (a character, a quoted field or
 * a line split between two chunks).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Scratch } from '../../../src-main/db/scratch.ts';
import { READ_LIMITS, readTable, readTableFile, type Table } from '../../../src-main/imports/read-table.ts';

const dirs: string[] = [];
const scratches: Scratch[] = [];
afterEach(() => {
  for (const s of scratches.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fileOf(bytes: Uint8Array, name = 'orders.csv'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-read-file-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function scratch(): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kj-read-scratch-'));
  dirs.push(dir);
  const s = new Scratch(dir);
  scratches.push(s);
  return s;
}

const plain = (t: Table) => ({
  encoding: t.encoding,
  delimiter: t.delimiter,
  headers: t.headers,
  rows: [...t.rows],
  rowNumbers: t.rowNumbers,
  rowErrors: t.rowErrors,
});

async function errorOf(p: Promise<unknown>): Promise<{ code: string; params: unknown }> {
  try {
    await p;
  } catch (e) {
    const { code, params } = e as { code: string; params: unknown };
    return { code, params };
  }
  throw new Error('no error');
}

/** GBK/GB18030 中 = D6 D0, 文 = CE C4 (two bytes each). */
const ZHONG_WEN = [0xd6, 0xd0, 0xce, 0xc4];

describe('a CSV read from its path in chunks', () => {
  it('decodes GB18030 when chunk boundaries fall inside a two-byte character', async () => {
    const bytes: number[] = [...Buffer.from('name,qty\r\n')];
    for (let r = 0; r < 40; r++) {
      for (let i = 0; i < 5; i++) bytes.push(...ZHONG_WEN);
      bytes.push(...Buffer.from(`,${r}\r\n`));
    }
    const file = fileOf(new Uint8Array(bytes));
    const whole = await readTable(new Uint8Array(bytes));
    expect(whole.encoding).toBe('gb18030');
    expect(whole.rows[0]).toEqual(['中文中文中文中文中文', '0']);
    // odd chunk sizes: many boundaries fall between the two bytes of a character
    for (const chunk of [3, 7, 13, 64]) {
      const t = await readTableFile(file, READ_LIMITS, scratch(), chunk);
      expect(plain(t)).toEqual(plain(whole));
    }
  });

  it('reads quoted fields holding line ends and delimiters across chunks as its bytes read', async () => {
    const text =
      '\uFEFFName,Note,Total\r\n#1001,"line one\r\nline two, with comma",12.50\r\n#1002,"say ""hi""",3\r\n' +
      '#1003,x\r\n#1004,"never closed,1\r\n';
    const bytes = new Uint8Array(Buffer.from(text));
    const file = fileOf(bytes);
    const whole = await readTable(bytes, READ_LIMITS, scratch());
    for (const chunk of [1, 5, 11, 4096]) {
      const t = await readTableFile(file, READ_LIMITS, scratch(), chunk);
      expect(plain(t)).toEqual(plain(whole));
    }
    expect(whole.encoding).toBe('utf-8-bom');
    expect(whole.rowErrors.map((e) => e?.code ?? null)).toEqual([
      null,
      null,
      'import.row.columnCount',
      'import.row.columnCount', // the never-closed quote swallows the line end: one field short
    ]);
  });

  it('refuses a file cut inside a UTF-8 character as truncated, naming the last good row', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,é'), Buffer.from([0xe4, 0xb8])]);
    const file = fileOf(bytes);
    const expected = await errorOf(readTable(new Uint8Array(bytes), READ_LIMITS, scratch()));
    expect(expected).toEqual({ code: 'import.file.truncated', params: { lastGoodRow: 2 } });
    expect(await errorOf(readTableFile(file, READ_LIMITS, scratch(), 3))).toEqual(expected);
  });

  it('refuses NUL bytes anywhere in a file without a BOM as binary, not only in its first chunk', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n' + '1,2\n'.repeat(100)), Buffer.from([0])]);
    const file = fileOf(bytes);
    expect((await errorOf(readTableFile(file, READ_LIMITS, scratch(), 16))).code).toBe('import.file.binary');
  });
});

describe('a TSV read from its path in chunks (issue 16, point 1: never read whole)', () => {
  const amazon =
    'amazon-order-id\tpurchase-date\tproduct-name\tquantity\r\n' +
    '111-1\t2026-01-02T03:04:05+00:00\t"Deluxe" mug, 12 oz\t1\r\n' +
    '111-2\t2026-01-02T03:04:06+00:00\tplain\t2\r\n';
  const quoted = 'Order\tNote\tQty\n1\t"line one\nline two\twith tab"\t2\n2\t"say ""hi"""\t3\n3\tshort\n';
  // a product name opening with `"` in an unquoted TSV: the plain reading has fewer rows of the wrong width
  const fallback = 'Order\tName\tQty\n1\t"Big" box\t2\n2\tcup\t3\n3\t"Red" pen\t4\n4\tink\t5\n';
  const noQuote = 'Order\tName\tQty\r\n1\tbox\t2\r\n2\tcup\t3\r';
  const cases: Array<[string, string]> = [
    ['an Amazon flat file (quotes are text)', amazon],
    ['quoted fields holding line ends and tabs', quoted],
    ['the quote fallback (a name opening with a quote)', fallback],
    ['no quote at all, old Mac line ends', noQuote],
  ];
  for (const [what, text] of cases)
    it(`reads ${what} as its bytes read, whatever the chunk size, without reading the file whole`, async () => {
      const bytes = new Uint8Array(Buffer.from(text));
      const file = fileOf(bytes, 'orders.txt');
      const whole = await readTable(bytes);
      expect(whole.delimiter).toBe('\t');
      const readWhole = vi.spyOn(fs, 'readFileSync');
      try {
        for (const chunk of [1, 2, 5, 17, 4096]) {
          const t = await readTableFile(file, READ_LIMITS, scratch(), chunk);
          expect(plain(t)).toEqual(plain(whole));
        }
        expect(readWhole).not.toHaveBeenCalled();
      } finally {
        readWhole.mockRestore();
      }
    });

  it('refuses a TSV whose last line stops short without a line end, or that is cut inside a character, as truncated', async () => {
    for (const bytes of [
      Buffer.from('a\tb\tc\n1\t2\t3\n4\t5'),
      Buffer.concat([Buffer.from('a\tb\n1\t2\n3\té'), Buffer.from([0xe4, 0xb8])]),
    ]) {
      const expected = await errorOf(readTable(new Uint8Array(bytes), READ_LIMITS, scratch()));
      expect(expected).toEqual({ code: 'import.file.truncated', params: { lastGoodRow: 2 } });
      expect(await errorOf(readTableFile(fileOf(bytes, 'cut.txt'), READ_LIMITS, scratch(), 3))).toEqual(expected);
    }
  });

  it('stops a TSV past the row limit as import.file.tooManyRows', async () => {
    const file = fileOf(Buffer.from('a\tb\n' + '1\t2\n'.repeat(20)), 'many.txt');
    const limits = { ...READ_LIMITS, maxRows: 10 };
    expect(await errorOf(readTableFile(file, limits, scratch(), 7))).toEqual({
      code: 'import.file.tooManyRows',
      params: { maxRows: 10 },
    });
  });
});

describe('an XLSX read from its path', () => {
  it('streams the sheet range by range and reads what its bytes read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('orders');
    ws.addRow(['订单号', '数量', '金额']);
    for (let i = 0; i < 50; i++) ws.addRow([`SO-${i}`, i, i + 0.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = fileOf(bytes, 'orders.xlsx');
    const whole = await readTable(bytes, READ_LIMITS, scratch());
    const t = await readTableFile(file, READ_LIMITS, scratch());
    expect(plain(t)).toEqual(plain(whole));
    expect(t.rows.length).toBe(50);
  });
});
