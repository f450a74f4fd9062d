/**
 * Bytes → a table of text cells. XLSX (ZIP magic) is streamed from its first sheet with exceljs
 * (xlsx-stream.ts; limits in READ_LIMITS); CSV/TSV are read row by row;
 * text is decoded by BOM (UTF-8, UTF-16LE/BE), else strict UTF-8, else GB18030 (GBK's superset),
 * and split with papaparse on the delimiter counted on the header line (tab, comma, semicolon).
 * File-level problems throw `import.file.*`; a bad row (wrong column count, a field over 10,000
 * characters, an unterminated quote) is kept with its RowError so its whole order can be rejected.
 * Row numbers are the file's records (header = 1) or the sheet's row numbers for XLSX.
 * Amazon flat files (tab-separated, lower-case hyphenated headers: All Orders, Order Report,
 * settlement files) are split on tabs and line ends only, as Amazon writes them: a product name
 * that opens with `"` is text, never a quote. A file that ends inside a UTF-8 character, or whose
 * last line stops short of the header's width without a line end, throws `import.file.truncated`
 * {lastGoodRow} (the last complete record), not `import.file.binary` or a rejected row.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '../core/domain-error.ts';
import type { RowError } from '../core/orders/order.ts';
import { normaliseHeader } from './normalise-header.ts';
import type { Scratch, SpilledList } from '../db/scratch.ts';
import type { XlsxLimits } from './xlsx-stream.ts';
import { checkZipExpansion, MAX_PART_BYTES, MAX_SHEET_BYTES, MAX_TOTAL_BYTES, readZipTail } from './zip-expansion.ts';

export interface Table {
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030' or 'xlsx'. */
  readonly encoding: string;
  readonly delimiter: string | null;
  /** Header text as the file has it (BOM stripped); used in messages and RowError.column. */
  readonly headers: readonly string[];
  /** `normaliseHeader` of each header, for matching. */
  readonly keys: readonly string[];
  /** Non-blank data rows, each padded to the header width. */
  readonly rows: readonly (readonly string[])[];
  readonly rowNumbers: readonly number[];
  /** Per row: the reading problem that rejects it, or null. */
  readonly rowErrors: readonly (RowError | null)[];
}

export const MAX_FIELD_LENGTH = 10_000;

/**
 * Every data row read is imported, rejected or a continuation row of a multi-row order, else the
 * file is refused (`import.file.rowsUnaccounted` {read, imported, rejected}): nothing is silently dropped.
 */
export function checkRowsAccounted(read: number, imported: number, rejected: number, continuation = 0): void {
  if (read !== imported + rejected + continuation)
    throw new DomainError('import.file.rowsUnaccounted', { read, imported, rejected, continuation });
}
/**
 * The largest import file, 200 MiB: the readers', the upload's and the import wizard's one cap (the
 * wizard holds a copy typed `MaxImportFileBytes`, areas/imports/contract.ts, so the two cannot drift).
 */
export const MAX_FILE_BYTES = 209_715_200;

/**
 * What one file may hold (issue 16, point 1): rows (header included) — `import.file.tooManyRows`
 * {maxRows}; for XLSX the inflated size of one part and of all parts — `import.file.compressedTooMuch`
 * — and the XML size of one cell — `import.file.tooLarge` {part, bytes, maxBytes}.
 */
export interface ReadLimits extends XlsxLimits {}
export const READ_LIMITS: ReadLimits = {
  maxRows: 2_000_000,
  maxSheetBytes: MAX_SHEET_BYTES,
  maxPartBytes: MAX_PART_BYTES,
  maxTotalBytes: MAX_TOTAL_BYTES,
  maxCellBytes: 1024 * 1024,
};

interface RawRecord {
  readonly row: number;
  readonly cells: string[];
  readonly unterminatedQuote: boolean;
}

/** A file to read: its bytes (small files, tests) or its path (read in chunks, never held whole). */
export type TableSource = Uint8Array | { readonly path: string };

