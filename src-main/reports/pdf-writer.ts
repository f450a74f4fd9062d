/**
 * Renders a `ReportDocument` to an A4 PDF with pdfkit and an embedded (subset) CJK font:
 * title, meta lines, tables whose header row repeats on every page, right-aligned exact money
 * with its currency code, bold totals rows, footnotes and "第 n / N 页" page numbers.
 * Output is deterministic for a given document (the PDF info dates come from `createdAt`).
 *
 * Font: `options.fontPath`, else `<process.resourcesPath>/fonts/NotoSansSC_400Regular.ttf` in the
 * packaged Electron app (see README.md), else the TTF of `@expo-google-fonts/noto-sans-sc`
 * resolved from node_modules, else Debian's `NotoSansCJK-Regular.ttc` (face `NotoSansCJKsc-Regular`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { DomainError } from '../core/domain-error.ts';
import type { Currency } from '../core/money/index.ts';
import type { ReportCell, ReportColumn, ReportDocument, ReportTable } from './report-document.ts';
import { cellSmallPrint, cellText, pageLabel, writerWords } from './report-format.ts';

export interface PdfOptions {
  /** A .ttf (or .ttc with `fontFamily`) to embed instead of the default lookup. */
  readonly fontPath?: string;
  readonly fontFamily?: string;
}

const PACKAGED_FONT_FILE = 'NotoSansSC_400Regular.ttf';
const FONT_PACKAGE_FILE = `@expo-google-fonts/noto-sans-sc/400Regular/${PACKAGED_FONT_FILE}`;
const SYSTEM_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SYSTEM_TTC_FAMILY = 'NotoSansCJKsc-Regular';

interface FontChoice {
  readonly path: string;
  readonly family?: string;
}

function packagedFontCandidates(): string[] {
  const bases: string[] = [];
  try {
    bases.push(import.meta.url);
  } catch {
    /* bundled CommonJS: no import.meta */
  }
  bases.push(path.join(process.cwd(), 'package.json'));
  const found: string[] = [];
  for (const base of bases) {
    try {
      found.push(createRequire(base).resolve(FONT_PACKAGE_FILE));
    } catch {
      /* not resolvable from this base */
    }
  }
  return found;
}

/** In the packaged Electron app: `<resources>/fonts/NotoSansSC_400Regular.ttf` (electron-builder.yml extraResources). */
function electronResourceFont(): string[] {
  const resources = (process as { resourcesPath?: unknown }).resourcesPath;
  return typeof resources === 'string' ? [path.join(resources, 'fonts', PACKAGED_FONT_FILE)] : [];
}

/** The font the writer embeds; throws 'reportFont.missing' when none exists. */
export function resolveReportFont(options: PdfOptions = {}): FontChoice {
  if (options.fontPath !== undefined) {
    if (!existsSync(options.fontPath)) throw new DomainError('reportFont.missing', { path: options.fontPath });
    return options.fontFamily === undefined
      ? { path: options.fontPath }
      : { path: options.fontPath, family: options.fontFamily };
  }
  const packaged = [...electronResourceFont(), ...packagedFontCandidates()].find((p) => existsSync(p));
  if (packaged !== undefined) return { path: packaged };
  if (existsSync(SYSTEM_TTC)) return { path: SYSTEM_TTC, family: SYSTEM_TTC_FAMILY };
  throw new DomainError('reportFont.missing', { path: `${FONT_PACKAGE_FILE}, ${SYSTEM_TTC}` });
}

const A4 = { width: 595.28, height: 841.89 };

/** The widths kept for font `size` in `cache` (text → points), made on first use. */
function perSize(cache: Map<number, Map<string, number>>, size: number): Map<string, number> {
  let bySize = cache.get(size);
  if (bySize === undefined) {
    bySize = new Map();
    cache.set(size, bySize);
  }
  return bySize;
}
const MARGIN = 42;
const FOOTER_SPACE = 22;
const PAD_X = 4;
const PAD_Y = 3;
const SIZE = {
  title: 16,
  subtitle: 11,
  meta: 9,
  heading: 11.5,
  note: 8.5,
  cell: 8.5,
  small: 6.5,
  footnote: 8,
  footer: 8,
};
const COLOR = { text: '#111111', muted: '#555555', rule: '#9a9a9a', headerFill: '#e8ecf1', totalsFill: '#f4f4f4' };

