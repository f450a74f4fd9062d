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
 * Rows come with the sheet's row numbers; cell values become text through `cellText`.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError, isDomainError } from '../core/domain-error.ts';

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

/** exceljs' streaming reader with every part it parses passed through the meter. */
class MeteredWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  readonly #limits: XlsxLimits;
  readonly #meter: Meter = { total: 0 };
  constructor(input: Readable, limits: XlsxLimits) {
    super(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    });
    this.#limits = limits;
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
    return base._parseSharedStrings!.call(this, this.#metered(entry, 'xl/sharedStrings.xml'));
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
 * The first worksheet's rows, one at a time (`values[0]` is column A). A ZIP that is no workbook
 * is `import.file.binary`; the limits' errors pass through.
 */
export async function* xlsxRows(bytes: Uint8Array, limits: XlsxLimits): AsyncGenerator<XlsxRow> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new MeteredWorkbookReader(input, limits);
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
  }
  if (sheets === 0) throw new DomainError('import.file.binary');
}