export async function readTable(
  source: TableSource,
  limits: ReadLimits = READ_LIMITS,
  scratch: Scratch | null = null,
): Promise<Table> {
  if (!(source instanceof Uint8Array)) return readTableFile(source.path, limits, scratch);
  const bytes = source;
  if (bytes.length > MAX_FILE_BYTES)
    throw new DomainError('import.file.tooLarge', { bytes: bytes.length, maxBytes: MAX_FILE_BYTES });
  if (bytes.length === 0) throw new DomainError('import.file.empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    checkZipExpansion(bytes); // a zip bomb or a giant shared string is refused before it is inflated
    return readXlsx(bytes, limits, scratch);
  }
  const { text, encoding } = decode(bytes);
  if (!/\S/.test(text)) throw new DomainError('import.file.empty'); // not trim(): a copy of the whole text
  if (looksBinary(text)) throw new DomainError('import.file.binary');
  const delimiter = detectDelimiter(text);
  if (scratch !== null)
    return streamDelimitedChunks(
      () => [text],
      text,
      encoding,
      false,
      delimiter,
      lineEndOf(text),
      limits.maxRows,
      scratch,
    );
  const records = parseDelimited(text, delimiter, limits.maxRows);
  if (!/[\r\n]$/.test(text)) checkLastLine(records);
  return buildTable(records, encoding, delimiter, true, scratch);
}

/** How much of a file is read (and decoded) at a time. */
export const READ_CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * A file read from its path (issue 16, point 1): the same checks and reading as for bytes, but an
 * XLSX is streamed range by range (only its central directory is read whole) and a CSV is decoded
 * `chunkBytes` at a time — the encoding chosen first (BOM, else a pass checking strict UTF-8, else
 * GB18030) — and read record by record (streamDelimitedChunks; a TSV's quote fallback reads the
 * file once more): the file is never one buffer or one string. Only a reading without a scratch
 * file (small files, tests) is read whole.
 */
export async function readTableFile(
  file: string,
  limits: ReadLimits = READ_LIMITS,
  scratch: Scratch | null = null,
  chunkBytes = READ_CHUNK_BYTES,
): Promise<Table> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) throw new DomainError('import.file.tooLarge', { bytes: size, maxBytes: MAX_FILE_BYTES });
    if (size === 0) throw new DomainError('import.file.empty');
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      const tail = readZipTail(fd, size);
      if (tail !== null) checkZipExpansion(tail.bytes, tail.base);
      return await readXlsx({ path: file }, limits, scratch);
    }
    const sniffed = sniffEncoding(fd, size, head, chunkBytes);
    // stream mode: a character cut at the head's end is left out, not replaced
    const headText = new TextDecoder(sniffed.label, { ignoreBOM: true }).decode(head.subarray(sniffed.skip), {
      stream: true,
    });
    if (looksBinary(headText)) throw new DomainError('import.file.binary');
    const delimiter = detectDelimiter(headText);
    if (scratch === null) return await readTable(new Uint8Array(fs.readFileSync(fd)), limits, scratch);
    return await streamDelimitedChunks(
      () => decodedChunks(fd, size, sniffed, chunkBytes),
      headText,
      sniffed.encoding,
      sniffed.cut,
      delimiter,
      lineEndOf(headText),
      limits.maxRows,
      scratch,
    );
  } finally {
    fs.closeSync(fd);
  }
}

interface Sniffed {
  /** TextDecoder label. */
  readonly label: string;
  /** Table.encoding. */
  readonly encoding: string;
  /** BOM bytes to skip. */
  readonly skip: number;
  /** The file ends inside a UTF-8 character (else valid): `import.file.truncated` once read. */
  readonly cut: boolean;
}

/**
 * The file's encoding, as `decode` chooses it for bytes, found in a pass of strict decoding chunk by
 * chunk (a character split between two chunks is carried over by the decoder's stream mode).
 */