type Doc = InstanceType<typeof PDFDocument>;

interface Layout {
  readonly left: number;
  readonly width: number;
  readonly bottom: number;
}

/** Fake bold: the single shipped weight drawn filled and stroked with a hairline. */
function withBold<T>(doc: Doc, bold: boolean, draw: () => T): T {
  if (!bold) return draw();
  doc.save();
  doc.lineWidth(0.35).strokeColor(COLOR.text);
  const out = draw();
  doc.restore();
  return out;
}

function textOptions(width: number, align: ReportColumn['align'], bold: boolean): PDFKit.Mixins.TextOptions {
  return { width, align: align ?? 'left', lineBreak: true, ...(bold ? { stroke: true, fill: true } : {}) };
}

function isMoney(cell: ReportCell | undefined): boolean {
  return typeof cell === 'object' && cell !== null && cell.kind === 'money';
}

function columnAlign(table: ReportTable, column: ReportColumn): ReportColumn['align'] {
  if (column.align !== undefined) return column.align;
  const sample = table.rows.find((row) => row[column.key] !== null && row[column.key] !== undefined);
  const cell = sample?.[column.key] ?? table.totals?.[column.key];
  if (isMoney(cell)) return 'right';
  return typeof cell === 'object' && cell !== null && cell.kind === 'number' ? 'right' : 'left';
}

function columnWidths(table: ReportTable, total: number): number[] {
  const weights = table.columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
}

/** Money columns of one currency each (the ones whose running sums can be carried across pages). */
function carriedColumns(table: ReportTable): Array<{ key: string; currency: Currency }> {
  const out: Array<{ key: string; currency: Currency }> = [];
  for (const c of table.columns) {
    const currencies = new Set<Currency>();
    for (const row of table.rows) {
      const cell = row[c.key];
      if (typeof cell === 'object' && cell !== null && cell.kind === 'money') currencies.add(cell.currency);
    }
    if (currencies.size === 1) out.push({ key: c.key, currency: [...currencies][0]! });
  }
  return out;
}

/** A glyph position as pdfkit's embedded font returns it (units of 1/1000 em). */
interface GlyphPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  readonly advanceWidth: number;
}

/** The part of pdfkit's (0.20.2, pinned) embedded font that its `text()` uses to write a line. */
interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  ref(): unknown;
  /** Lays the text out (cached per word by pdfkit), adds its glyphs to the subset, returns their hex ids and positions. */
  encode(text: string): [string[], GlyphPosition[]];
}

