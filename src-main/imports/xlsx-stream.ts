/**
 * Streams the first worksheet of an XLSX row by row with exceljs' `stream.xlsx.WorkbookReader`
 * (issue 16, point 1): no workbook model and no per-cell objects are kept, only each row's text.
 * Every part is inflated through a meter that refuses the file as soon as it passes a limit, so a
 * workbook whose central directory lies about its sizes is stopped too (zip-expansion.ts checks
 * the stated sizes first):
 * - a worksheet over `maxSheetBytes`, another part over `maxPartBytes` or all parts together over
 *   `maxTotalBytes` inflated:
 *   `import.file.compressedTooMuch` {part, bytes, maxBytes};
 * - one cell over `maxCellBytes` of XML (a text run with no `<` in any part, one `<si>` shared
 *   string, however many rich-text runs it has): `import.file.tooLarge` {part, bytes, maxBytes} —
 *   the 0.5 MB workbook with one 500 MiB shared string stops after 1 MiB, never building the string;
 * - more than `maxRows` rows: `import.file.tooManyRows` {maxRows}.
 * A worksheet stored before the shared strings (Excel's own order) cannot be read until they are:
 * the archive's entries are therefore handed over shared strings first (reorderedEntries: byte
 * ranges of the same buffer, nothing copied). When its directory cannot be read, exceljs writes
 * such a worksheet to a temporary file, unmetered, in the system's temp folder; here that copy
 * goes through the meter too (so a lying archive cannot fill the disk: at most `maxSheetBytes`), into
 * the caller's folder (the workspace's tmp/imports), and is removed when the reading ends.
 * Rows come with the sheet's row numbers; cell values become text through `cellText`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { DomainError, isDomainError } from '../core/domain-error.ts';
import type { Scratch } from '../db/scratch.ts';
import { reorderedEntries, reorderedFileRanges } from './zip-expansion.ts';

export interface XlsxLimits {
  /** A worksheet part (streamed); `maxPartBytes` is for the parts read whole (shared strings, styles…). */
  readonly maxSheetBytes: number;
  readonly maxPartBytes: number;
  readonly maxTotalBytes: number;
  readonly maxCellBytes: number;
  readonly maxRows: number;
}

export interface XlsxRow {
  readonly row: number;
  readonly values: readonly ExcelJS.CellValue[];
}

const LT = Buffer.from('<');
/** Read ahead of the worksheets when the archive's directory allows (Excel stores them after). */
const FIRST_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];
const SI_END = Buffer.from('</si>');

/** The longest stretch between two occurrences of `marker` in a byte stream fed in chunks. */
class GapMeter {
  #tail = Buffer.alloc(0);
  #seen = 0; // bytes fed so far
  #last = 0; // absolute offset of the end of the last marker
  readonly marker: Buffer;
  readonly max: number;
  constructor(marker: Buffer, max: number) {
    this.marker = marker;
    this.max = max;
  }

  /** The current gap when it is over the maximum, else null. */
  feed(chunk: Buffer): number | null {
    const s = this.#tail.length > 0 ? Buffer.concat([this.#tail, chunk]) : chunk;
    const base = this.#seen - this.#tail.length;
    for (let at = s.indexOf(this.marker); at >= 0; at = s.indexOf(this.marker, at + 1)) {
      const start = base + at;
      if (start - this.#last > this.max) return start - this.#last;
      this.#last = start + this.marker.length;
    }
    this.#seen += chunk.length;
    const keep = this.marker.length - 1;
    this.#tail = keep > 0 ? Buffer.from(s.subarray(Math.max(0, s.length - keep))) : this.#tail;
    return this.#seen - this.#last > this.max ? this.#seen - this.#last : null;
  }
}

interface Meter {
  total: number;
}

async function* metered(
  source: AsyncIterable<Buffer | string>,
  part: string,
  meter: Meter,
  limits: XlsxLimits,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  const maxBytes = part.startsWith('xl/worksheets/') ? limits.maxSheetBytes : limits.maxPartBytes;
  const gaps = [new GapMeter(LT, limits.maxCellBytes)];
  if (part === 'xl/sharedStrings.xml') gaps.push(new GapMeter(SI_END, limits.maxCellBytes));
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    bytes += chunk.length;
    meter.total += chunk.length;
    if (bytes > maxBytes) throw new DomainError('import.file.compressedTooMuch', { part, bytes, maxBytes });
    if (meter.total > limits.maxTotalBytes)
      throw new DomainError('import.file.compressedTooMuch', {
        part,
        bytes: meter.total,
        maxBytes: limits.maxTotalBytes,
      });
    for (const g of gaps) {
      const over = g.feed(chunk);
      if (over !== null) throw new DomainError('import.file.tooLarge', { part, bytes: over, maxBytes: g.max });
    }
    yield chunk;
  }
}