function sniffEncoding(fd: number, size: number, head: Uint8Array, chunkBytes: number): Sniffed {
  const check = (label: string, skip: number, nul: boolean) => validates(fd, size, label, skip, nul, chunkBytes);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    const v = check('utf-8', 3, false);
    if (v === 'bad') throw new DomainError('import.file.binary');
    return { label: 'utf-8', encoding: 'utf-8-bom', skip: 3, cut: v === 'cut' };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    const label = head[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (check(label, 2, false) !== 'ok') throw new DomainError('import.file.binary');
    return { label, encoding: label, skip: 2, cut: false };
  }
  // text files never hold NUL; UTF-16 without a BOM is not supported (Excel always writes one)
  const utf8 = check('utf-8', 0, true);
  if (utf8 !== 'bad') return { label: 'utf-8', encoding: 'utf-8', skip: 0, cut: utf8 === 'cut' };
  if (check('gb18030', 0, false) !== 'ok') throw new DomainError('import.file.binary');
  return { label: 'gb18030', encoding: 'gb18030', skip: 0, cut: false };
}

/** Strict decoding of the whole file, chunk by chunk: 'cut' when only its very end is an incomplete character. */
function validates(
  fd: number,
  size: number,
  label: string,
  skip: number,
  nul: boolean,
  chunkBytes: number,
): 'ok' | 'cut' | 'bad' {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  const chunk = Buffer.allocUnsafe(chunkBytes);
  for (let at = skip; at < size;) {
    const read = fs.readSync(fd, chunk, 0, Math.min(chunkBytes, size - at), at);
    if (read === 0) break;
    at += read;
    const part = chunk.subarray(0, read);
    if (nul && part.includes(0)) throw new DomainError('import.file.binary');
    try {
      decoder.decode(part, { stream: true });
    } catch {
      return 'bad';
    }
  }
  try {
    decoder.decode();
  } catch {
    return 'cut';
  }
  return 'ok';
}

/**
 * The line end papaparse would guess from the whole text (its guessLineEndings, on the head): given
 * to its streaming mode, which would otherwise guess from the first chunk alone.
 */
function lineEndOf(text: string): '\n' | '\r\n' | '\r' {
  const unquoted = text.replace(/"[^]*?"/gm, '');
  const r = unquoted.split('\r');
  const n = unquoted.split('\n');
  if (r.length === 1 || (n.length > 1 && (n[0] ?? '').length < (r[0] ?? '').length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** The file's text, `chunkBytes` at a time; a cut file's incomplete last character is left out. */
function* decodedChunks(fd: number, size: number, sniffed: Sniffed, chunkBytes: number): Generator<string> {
  const decoder = new TextDecoder(sniffed.label, { ignoreBOM: true });
  for (let at = sniffed.skip; at < size;) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, size - at));
    const read = fs.readSync(fd, chunk, 0, chunk.length, at);
    if (read === 0) break;
    at += read;
    const text = decoder.decode(chunk.subarray(0, read), { stream: true });
    if (text !== '') yield text;
  }
  if (!sniffed.cut) {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  }
}

/**
 * A delimited text that comes in chunks, read record by record straight into a (spilled) table: no
 * array of every record, never the whole text in one string when it comes from a file.
 * - comma / semicolon: papaparse's streaming mode (a quoted field or a line split between chunks
 *   carried over by papaparse);
 * - tab: as `parseDelimited` reads it — split on tabs and line ends when the header is Amazon's or
 *   no field opens with `"` (a first pass looks), else papaparse's reading, unless it meets a quote
 *   error: then whichever of the two readings has fewer rows of the wrong width (counted in a pass
 *   each, only the chosen one kept).
 * `chunks()` gives the text anew for each pass; `head`, its start (the header line). The checks are those of the in-memory reading: the
 * row limit, a cut last line (`checkLastLine`), a file cut inside a character (`cut`).
 */
async function streamDelimitedChunks(
  chunks: () => Iterable<string>,
  head: string,
  encoding: string,
  cut: boolean,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  maxRows: number,
  scratch: Scratch,
): Promise<Table> {
  const table = () => new RecordTracker(maxRows, new TableBuilder(encoding, delimiter, true, scratch));
  if (delimiter !== '\t') return (await quotedRecords(chunks(), delimiter, newline, table())).finish(cut);
  if (isAmazonFlatHeader(head) || !opensQuote(chunks())) return plainRecords(chunks(), table()).finish(cut);
  const quoted = await quotedRecords(chunks(), delimiter, newline, table());
  if (!quoted.quoteErrors) return quoted.finish(cut);
  const plain = plainRecords(chunks(), new RecordTracker(maxRows, null));
  if (plain.badWidth >= quoted.badWidth) return quoted.finish(cut);
  // the plain reading wins: read again into a table of its own (the quoted one's rows stay unused in the scratch file)
  return plainRecords(chunks(), table()).finish(cut);
}