/** pdfkit's number format in content streams (six decimals). */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Characters of amounts, quantities and order / list numbers (see GlyphRuns.encode). */
const NUMERIC_CHARS = '0123456789.,-# ';
const NUMERIC_WORD = /^[0-9.,\-# ]+$/;

function sameGlyphs(a: [string[], GlyphPosition[]], b: [string[], GlyphPosition[]]): boolean {
  if (a[0].length !== b[0].length || a[1].length !== b[1].length) return false;
  for (let i = 0; i < a[0].length; i += 1) if (a[0][i] !== b[0][i]) return false;
  for (let i = 0; i < a[1].length; i += 1) {
    const p = a[1][i]!;
    const q = b[1][i]!;
    if (
      p.xAdvance !== q.xAdvance ||
      p.yAdvance !== q.yAdvance ||
      p.xOffset !== q.xOffset ||
      p.yOffset !== q.yOffset ||
      p.advanceWidth !== q.advanceWidth
    )
      return false;
  }
  return true;
}

/**
 * The one-line cells of a table, written straight into the page content: what pdfkit's `text()`
 * writes for a string without wrapping (its glyphs through the same embedded font, so the subset,
 * the widths and the ToUnicode map are pdfkit's), but one text object per row instead of a save /
 * flip / BT … ET / restore per cell, and each distinct string laid out and encoded once. Cells that
 * wrap or carry small print still go through `text()`. The pages look the same as before (compared
 * pixel by pixel on a 497-page register when this was written).
 */
class GlyphRuns {
  private readonly doc: Doc;
  /** text → its TJ operand and advance (1/1000 em); null when it needs pdfkit's own path (mark offsets). */
  private readonly runs = new Map<string, { readonly tj: string; readonly advance: number } | null>();
  private cells: string[] = [];
  private size = 0;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  private get font(): EmbeddedFont {
    return (this.doc as unknown as { _font: EmbeddedFont })._font;
  }

  /** Each NUMERIC character, encoded alone (its glyphs' hex ids and positions). */
  private readonly chars = new Map<string, [string[], GlyphPosition[]]>();
  /** Whether NUMERIC words shape as their characters alone in this font (checked once, then sampled). */
  private numeric: boolean | undefined;
  private numericWords = 0;

  private char(ch: string): [string[], GlyphPosition[]] {
    let c = this.chars.get(ch);
    if (c === undefined) {
      c = this.font.encode(ch);
      this.chars.set(ch, c);
    }
    return c;
  }

  /** The glyphs of a NUMERIC word from its characters' own glyphs. */
  private composed(word: string): [string[], GlyphPosition[]] {
    const hex: string[] = [];
    const positions: GlyphPosition[] = [];
    for (const ch of word) {
      const [h, p] = this.char(ch);
      for (const x of h) hex.push(x);
      for (const x of p) positions.push(x);
    }
    return [hex, positions];
  }

  /**
   * True when this font lays every pair of NUMERIC characters out as the two characters alone (no
   * ligature, contextual form, kerning or mark offset: the bundled Noto Sans SC has none there).
   */
  private numericShapesAlone(): boolean {
    if (this.numeric === undefined) {
      this.numeric = true;
      for (const a of NUMERIC_CHARS)
        for (const b of NUMERIC_CHARS)
          if (!sameGlyphs(this.font.encode(a + b), this.composed(a + b))) this.numeric = false;
    }
    return this.numeric;
  }

  /**
   * pdfkit's `encode` of `text` (laid out word by word, a word ending after a space, as pdfkit does);
   * the many distinct numbers of a register (order and list numbers, amounts) are put together from
   * their characters' glyphs instead of a full OpenType layout each. Every 256th such word is also
   * laid out by pdfkit and compared; any difference turns the shortcut off for the document.
   */
  private encode(text: string): [string[], GlyphPosition[]] {
    if (!this.numericShapesAlone()) return this.font.encode(text);
    const hex: string[] = [];
    const positions: GlyphPosition[] = [];
    let last = 0;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i];
      if (ch !== ' ' && ch !== '\t' && i < text.length - 1) continue;
      const word = text.slice(last, i + 1);
      last = i + 1;
      let glyphs: [string[], GlyphPosition[]];
      if (NUMERIC_WORD.test(word)) {
        glyphs = this.composed(word);
        if (this.numericWords++ % 256 === 0) {
          const laidOut = this.font.encode(word);
          if (!sameGlyphs(laidOut, glyphs)) {
            this.numeric = false;
            this.runs.clear();
            return this.font.encode(text);
          }
        }
      } else glyphs = this.font.encode(word);
      for (const h of glyphs[0]) hex.push(h);
      for (const p of glyphs[1]) positions.push(p);
    }
    return [hex, positions];
  }

  private run(text: string): { readonly tj: string; readonly advance: number } | null {
    let r = this.runs.get(text);
    if (r !== undefined) return r;
    const [hex, positions] = this.encode(text);
    // as pdfkit's _fragment: runs of glyphs, split where a glyph's advance differs from its width (kerning)
    const parts: string[] = [];
    let last = 0;
    let advance = 0;
    r = { tj: '', advance: 0 };
    for (let i = 0; i < positions.length; i += 1) {
      const pos = positions[i]!;
      if (pos.xOffset !== 0 || pos.yOffset !== 0) {
        r = null;
        break;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) {
        parts.push(`<${hex.slice(last, i + 1).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`);
        last = i + 1;
      }
      advance += pos.xAdvance;
    }
    if (r !== null) {
      if (last < positions.length) {
        const end = positions[positions.length - 1]!;
        parts.push(`<${hex.slice(last).join('')}> ${num(-(end.xAdvance - end.advanceWidth))}`);
      }
      r = { tj: `[${parts.join(' ')}] TJ`, advance };
    }
    if (this.runs.size > 50_000) this.runs.clear();
    this.runs.set(text, r);
    return r;
  }

  /**
   * Queues `text` on one line at (x, y) (top of the line box, as `text()` takes it), aligned in
   * `width`; false when it must go through pdfkit's `text()` instead.
   */
  add(text: string, x: number, y: number, width: number, align: ReportColumn['align'], size: number): boolean {
    const r = this.run(text);
    if (r === null) return false;
    if (size !== this.size) {
      this.cells.push(`/${this.font.id} ${num(size)} Tf`);
      this.size = size;
    }
    const w = (r.advance * size) / 1000;
    const dx = align === 'right' ? width - w : align === 'center' ? (width - w) / 2 : 0;
    const baseline = this.doc.page.height - y - (this.font.ascender / 1000) * size;
    this.cells.push(`1 0 0 1 ${num(x + dx)} ${num(baseline)} Tm\n${r.tj}`);
    return true;
  }

  get pending(): number {
    return this.cells.length;
  }

  /**
   * Writes the queued cells as one text object (in the page's unflipped coordinates, like `text()`);
   * `bold`: text render mode 2 (fill, then stroke with the current line width and stroke colour).
   */
  flush(bold = false): void {
    if (this.cells.length === 0) return;
    const doc = this.doc;
    const font = this.font;
    const fonts = (doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
    if (fonts[font.id] == null) fonts[font.id] = font.ref();
    doc.addContent(
      `q\n1 0 0 -1 0 ${num(doc.page.height)} cm\nBT\n${bold ? '2 Tr\n' : ''}${this.cells.join('\n')}\nET\nQ`,
    );
    this.cells = [];
    this.size = 0;
  }
}

