/**
 * The bench section `rss`'s input files (issue 16, point 1), made once and cached under the system's
 * temp folder (`kuajing-bench-rss-cache/`, named by shape, size and seed; RSS_CACHE=0 makes them
 * again), so a re-run starts at once.
 * - `shopeeXlsx(rows)`: a Shopee-shaped XLSX as Shopee writes it — a shared-strings table for every
 *   text cell, number cells for amounts and quantities, the ship time an Excel date cell (a serial
 *   number with a `yyyy-mm-dd hh:mm` style). The sheet XML is written row by row straight into a
 *   streamed ZIP (fflate's `Zip` + `ZipDeflate`), the worksheet first and the shared strings after
 *   it (known only once every row is written); exceljs' workbook writer took over 20 minutes for
 *   1,000,000 rows, this takes about a minute.
 * - `shopifyCsv(bytes)`: a Shopify orders CSV of about `bytes` bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { iterateDemoOrders } from '../../src-main/imports/demo/demo-orders.ts';
import { SHOPEE_HEADERS, SHOPIFY_HEADERS, shopeeRows, shopifyRows } from '../../src-main/imports/demo/demo-rows.ts';
import { csvRow } from '../../src-main/imports/demo/delimited-rows.ts';

const SEED = 16_001;
/** Bumped when a generator's output changes, so an old cached file is not used. */
const VERSION = 1;

function cacheDir(): string {
  const dir = path.join(os.tmpdir(), 'kuajing-bench-rss-cache');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The cached file `name`, else `make(tmp)` writes it (to a temporary name, renamed when complete). */
async function cached(name: string, make: (file: string) => Promise<void> | void): Promise<string> {
  const file = path.join(cacheDir(), name);
  if (process.env.RSS_CACHE !== '0' && fs.existsSync(file)) {
    console.log(`  cached ${file}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
    return file;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  const t = performance.now();
  try {
    await make(tmp);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  console.log(
    `  generated ${file}: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  return file;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's serial day number of a Date holding wall time in its UTC fields (1900 date system). */
const excelSerial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const STATIC_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    '</Types>',
  '_rels/.rels':
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml':
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheets><sheet name="orders" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  'xl/styles.xml':
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '</styleSheet>',
};

/** Writes the workbook to `file`, the worksheet streamed; resolves when the ZIP is complete on disk. */
async function writeShopeeXlsx(file: string, rows: number): Promise<void> {
  const fd = fs.openSync(file, 'w');
  let failed: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, data, final) => {
      if (err) failed = err;
      else fs.writeSync(fd, data);
      if (failed) reject(failed);
      else if (final) resolve();
    });
    const add = (name: string, text: string) => {
      const part = new ZipDeflate(name, { level: 6 });
      zip.add(part);
      part.push(Buffer.from(text), true);
    };
    for (const [name, text] of Object.entries(STATIC_PARTS)) add(name, text);
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    zip.add(sheet);
    const strings = new Map<string, number>();
    let stringRefs = 0;
    const cols = SHOPEE_HEADERS.map((_, i) => columnName(i));
    const cell = (r: number, i: number, v: string | number | Date): string => {
      const ref = `${cols[i]}${r}`;
      if (v === '') return '';
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
      if (v instanceof Date) return `<c r="${ref}" s="1"><v>${excelSerial(v)}</v></c>`;
      let at = strings.get(v);
      if (at === undefined) strings.set(v, (at = strings.size));
      stringRefs++;
      return `<c r="${ref}" t="s"><v>${at}</v></c>`;
    };
    let chunk = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`;
    const flush = (final: boolean) => {
      sheet.push(Buffer.from(chunk), final);
      chunk = '';
    };
    let r = 0;
    const row = (values: readonly (string | number | Date)[]) => {
      r++;
      chunk += `<row r="${r}">`;
      for (let i = 0; i < values.length; i++) chunk += cell(r, i, values[i]!);
      chunk += '</row>';
      if (chunk.length > 1 << 20) flush(false);
    };
    row(SHOPEE_HEADERS);
    outer: for (const o of iterateDemoOrders({ seed: SEED, orders: rows, platform: 'shopee' })) {
      for (const values of shopeeRows(o)) {
        if (r > rows) break outer;
        row(values);
      }
    }
    chunk += '</sheetData></worksheet>';
    flush(true);
    const sst = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
    zip.add(sst);
    let text = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${stringRefs}" uniqueCount="${strings.size}">`;
    for (const s of strings.keys()) {
      text += `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`;
      if (text.length > 1 << 20) {
        sst.push(Buffer.from(text));
        text = '';
      }
    }
    sst.push(Buffer.from(text + '</sst>'), true);
    zip.end();
  });
  try {
    await done;
  } finally {
    fs.closeSync(fd);
  }
}

/** A Shopee orders XLSX of `rows` data rows (cached). */
export function shopeeXlsx(rows: number): Promise<string> {
  return cached(`shopee-orders-${rows}-s${SEED}-v${VERSION}.xlsx`, (file) => writeShopeeXlsx(file, rows));
}

/** A Shopify orders CSV of about `bytes` bytes (cached). */
export function shopifyCsv(bytes: number): Promise<string> {
  return cached(`shopify-orders-${bytes}-s${SEED}-v${VERSION}.csv`, (file) => {
    const fd = fs.openSync(file, 'w');
    let size = 0;
    let text = csvRow([...SHOPIFY_HEADERS]) + '\n';
    try {
      for (const o of iterateDemoOrders({ seed: SEED, orders: Math.ceil(bytes / 150), platform: 'shopify' })) {
        for (const r of shopifyRows(o)) text += csvRow(r) + '\n';
        if (text.length > 1 << 20) {
          size += fs.writeSync(fd, text);
          text = '';
        }
        if (size >= bytes) break;
      }
      if (text !== '') fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
  });
}