/** Whether any field of the text opens with `"` (`/(?:^|\t)"/m` over chunks: a boundary between two chunks included). */
function opensQuote(chunks: Iterable<string>): boolean {
  let before = '\n'; // the text's start counts as a line's
  for (const c of chunks) {
    if (/[\t\n\r\u2028\u2029]"/.test(before + c)) return true;
    before = c.slice(-1);
  }
  return false;
}

/**
 * Records as they come, with what the checks after the last one need: the header, the last
 * record, the last good row, the text's last character; counts rows of the wrong width and quote
 * errors (for the TSV fallback); with a builder, the rows go into the table.
 */
class RecordTracker {
  readonly #maxRows: number;
  readonly #builder: TableBuilder | null;
  #count = 0;
  #header: RawRecord | null = null;
  #last: RawRecord | null = null;
  #good = 0;
  tooMany = false;
  quoteErrors = false;
  badWidth = 0;
  lastChar = '';

  constructor(maxRows: number, builder: TableBuilder | null) {
    this.#maxRows = maxRows;
    this.#builder = builder;
  }

  /** Takes one record; false once past the row limit (the reading stops). */
  add(cells: string[], unterminatedQuote: boolean): boolean {
    if (this.#count >= this.#maxRows) {
      this.tooMany = true;
      return false;
    }
    const record: RawRecord = { row: ++this.#count, cells, unterminatedQuote };
    // the last non-blank record before this one: the last good row if this one is cut off
    if (this.#last !== null && !isBlank(this.#last.cells)) this.#good = this.#last.row;
    this.#last = record;
    if (!isBlank(cells)) {
      if (this.#header === null) this.#header = record;
      else if (cells.length !== this.#header.cells.length) this.badWidth++;
    }
    this.#builder?.add(record);
    return true;
  }

  /** The table, or the file refused: too many rows, cut inside a character (`cut`), or a last line cut short. */
  finish(cut: boolean): Table {
    if (this.tooMany) throw new DomainError('import.file.tooManyRows', { maxRows: this.#maxRows });
    if (cut) throw new DomainError('import.file.truncated', { lastGoodRow: this.#good });
    const header = this.#header;
    const last = this.#last;
    if (!/[\r\n]/.test(this.lastChar) && header !== null && last !== null && last !== header && !isBlank(last.cells)) {
      let width = header.cells.length;
      while (width > 0 && (header.cells[width - 1] ?? '').trim() === '') width--;
      if (last.cells.length < width) throw new DomainError('import.file.truncated', { lastGoodRow: this.#good });
    }
    return this.#builder!.finish();
  }
}

/** The chunks, each one's last character noted in `tracker.lastChar` as it passes. */
function* noted(chunks: Iterable<string>, tracker: RecordTracker): Generator<string> {
  for (const c of chunks) {
    if (c === '') continue;
    tracker.lastChar = c.slice(-1);
    yield c;
  }
}

/** Records as papaparse reads them (quotes apply), fed to `tracker`. */
async function quotedRecords(
  chunks: Iterable<string>,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  tracker: RecordTracker,
): Promise<RecordTracker> {
  let failed: unknown = null;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(noted(chunks, tracker)) as unknown as File, {
      delimiter,
      newline,
      quoteChar: '"',
      skipEmptyLines: false,
      step: (result, parser) => {
        if (failed !== null) return;
        try {
          if (result.errors.some((e) => e.type === 'Quotes')) tracker.quoteErrors = true;
          const unterminatedQuote = result.errors.some((e) => e.code === 'MissingQuotes');
          if (!tracker.add(result.data, unterminatedQuote)) parser.abort();
        } catch (e) {
          failed = e;
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  if (failed !== null) throw failed;
  return tracker;
}

/**
 * Lines split on tabs, as `splitPlain` splits the whole text (a `\r\n` split between two chunks is
 * one line end), fed to `tracker`; the text after the last line end is the last record, even empty.
 */
function plainRecords(chunks: Iterable<string>, tracker: RecordTracker): RecordTracker {
  let carry = '';
  for (const chunk of noted(chunks, tracker)) {
    let text = carry + chunk;
    // a trailing \r may be the first half of \r\n: decided with the next chunk
    const hold = text.endsWith('\r') ? 1 : 0;
    const lineEnd = /\r\n|\n|\r/g;
    let from = 0;
    for (let m = lineEnd.exec(text); m !== null; m = lineEnd.exec(text)) {
      if (hold === 1 && m.index === text.length - 1) break;
      if (!tracker.add(text.slice(from, m.index).split('\t'), false)) return tracker;
      from = m.index + m[0].length;
    }
    carry = text.slice(from);
    text = '';
  }
  // the held \r at the very end is a line end of its own
  if (carry.endsWith('\r')) {
    if (!tracker.add(carry.slice(0, -1).split('\t'), false)) return tracker;
    carry = '';
  }
  tracker.add(carry.split('\t'), false);
  return tracker;
}

/** The row number of the last non-blank record before `records[end]` (the header counts). */
function lastGoodRow(records: readonly RawRecord[], end: number): number {
  for (let i = end - 1; i >= 0; i--) {
    const r = records[i];
    if (r !== undefined && !isBlank(r.cells)) return r.row;
  }
  return 0;
}

/** A last line without a line end and narrower than the header is a cut-off file. */
function checkLastLine(records: readonly RawRecord[]): void {
  const headerAt = records.findIndex((r) => !isBlank(r.cells));
  const last = records.length - 1;
  const record = records[last];
  if (headerAt < 0 || last <= headerAt || record === undefined || isBlank(record.cells)) return;
  let width = records[headerAt]?.cells.length ?? 0;
  while (width > 0 && (records[headerAt]?.cells[width - 1] ?? '').trim() === '') width--;
  if (record.cells.length < width)
    throw new DomainError('import.file.truncated', { lastGoodRow: lastGoodRow(records, last) });
}

/**
 * Bytes whose only fault is an incomplete UTF-8 sequence at the very end (a lead byte and fewer
 * continuation bytes than it announces): the text before it, else null.
 */
function cutUtf8(bytes: Uint8Array): string | null {
  let start = bytes.length - 1;
  while (start > 0 && bytes.length - start < 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = bytes[start] ?? 0;
  const need =
    lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (need === 0 || bytes.length - start >= need) return null;
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from, start));
  } catch {
    return null;
  }
}

function truncatedText(text: string): never {
  const records = parseDelimited(text, detectDelimiter(text));
  // the text ends inside the character, so its last record is the cut one
  throw new DomainError('import.file.truncated', { lastGoodRow: lastGoodRow(records, records.length - 1) });
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  const tryDecode = (label: string, from: number): string | null => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  let text: string | null;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = tryDecode('utf-8', 3);
    encoding = 'utf-8-bom';
    if (text === null) {
      const cut = cutUtf8(bytes);
      if (cut !== null) truncatedText(cut);
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = tryDecode('utf-16le', 2);
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = tryDecode('utf-16be', 2);
    encoding = 'utf-16be';
  } else {
    // text files never hold NUL; UTF-16 without a BOM is not supported (Excel always writes one)
    if (bytes.includes(0)) throw new DomainError('import.file.binary');
    text = tryDecode('utf-8', 0);
    encoding = 'utf-8';
    if (text === null) {
      const cut = cutUtf8(bytes);
      if (cut !== null) truncatedText(cut);
    }
    if (text === null) {
      text = tryDecode('gb18030', 0);
      encoding = 'gb18030';
    }
  }
  if (text === null) throw new DomainError('import.file.binary');
  return { text, encoding };
}

/** NUL, or more than 1% control characters (other than tab, CR, LF, FF) in the first 64 KiB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) controls++;
  }
  return controls > sample.length / 100;
}

/** Counts tab, comma and semicolon outside quotes on the header line; ties prefer tab, then comma. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    ['\t', 0],
    [',', 0],
    [';', 0],
  ]);
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (content) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== '') content = true;
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts)
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  return best;
}

/** Amazon's flat-file headers: lower-case ASCII words joined by hyphens, several of them hyphenated. */
function isAmazonFlatHeader(text: string): boolean {
  const end = text.search(/[\r\n]/);
  const cells = (end < 0 ? text : text.slice(0, end))
    .replace(/^\uFEFF/, '')
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return (
    cells.length >= 3 &&
    cells.every((c) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c)) &&
    cells.filter((c) => c.includes('-')).length >= 2
  );
}

function parseDelimited(text: string, delimiter: string, maxRows = READ_LIMITS.maxRows): RawRecord[] {
  // Amazon's flat files are TSV without quoting. With no field opening with `"`, quoting cannot
  // apply and a plain split is the same reading, only faster.
  if (delimiter === '\t' && (isAmazonFlatHeader(text) || !/(?:^|\t)"/m.test(text))) return splitPlain(text, maxRows);
  // read row by row (papaparse's step mode): past the row limit the reading stops
  const quoted: RawRecord[] = [];
  let quoteErrors = false;
  let tooMany = false;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      if (quoted.length >= maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      if (result.errors.some((e) => e.type === 'Quotes')) quoteErrors = true;
      const unterminatedQuote = result.errors.some((e) => e.code === 'MissingQuotes');
      quoted.push({ row: quoted.length + 1, cells: result.data, unterminatedQuote });
    },
  });
  if (tooMany) throw new DomainError('import.file.tooManyRows', { maxRows });
  if (delimiter !== '\t' || !quoteErrors) return quoted;
  // A product name starting with `"` in an unquoted TSV must not swallow the rows after it:
  // keep whichever reading has fewer rows of the wrong width.
  const plain = splitPlain(text, maxRows);
  return badWidthCount(plain) < badWidthCount(quoted) ? plain : quoted;
}

/** Lines split on tabs, one at a time (no array of every line first); past the row limit the reading stops. */
function splitPlain(text: string, maxRows = READ_LIMITS.maxRows): RawRecord[] {
  const records: RawRecord[] = [];
  const lineEnd = /\r\n|\n|\r/g;
  let from = 0;
  for (;;) {
    if (records.length >= maxRows) throw new DomainError('import.file.tooManyRows', { maxRows });
    const m = lineEnd.exec(text);
    const line = text.slice(from, m === null ? text.length : m.index);
    records.push({ row: records.length + 1, cells: line.split('\t'), unterminatedQuote: false });
    if (m === null) return records;
    from = m.index + m[0].length;
  }
}

function badWidthCount(records: readonly RawRecord[]): number {
  const header = records.find((r) => !isBlank(r.cells));
  if (header === undefined) return 0;
  return records.filter((r) => !isBlank(r.cells) && r.cells.length !== header.cells.length).length;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Records → a Table, one record at a time: the first non-blank record is the header, every later
 * non-blank one a row (padded to the header's width, with its reading error). With a scratch file
 * the rows go there in batches and `rows` is a view of them (scratch.ts): a 1M-row sheet is never
 * held in memory; row numbers and errors stay in memory (a number and usually null a row).
 */
class TableBuilder {
  readonly #encoding: string;
  readonly #delimiter: string | null;
  readonly #strictWidth: boolean;
  readonly #spilled: SpilledList<readonly string[]> | null;
  readonly #rows: string[][] = [];
  readonly #rowNumbers: number[] = [];
  readonly #rowErrors: (RowError | null)[] = [];
  #headers: string[] | null = null;
  #width = 0;

  constructor(encoding: string, delimiter: string | null, strictWidth: boolean, scratch: Scratch | null) {
    this.#encoding = encoding;
    this.#delimiter = delimiter;
    this.#strictWidth = strictWidth;
    this.#spilled = scratch === null ? null : scratch.list<readonly string[]>();
  }

  add(record: RawRecord): void {
    if (isBlank(record.cells)) return;
    const headers = this.#headers;
    if (headers === null) {
      const rawHeaders = record.cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      let width = rawHeaders.length;
      while (width > 0 && (rawHeaders[width - 1] ?? '').trim() === '') width--;
      this.#headers = rawHeaders.slice(0, width);
      this.#width = width;
      return;
    }
    const width = this.#width;
    const cells = record.cells;
    let actual = cells.length;
    while (actual > width && (cells[actual - 1] ?? '').trim() === '') actual--;
    let error: RowError | null = null;
    if (actual > width || (this.#strictWidth && actual < width)) {
      error = { row: record.row, column: null, code: 'import.row.columnCount', params: { expected: width, actual } };
    } else if (record.unterminatedQuote) {
      const column = headers[actual - 1] ?? null;
      error = {
        row: record.row,
        column,
        code: 'import.row.unterminatedQuote',
        params: column === null ? {} : { column },
      };
    } else {
      const long = cells.findIndex((c) => c.length > MAX_FIELD_LENGTH);
      if (long >= 0) {
        const column = headers[long] ?? null;
        const length = (cells[long] ?? '').length;
        error = {
          row: record.row,
          column,
          code: 'import.row.fieldTooLong',
          params: column === null ? { length } : { column, length },
        };
      }
    }
    const padded = cells.length >= width ? cells : [...cells, ...new Array<string>(width - cells.length).fill('')];
    if (this.#spilled === null) this.#rows.push(padded);
    else this.#spilled.push(padded);
    this.#rowNumbers.push(record.row);
    this.#rowErrors.push(error);
  }

  finish(): Table {
    const headers = this.#headers;
    if (headers === null) throw new DomainError('import.file.empty');
    if (this.#rowNumbers.length === 0) throw new DomainError('import.file.headerOnly', { columns: this.#width });
    const spilled = this.#spilled;
    spilled?.flush();
    return {
      encoding: this.#encoding,
      delimiter: this.#delimiter,
      headers,
      keys: headers.map(normaliseHeader),
      rows: spilled === null ? this.#rows : spilled.view(),
      rowNumbers: this.#rowNumbers,
      rowErrors: this.#rowErrors,
    };
  }
}

function buildTable(
  records: readonly RawRecord[],
  encoding: string,
  delimiter: string | null,
  strictWidth: boolean,
  scratch: Scratch | null,
): Table {
  const builder = new TableBuilder(encoding, delimiter, strictWidth, scratch);
  for (const r of records) builder.add(r);
  return builder.finish();
}

/**
 * The first sheet streamed row by row (xlsx-stream.ts): only each row's text is kept, short
 * strings shared between rows (a status word, a currency, a number) held once.
 */
async function readXlsx(source: TableSource, limits: ReadLimits, scratch: Scratch | null): Promise<Table> {
  const builder = new TableBuilder('xlsx', null, false, scratch);
  const intern = interner();
  // loaded on the first XLSX: exceljs costs ~0.6 s of CPU the host's start need not wait for (issue 19)
  const { xlsxRows } = await import('./xlsx-stream.ts');
  for await (const { row, values } of xlsxRows(source, limits, scratch)) {
    const cells = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) cells[i] = intern(cellText(values[i] ?? null));
    builder.add({ row, cells, unterminatedQuote: false });
  }
  return builder.finish();
}

/** Returns one instance per distinct short string (up to 100,000 of them). */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    if (s.length > 24) return s;
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (seen.size < 100_000) seen.set(s, s);
    return s;
  };
}

/**
 * One cell as text: strings as stored (a `=HYPERLINK(…)` string stays text; a real formula gives
 * its cached result); Date cells as local ISO without offset (Excel has no zone; the shop's zone
 * applies later); numbers rounded to 15 significant digits — Excel's own display precision, so
 * float artefacts (12.300000000000001) vanish while every digit Excel shows is kept (10 digits
 * would cut real values such as 12345678.905); numbers beyond 2^53 stay in exponent form.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19);
}

function numberText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  // beyond 2^53 the digits are not real (an 18-digit id typed as a number): keep Excel's own
  // exponent form so ids are rejected as mangled and amounts as bad, never silently changed
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER)
    return n
      .toPrecision(15)
      .replace(/\.?0+e/, 'e')
      .toUpperCase();
  return plainDecimal(String(Number(n.toPrecision(15))));
}

/** '1.5e-7' → '0.00000015'. */
function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = (m[2] ?? '').length + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return m[1] + digits + '0'.repeat(point - digits.length);
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}