class PdfTableRenderer {
  private readonly doc: Doc;
  private readonly layout: Layout;
  /** Printed in the first column of a table without rows. */
  private readonly noneText: string;
  private readonly carryWords: { readonly carried: string; readonly brought: string };

  constructor(
    doc: Doc,
    layout: Layout,
    noneText: string,
    carryWords: { readonly carried: string; readonly brought: string } = { carried: '', brought: '' },
  ) {
    this.doc = doc;
    this.layout = layout;
    this.noneText = noneText;
    this.carryWords = carryWords;
    this.glyphs = new GlyphRuns(doc);
  }

  /** Body cells written as one text object per row. */
  private readonly glyphs: GlyphRuns;
  /** The fill colour last set on `fillPage` (outside any save/restore): not set again per cell. */
  private fillColor: string | undefined;
  private fillPage: unknown;

  private fill(color: string): void {
    if (this.fillColor === color && this.fillPage === this.doc.page) return;
    this.doc.fillColor(color);
    this.fillColor = color;
    this.fillPage = this.doc.page;
  }

  /** Widths of strings already measured, per font size (a long register repeats dates, names, units). */
  private readonly widthCache = new Map<number, Map<string, number>>();

  /** Width of `text` at `size` (the current font size is left at `size`). */
  private widthAt(text: string, size: number): number {
    const bySize = perSize(this.widthCache, size);
    let w = bySize.get(text);
    if (w === undefined) {
      w = this.doc.fontSize(size).widthOfString(text);
      if (bySize.size > 50_000) bySize.clear();
      bySize.set(text, w);
    }
    return w;
  }

  /** Advance widths of single characters, per font size: a quick estimate of a string's width. */
  private readonly charCache = new Map<number, Map<string, number>>();