type Source = AsyncIterable<Buffer | string>;
type PartParser = (this: unknown, source: unknown, ...rest: unknown[]) => unknown;
// exceljs' reader has no hook for the inflated bytes, so the part parsers are wrapped; they are
// not in its type declarations, hence this view of its prototype
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, PartParser>;

// exceljs' own unzip stream and stream iterator, for the copy of its `parse` loop below
const excelRequire = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzip = excelRequire('unzipper') as { Parse(options: { forceStream: boolean }): NodeJS.ReadWriteStream };
const iterateStream = excelRequire('./lib/utils/iterate-stream.js') as (
  stream: NodeJS.ReadableStream,
) => AsyncIterable<ZipEntry>;

interface SharedString {
  readonly index: number;
  readonly text: string | { richText: unknown[] } | null;
}

interface ZipEntry extends NodeJS.ReadableStream {
  readonly path: string;
  autodrain(): void;
}

/** exceljs' streaming reader with every part it parses passed through the meter. */
class MeteredWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  readonly #limits: XlsxLimits;
  readonly #meter: Meter = { total: 0 };
  readonly #tempDir: string;
  readonly #scratch: Scratch | null;
  declare sharedStrings: unknown;
  declare workbookRels: unknown;
  constructor(input: Readable, limits: XlsxLimits, scratch: Scratch | null) {
    super(input, {
      worksheets: 'emit',
      // with a scratch file the shared strings go there (`_parseSharedStrings`), else they are held
      sharedStrings: scratch === null ? 'cache' : 'emit',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    });
    this.#limits = limits;
    this.#scratch = scratch;
    this.#tempDir = scratch?.folder ?? os.tmpdir();
  }

  /**
   * exceljs' `parse` loop (lib/stream/xlsx/workbook-reader.js, 4.4), hyperlinks left out (ignored
   * here), with the worksheets that wait for the shared strings copied through the meter into
   * `tempDir` and removed afterwards, however the reading ends.
   */
  override async *parse(input?: unknown): AsyncGenerator<{ eventType: string; value: unknown }> {
    const self = this as unknown as { _getStream(i: unknown): Readable; input: unknown; stream: Readable };
    const stream = (self.stream = self._getStream(input ?? self.input));
    const zip = unzip.Parse({ forceStream: true });
    stream.pipe(zip);
    const waiting: Array<{ sheetNo: string; file: string }> = [];
    try {
      for await (const entry of iterateStream(zip)) {
        switch (entry.path) {
          case 'xl/_rels/workbook.xml.rels':
            await this._parseRels(entry);
            break;
          case 'xl/workbook.xml':
            await this._parseWorkbook(entry);
            break;
          case 'xl/sharedStrings.xml':
            yield* this._parseSharedStrings(entry) as AsyncIterable<{ eventType: string; value: unknown }>;
            break;
          case 'xl/styles.xml':
            await this._parseStyles(entry);
            break;
          default: {
            const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.path)?.[1];
            if (sheetNo === undefined) break;
            if (this.sharedStrings && this.workbookRels) {
              yield* this._parseWorksheet(iterateStream(entry), sheetNo) as Iterable<{
                eventType: string;
                value: unknown;
              }>;
            } else {
              const file = path.join(this.#tempDir, `sheet-${randomUUID()}.xml`);
              waiting.push({ sheetNo, file });
              await pipeline(
                metered(entry as unknown as Source, entry.path, this.#meter, this.#limits),
                fs.createWriteStream(file),
              );
            }
          }
        }
        entry.autodrain();
      }
      for (const { sheetNo, file } of waiting) {
        // metered on its way in: read back as it is
        yield* base._parseWorksheet!.call(this, fs.createReadStream(file), sheetNo) as Iterable<{
          eventType: string;
          value: unknown;
        }>;
      }
    } finally {
      for (const { file } of waiting) fs.rmSync(file, { force: true });
    }
  }

  #metered(source: unknown, part: string): Readable {
    return Readable.from(metered(source as Source, part, this.#meter, this.#limits), { objectMode: false });
  }
  _parseRels(entry: unknown): unknown {
    return base._parseRels!.call(this, this.#metered(entry, 'xl/_rels/workbook.xml.rels'));
  }
  _parseWorkbook(entry: unknown): unknown {
    return base._parseWorkbook!.call(this, this.#metered(entry, 'xl/workbook.xml'));
  }
  _parseSharedStrings(entry: unknown): unknown {
    const parsed = base._parseSharedStrings!.call(this, this.#metered(entry, 'xl/sharedStrings.xml'));
    return this.#scratch === null ? parsed : this.#spillSharedStrings(parsed as AsyncIterable<SharedString>);
  }

  /**
   * The shared strings (a 1M-row sheet has one per order number) into the scratch file; the sheet
   * reader then looks them up by index in a view of that list (mostly in order: a cached block).
   */
  async *#spillSharedStrings(emitted: AsyncIterable<SharedString>): AsyncGenerator<never> {
    const list = this.#scratch!.list<SharedString['text']>(64);
    for await (const { index, text } of emitted) {
      if (index !== list.length) throw new DomainError('import.file.binary');
      list.push(text);
    }
    list.flush();
    this.sharedStrings = list.view();
  }
  _parseStyles(entry: unknown): unknown {
    return base._parseStyles!.call(this, this.#metered(entry, 'xl/styles.xml'));
  }
  _parseWorksheet(iterator: unknown, sheetNo: unknown): unknown {
    return base._parseWorksheet!.call(
      this,
      this.#metered(iterator, `xl/worksheets/sheet${String(sheetNo)}.xml`),
      sheetNo,
    );
  }
}

/**
 * The archive's bytes as 64 KiB views, handed over as the reader asks for them: given one large
 * chunk, the unzip stream would copy it whole into its own buffer (a second copy of the file).
 */
function* chunksOf(parts: readonly Uint8Array[]): Generator<Buffer> {
  for (const p of parts) {
    for (let at = 0; at < p.byteLength; at += INPUT_CHUNK) {
      yield Buffer.from(p.buffer, p.byteOffset + at, Math.min(INPUT_CHUNK, p.byteLength - at));
    }
  }
}

const INPUT_CHUNK = 64 * 1024;

/**
 * The first worksheet's rows, one at a time (`values[0]` is column A). A ZIP that is no workbook
 * is `import.file.binary`; the limits' errors pass through. With a scratch file, the shared strings
 * are kept there, and a worksheet waiting for them is copied to its folder (else the system's temp
 * folder) while it is read.
 */
export async function* xlsxRows(
  source: Uint8Array | { readonly path: string },
  limits: XlsxLimits,
  scratch: Scratch | null = null,
): AsyncGenerator<XlsxRow> {
  let chunks: Iterable<Buffer>;
  let fd: number | null = null;
  if (source instanceof Uint8Array) {
    // the parts a worksheet needs first, so it is parsed as it inflates (no temporary copy at all)
    chunks = chunksOf(reorderedEntries(source, FIRST_PARTS) ?? [source]);
  } else {
    // a file is read range by range as the reader asks: never held whole (issue 16, point 1)
    fd = fs.openSync(source.path, 'r');
    const size = fs.fstatSync(fd).size;
    chunks = fileChunksOf(fd, reorderedFileRanges(fd, size, FIRST_PARTS) ?? [[0, size]]);
  }
  const input = Readable.from(chunks, { objectMode: false });
  const reader = new MeteredWorkbookReader(input, limits, scratch);
  let rows = 0;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (++rows > limits.maxRows) throw new DomainError('import.file.tooManyRows', { maxRows: limits.maxRows });
        const values: ExcelJS.CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          values[col - 1] = cell.value;
        });
        yield { row: row.number, values };
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw new DomainError('import.file.binary'); // a ZIP that is not a workbook
  } finally {
    input.destroy();
    if (fd !== null) fs.closeSync(fd);
  }
  if (sheets === 0) throw new DomainError('import.file.binary');
}

/** Byte ranges [from, to) of an open file, 64 KiB at a time (each chunk a buffer of its own). */
function* fileChunksOf(fd: number, ranges: ReadonlyArray<readonly [number, number]>): Generator<Buffer> {
  for (const [from, to] of ranges) {
    for (let at = from; at < to; at += INPUT_CHUNK) {
      const chunk = Buffer.allocUnsafe(Math.min(INPUT_CHUNK, to - at));
      const read = fs.readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) return;
      yield read === chunk.length ? chunk : chunk.subarray(0, read);
    }
  }
}