  private estimate(text: string, size: number): number {
    const bySize = perSize(this.charCache, size);
    let w = 0;
    for (const ch of text) {
      let c = bySize.get(ch);
      if (c === undefined) {
        c = this.doc.fontSize(size).widthOfString(ch);
        bySize.set(ch, c);
      }
      w += c;
    }
    return w;
  }

  /**
   * True when `text` prints on one line of `width` at `size`: drawn and measured without the line
   * wrapper (fast path of long tables). The sum of the characters' widths decides when it is clearly
   * in or out (kerning moves a string by a fraction of a point); near the edge the laid-out width does.
   */
  private oneLine(text: string, width: number, size: number): boolean {
    if (text.includes('\n')) return false;
    const estimate = this.estimate(text, size);
    if (estimate <= width - 1) return true;
    if (estimate > width + 2) return false;
    return this.widthAt(text, size) <= width;
  }

  /** Height of `text` in `width` at `size`: one line without wrapping when it fits, else what pdfkit's wrapper measures. */
  private heightAt(text: string, width: number, size: number): number {
    const doc = this.doc;
    if (this.oneLine(text, width, size)) return doc.fontSize(size).currentLineHeight(true);
    // wrapped texts of a long table repeat (goods names in a column of one width): measured once each
    const key = `${size}|${width}|${text}`;
    let h = this.wrappedHeights.get(key);
    if (h === undefined) {
      h = doc.fontSize(size).heightOfString(text, { width });
      if (this.wrappedHeights.size > 20_000) this.wrappedHeights.clear();
      this.wrappedHeights.set(key, h);
    }
    doc.fontSize(size);
    return h;
  }

  private readonly wrappedHeights = new Map<string, number>();

  private rowHeight(
    texts: readonly string[],
    widths: readonly number[],
    smalls: readonly (string | undefined)[] = [],
  ): number {
    let h = 0;
    texts.forEach((t, i) => {
      const w = (widths[i] ?? 0) - PAD_X * 2;
      const small = smalls[i];
      const smallHeight = small === undefined ? 0 : this.heightAt(small, w, SIZE.small) + 1;
      h = Math.max(h, this.heightAt(t === '' ? ' ' : t, w, SIZE.cell) + smallHeight);
    });
    this.doc.fontSize(SIZE.cell);
    const maxRow = this.layout.bottom - MARGIN - 60;
    return Math.min(h + PAD_Y * 2, maxRow);
  }

  /** Draws one cell's text at (x, y) in `width`: one line placed by hand when it fits, else through the wrapper. */
  private drawText(
    text: string,
    x: number,
    y: number,
    width: number,
    align: ReportColumn['align'],
    size: number,
    bold: boolean,
    wrapped: PDFKit.Mixins.TextOptions,
  ): void {
    const doc = this.doc;
    if (text === '') return;
    if (this.oneLine(text, width, size)) {
      const free = align === 'right' || align === 'center' ? width - this.widthAt(text, size) : 0;
      const dx = align === 'right' ? free : align === 'center' ? free / 2 : 0;
      doc.fontSize(size).text(text, x + dx, y, { lineBreak: false, ...(bold ? { stroke: true, fill: true } : {}) });
      return;
    }
    doc.fontSize(size).text(text, x, y, wrapped);
  }

  /** Writes the queued cells (bold: filled and stroked with a hairline, as `withBold`). */
  private flushCells(bold: boolean): void {
    if (this.glyphs.pending === 0) return;
    withBold(this.doc, bold, () => this.glyphs.flush(bold));
  }

  private drawRow(
    texts: readonly string[],
    widths: readonly number[],
    aligns: readonly ReportColumn['align'][],
    height: number,
    style: { fill?: string; bold: boolean },
    smalls: readonly (string | undefined)[] = [],
  ): void {
    const doc = this.doc;
    const y = doc.y;
    if (style.fill !== undefined) {
      doc.save().rect(this.layout.left, y, this.layout.width, height).fill(style.fill).restore();
    }
    let x = this.layout.left;
    texts.forEach((t, i) => {
      const w = widths[i] ?? 0;
      const small = smalls[i];
      // a cell on one line without small print: queued into the row's text object
      if (small === undefined && (t === '' || this.oneLine(t, w - PAD_X * 2, SIZE.cell))) {
        if (t === '') {
          x += w;
          return;
        }
        this.fill(COLOR.text);
        if (this.glyphs.add(t, x + PAD_X, y + PAD_Y, w - PAD_X * 2, aligns[i], SIZE.cell)) {
          x += w;
          return;
        }
      }
      this.flushCells(style.bold);
      const mainHeight =
        small === undefined ? height - PAD_Y * 2 : this.heightAt(t === '' ? ' ' : t, w - PAD_X * 2, SIZE.cell);
      this.fill(COLOR.text);
      withBold(doc, style.bold, () =>
        this.drawText(t, x + PAD_X, y + PAD_Y, w - PAD_X * 2, aligns[i], SIZE.cell, style.bold, {
          ...textOptions(w - PAD_X * 2, aligns[i], style.bold),
          height: mainHeight,
          ellipsis: true,
        }),
      );
      if (small !== undefined) {
        this.fill(COLOR.muted);
        this.drawText(small, x + PAD_X, y + PAD_Y + mainHeight + 1, w - PAD_X * 2, aligns[i], SIZE.small, false, {
          width: w - PAD_X * 2,
          align: aligns[i] ?? 'left',
        });
      }
      doc.fontSize(SIZE.cell);
      x += w;
    });
    this.flushCells(style.bold);
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .moveTo(this.layout.left, y + height)
      .lineTo(this.layout.left + this.layout.width, y + height)
      .stroke()
      .restore();
    doc.x = this.layout.left;
    doc.y = y + height;
  }

  /** Height of a 过次页 / 承前页 row: its words and the widest running sums (the sums of every row). */
  private carryRowHeight(
    table: ReportTable,
    carry: ReadonlyArray<{ key: string; currency: Currency }>,
    widths: readonly number[],
  ): number {
    const texts = (word: string) =>
      table.columns.map((c, i) => {
        const col = carry.find((x) => x.key === c.key);
        if (col) {
          let sum = 0n;
          let max = 0n;
          for (const row of table.rows) {
            const cell = row[c.key];
            if (typeof cell === 'object' && cell !== null && cell.kind === 'money') {
              sum += BigInt(cell.minor);
              const abs = sum < 0n ? -sum : sum;
              if (abs > max) max = abs;
            }
          }
          return cellText({ kind: 'money', minor: -Number(max), currency: col.currency });
        }
        return i === 0 ? word : '';
      });
    return Math.max(
      this.rowHeight(texts(this.carryWords.carried), widths),
      this.rowHeight(texts(this.carryWords.brought), widths),
    );
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.x = this.layout.left;
    this.doc.y = MARGIN;
  }

  render(table: ReportTable): void {
    const doc = this.doc;
    const widths = columnWidths(table, this.layout.width);
    const aligns = table.columns.map((c) => columnAlign(table, c));
    doc.fontSize(SIZE.cell);
    const headerTexts = table.columns.map((c) => c.label);
    const headerHeight = this.rowHeight(headerTexts, widths);
    const rowTexts = table.rows.map((row) => table.columns.map((c) => cellText(row[c.key])));
    const rowSmalls = table.rows.map((row) => table.columns.map((c) => cellSmallPrint(row[c.key])));
    const firstRow = rowTexts[0] === undefined ? 0 : this.rowHeight(rowTexts[0], widths, rowSmalls[0]);

    doc.fontSize(SIZE.heading);
    const headingHeight = doc.heightOfString(table.heading, { width: this.layout.width }) + 4;
    doc.fontSize(SIZE.note);
    const noteHeight = table.note === undefined ? 0 : doc.heightOfString(table.note, { width: this.layout.width }) + 2;
    if (doc.y + headingHeight + noteHeight + headerHeight + firstRow > this.layout.bottom) this.newPage();

    withBold(doc, true, () =>
      doc
        .fontSize(SIZE.heading)
        .fillColor(COLOR.text)
        .text(table.heading, this.layout.left, doc.y, textOptions(this.layout.width, 'left', true)),
    );
    doc.moveDown(0.15);
    if (table.note !== undefined) {
      this.fill(COLOR.muted);
      doc.fontSize(SIZE.note).text(table.note, this.layout.left, doc.y, { width: this.layout.width });
      doc.moveDown(0.2);
    }

    doc.fontSize(SIZE.cell);
    const header = (): void =>
      this.drawRow(headerTexts, widths, aligns, headerHeight, { fill: COLOR.headerFill, bold: true });
    header();
    // 过次页 / 承前页: running sums (exact, bigint) of the money columns carried across a page break.
    const carry = table.carryTotals === true ? carriedColumns(table) : [];
    const sums = new Map<string, bigint>(carry.map((c) => [c.key, 0n]));
    const carryTexts = (word: string) =>
      table.columns.map((c, i) => {
        const col = carry.find((x) => x.key === c.key);
        if (col) return cellText({ kind: 'money', minor: Number(sums.get(c.key) ?? 0n), currency: col.currency });
        return i === 0 ? word : '';
      });
    // The carry rows' height: measured once with the largest sums (the totals), not per row.
    const carryHeight = carry.length > 0 ? this.carryRowHeight(table, carry, widths) : 0;
    rowTexts.forEach((texts, r) => {
      const smalls = rowSmalls[r] ?? [];
      const h = this.rowHeight(texts, widths, smalls);
      if (doc.y + h + carryHeight > this.layout.bottom) {
        if (carry.length > 0)
          this.drawRow(carryTexts(this.carryWords.carried), widths, aligns, carryHeight, {
            fill: COLOR.totalsFill,
            bold: true,
          });
        this.newPage();
        doc.fontSize(SIZE.cell);
        header();
        if (carry.length > 0)
          this.drawRow(carryTexts(this.carryWords.brought), widths, aligns, carryHeight, {
            fill: COLOR.totalsFill,
            bold: true,
          });
      }
      this.drawRow(texts, widths, aligns, h, { bold: false }, smalls);
      for (const c of carry) {
        const cellValue = table.rows[r]?.[c.key];
        if (typeof cellValue === 'object' && cellValue !== null && cellValue.kind === 'money')
          sums.set(c.key, (sums.get(c.key) ?? 0n) + BigInt(cellValue.minor));
      }
    });
    if (rowTexts.length === 0) {
      const none = [this.noneText, ...table.columns.slice(1).map(() => '')];
      this.drawRow(
        none,
        widths,
        table.columns.map(() => 'left'),
        this.rowHeight(none, widths),
        { bold: false },
      );
    }
    if (table.totals !== undefined) {
      const totals = table.totals;
      const texts = table.columns.map((c) => cellText(totals[c.key]));
      const h = this.rowHeight(texts, widths);
      if (doc.y + h > this.layout.bottom) {
        this.newPage();
        doc.fontSize(SIZE.cell);
        header();
      }
      this.drawRow(texts, widths, aligns, h, { fill: COLOR.totalsFill, bold: true });
    }
    doc.moveDown(1.2);
  }
}

function writeFlowing(doc: Doc, layout: Layout, text: string, size: number, color: string): void {
  doc.fontSize(size);
  const h = doc.heightOfString(text, { width: layout.width });
  if (doc.y + h > layout.bottom) {
    doc.addPage();
    doc.y = MARGIN;
  }
  doc.fillColor(color).text(text, layout.left, doc.y, { width: layout.width });
}

function writeHead(doc: Doc, report: ReportDocument, layout: Layout): void {
  withBold(doc, true, () =>
    doc
      .fontSize(SIZE.title)
      .fillColor(COLOR.text)
      .text(report.title, layout.left, MARGIN, textOptions(layout.width, 'left', true)),
  );
  if (report.subtitle !== undefined) {
    doc.moveDown(0.2);
    doc.fontSize(SIZE.subtitle).fillColor(COLOR.muted).text(report.subtitle, { width: layout.width });
  }
  doc.moveDown(0.5);
  doc.fontSize(SIZE.meta);
  const labelWidth = Math.min(150, Math.max(60, ...report.meta.map(([label]) => doc.widthOfString(label) + 10)));
  for (const [label, value] of report.meta) {
    const y = doc.y;
    const h = Math.max(
      doc.heightOfString(label, { width: labelWidth }),
      doc.heightOfString(value === '' ? ' ' : value, { width: layout.width - labelWidth }),
    );
    doc.fillColor(COLOR.muted).text(label, layout.left, y, { width: labelWidth });
    doc.fillColor(COLOR.text).text(value, layout.left + labelWidth, y, { width: layout.width - labelWidth });
    doc.x = layout.left;
    doc.y = y + h + 1.5;
  }
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(COLOR.rule)
    .moveTo(layout.left, doc.y + 4)
    .lineTo(layout.left + layout.width, doc.y + 4)
    .stroke()
    .restore();
  doc.y += 14;
}

function writePageNumbers(doc: Doc, report: ReportDocument, layout: Layout): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(SIZE.footer)
      .fillColor(COLOR.muted)
      .text(pageLabel(report.language, i + 1, range.count), layout.left, A4.height - MARGIN + 8, {
        width: layout.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = savedBottom;
  }
}

/**
 * pdfkit writes every content operator (q, cm, BT, Tm, Tf, TJ, ET, Q, colours …) to the page as a
 * buffer of its own, and with `bufferPages` every page's buffers live until the end: a 10k-line
 * register left about a million small buffers on the heap, and the collector spent more time on
 * them than pdfkit spent drawing. Lines are collected here and written to their page in blocks;
 * the bytes are the same (each line ends with '\n' either way). Returns the final flush.
 */
function batchContent(doc: Doc): () => void {
  type Page = { write(chunk: string | Uint8Array): unknown };
  const docWithPage = doc as unknown as { page: Page; addContent(data: string): Doc };
  let lines: string[] = [];
  let target: Page | undefined;
  const flush = (): void => {
    // as pdfkit writes a string: its char codes as bytes (content is ASCII and hex), then '\n'
    if (target !== undefined && lines.length > 0) target.write(Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    lines = [];
  };
  docWithPage.addContent = (data: string): Doc => {
    const page = docWithPage.page;
    if (page !== target || lines.length >= 4096) {
      flush();
      target = page;
    }
    lines.push(data);
    return doc;
  };
  return flush;
}

/** Renders the document to PDF bytes. */
export async function renderPdf(report: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const font = resolveReportFont(options);
  const created = new Date(report.createdAt);
  const { default: PdfKit } = await import('pdfkit'); // loaded when first used: the host starts sooner (issue 19)
  const doc = new PdfKit({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    lang: report.language,
    displayTitle: true,
    font: null as unknown as string, // no default Helvetica: its AFM files are not needed (or bundled)
    info: {
      Title: report.title,
      ...(report.subtitle !== undefined ? { Subject: report.subtitle } : {}),
      ...(report.author !== undefined ? { Author: report.author } : {}),
      Creator: 'Kuajing Ledger',
      Producer: 'Kuajing Ledger (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const flushContent = batchContent(doc);
  doc.registerFont('body', font.path, font.family as string);
  doc.addPage();
  doc.font('body');
  const layout: Layout = { left: MARGIN, width: A4.width - MARGIN * 2, bottom: A4.height - MARGIN - FOOTER_SPACE };
  writeHead(doc, report, layout);
  const words = writerWords(report.language);
  const tables = new PdfTableRenderer(doc, layout, words.none, words);
  for (const table of report.tables) tables.render(table);
  for (const note of report.footnotes ?? []) writeFlowing(doc, layout, note, SIZE.footnote, COLOR.muted);
  writePageNumbers(doc, report, layout);
  flushContent();
  doc.end();
  return done;
}
