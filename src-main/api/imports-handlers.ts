/**
 * Handlers for the import unit: preview (parse, compare with the ledger without writing, list
 * rejected rows) → confirm (one unit-of-work transaction: all of it or nothing) or discard;
 * rejected rows as a CSV to fix and re-import; saved generic mappings. Parsed previews wait in an
 * in-memory cache (a few entries, 30 minutes) under a random id until confirmed or discarded.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import Papa from 'papaparse';
import { DomainError, isDomainError } from '../core/domain-error.ts';
import { isCurrency } from '../core/money/index.ts';
import type { ImportSource, ParsedImport, Platform, RowError } from '../core/orders/order.ts';
import { countImport, getMapping, listMappings, saveMapping, writeImport, type ImportItem, type ImportMeta } from '../db/import-store.ts';
import type { Tx } from '../db/unit-of-work.ts';
import { isRowError, normaliseImported, sumFees, type ImportedContent } from '../db/order-content.ts';
import { DEFAULT_TIME_ZONE, defaultShop, findShop, getShop, insertShop, listShops, type NewShop, type ShopRecord } from '../db/shop-store.ts';
import { parseImport, type ParseImportOptions } from '../imports/parse-import.ts';
import { readTable } from '../imports/read-table.ts';
import type { ImportPreview, ImportSummary, OrderListItem } from './contract.ts';
import { readSyncStatus, type Handlers } from './handlers.ts';
import { decodeBase64 } from './base64.ts';
import type { Workspace } from './workspace.ts';

type ImportsHandlers = Pick<Handlers, 'imports.preview' | 'imports.confirm' | 'imports.discard' | 'imports.rejectedCsv' | 'imports.mappings.list'>;

export type ParseImportFn = (bytes: Uint8Array, opts: ParseImportOptions) => Promise<ParsedImport>;

/** An order's shop: one that exists, or one confirm will create (found again by platform + name first). */
type ShopRef = { readonly id: number; readonly name: string } | { readonly spec: NewShop };

interface PreviewEntry {
  readonly previewId: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly parsed: ParsedImport;
  readonly items: ReadonlyArray<{ readonly content: ImportedContent; readonly shop: ShopRef }>;
  readonly rejected: readonly RowError[];
  /** The file, kept only when rows were rejected (the CSV of rejected rows quotes them). */
  readonly bytes: Uint8Array | null;
  readonly createdAt: number;
}

export const PREVIEW_TTL_MS = 30 * 60_000;
/** Each entry may hold a 100k-order file: keep a few, the oldest leave first. */
export const PREVIEW_CAP = 4;
const SAMPLE_SIZE = 100;
/** Cells starting like a formula are prefixed with `'` in exported CSV (OWASP CSV injection); multi-line cells too. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** These formats carry an offset on every time; the others are read in the shop's zone. */
const ZONED_SOURCES: ReadonlySet<ImportSource> = new Set(['amazon-orders', 'amazon-settlement', 'shopify']);

export class PreviewCache {
  readonly #entries = new Map<string, PreviewEntry>();
  readonly #now: () => number;
  constructor(now: () => number) { this.#now = now; }

  set(entry: PreviewEntry): void {
    this.#purge();
    while (this.#entries.size >= PREVIEW_CAP) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(entry.previewId, entry);
  }

  get(previewId: string): PreviewEntry {
    this.#purge();
    const e = this.#entries.get(previewId);
    if (!e) throw new DomainError('imports.preview.expired', { previewId });
    return e;
  }

  delete(previewId: string): boolean {
    return this.#entries.delete(previewId);
  }

  #purge(): void {
    const limit = this.#now() - PREVIEW_TTL_MS;
    for (const [id, e] of this.#entries) if (e.createdAt < limit) this.#entries.delete(id);
  }
}

export function createImportsHandlers(ws: Workspace, parse: ParseImportFn = parseImport): ImportsHandlers {
  const cache = new PreviewCache(() => ws.clock().getTime());
  const progress = (previewId: string, phase: 'read' | 'parse' | 'write') => (done: number, total: number) =>
    ws.events.emit('import.progress', { previewId, phase, done, total });

  return {
    'imports.preview': async (input) => {
      const previewId = randomUUID();
      ws.events.emit('import.progress', { previewId, phase: 'read', done: 0, total: 1 });
      const bytes = decodeBase64(input.contentBase64);
      const fileSha256 = createHash('sha256').update(bytes).digest('hex');
      let shop = input.shopId == null ? null : getShop(ws.db, input.shopId);
      if (input.shopId != null && !shop) throw new DomainError('shops.notFound', { id: input.shopId });
      let mapping = input.mapping ?? null;
      if (!mapping && input.mappingName) {
        mapping = getMapping(ws.db, input.mappingName);
        if (!mapping) throw new DomainError('imports.mapping.notFound', { name: input.mappingName });
      }
      ws.events.emit('import.progress', { previewId, phase: 'read', done: 1, total: 1 });
      const options = (timeZone: string, currency: string | null): ParseImportOptions => ({
        fileName: input.fileName, source: input.source, timeZone, mapping,
        defaultCurrency: currency !== null && isCurrency(currency) ? currency : null, onProgress: progress(previewId, 'parse'),
      });
      let zone = shop?.timeZone ?? DEFAULT_TIME_ZONE;
      let parsed: ParsedImport;
      try {
        parsed = await parse(bytes, options(zone, shop?.currency ?? null));
      } catch (e) {
        // A file without any currency (TikTok, some Shopee exports) takes its shop's: with no shop
        // chosen, the platform's only shop is the one; with several, the user must choose.
        const only = !shop && isDomainError(e) && e.code === 'import.file.noCurrency' ? onlyShopFor(ws, String(e.params.source)) : null;
        if (!only) throw e;
        shop = only;
        zone = only.timeZone;
        parsed = await parse(bytes, options(zone, only.currency));
      }
      let prepared = prepare(ws, parsed, shop);
      // Local times are read in the shop's zone: when the file's orders all land in one existing
      // shop of another zone, read the file again in that zone.
      const target = singleExistingShop(ws, prepared.items);
      if (!shop && target && target.timeZone !== zone && !ZONED_SOURCES.has(parsed.source)) {
        parsed = await parse(bytes, options(target.timeZone, target.currency));
        prepared = prepare(ws, parsed, null);
      }
      const contents = prepared.items.map((i) => i.content);
      const counts = countImport(ws.db, contents, parsed.source, fileSha256);
      const rejected = [...parsed.rejected, ...prepared.rejected].sort((a, b) => a.row - b.row);
      cache.set({
        // the parsed orders live on as `items`; keeping both would double a large preview's memory
        previewId, fileName: input.fileName, fileSha256, parsed: { ...parsed, orders: [] }, items: prepared.items, rejected,
        bytes: rejected.length > 0 ? bytes : null, createdAt: ws.clock().getTime(),
      });
      const preview: ImportPreview = {
        previewId, fileName: input.fileName, source: parsed.source, encoding: parsed.encoding, delimiter: parsed.delimiter,
        headers: parsed.headers, mapping: parsed.mapping, unmappedRequired: parsed.unmappedRequired,
        orders: contents.length, lines: contents.reduce((n, c) => n + c.lines.length, 0), counts, rejected,
        totals: totalsOf(contents), sample: prepared.items.slice(0, SAMPLE_SIZE).map((i) => sampleItem(i.content, i.shop)),
      };
      return preview;
    },

    'imports.confirm': ({ previewId, saveMappingAs }) => {
      const entry = cache.get(previewId);
      const { parsed } = entry;
      if (parsed.unmappedRequired.length > 0) {
        throw new DomainError('imports.mappingIncomplete', { fields: parsed.unmappedRequired.join(', ') });
      }
      const written = ws.uow.run('imports.confirm', (tx) => {
        const result = writePreparedImport(tx, {
          source: parsed.source, fileName: entry.fileName, fileSha256: entry.fileSha256, encoding: parsed.encoding,
          rowCount: parsed.rowCount, rejected: entry.rejected.length,
        }, entry.items, progress(previewId, 'write'));
        const name = saveMappingAs?.trim();
        if (name && parsed.mapping) saveMapping(tx.db, name, parsed.mapping, tx.now);
        return result;
      });
      cache.delete(previewId);
      ws.events.emit('sync.status', readSyncStatus(ws));
      const summary: ImportSummary = {
        importId: written.importId, source: parsed.source, encoding: parsed.encoding, orders: entry.items.length,
        lines: entry.items.reduce((n, i) => n + i.content.lines.length, 0),
        new: written.new, updated: written.updated, unchanged: written.unchanged, rejected: entry.rejected,
      };
      return summary;
    },

    'imports.discard': ({ previewId }) => ({ discarded: cache.delete(previewId) }),

    'imports.rejectedCsv': async ({ previewId }) => {
      const entry = cache.get(previewId);
      const csv = await rejectedCsv(entry.parsed, entry.rejected, entry.bytes);
      const base = path.basename(entry.fileName, path.extname(entry.fileName)) || 'import';
      return { fileName: `${base}-rejected.csv`, csv };
    },

    'imports.mappings.list': () => listMappings(ws.db),
  };
}

/** Prepared orders into the caller's transaction, creating the shops they need (also the payouts import's orders step). */
export function writePreparedImport(
  tx: Tx, meta: ImportMeta, prepared: PreparedImport['items'], onProgress?: (done: number, total: number) => void,
): ReturnType<typeof writeImport> {
  const created = new Map<string, number>();
  const items: ImportItem[] = prepared.map(({ content, shop }) => {
    if ('id' in shop) return { content, shopId: shop.id };
    const key = `${shop.spec.platform}\u0000${shop.spec.name}`;
    let id = created.get(key);
    if (id === undefined) {
      id = (findShop(tx.db, shop.spec.platform, shop.spec.name) ?? insertShop(tx.db, shop.spec)).id;
      created.set(key, id);
    }
    return { content, shopId: id };
  });
  return writeImport(tx, meta, items, onProgress);
}

export interface PreparedImport {
  readonly items: ReadonlyArray<{ readonly content: ImportedContent; readonly shop: ShopRef }>;
  readonly rejected: RowError[];
}

/**
 * Parsed orders → row content with their shops. An order the store cannot hold (unknown status
 * word, bad date…) is rejected whole, its other rows with `import.row.orderHasErrors`; an order
 * number listed twice is rejected (a settlement's are merged: each lists fees and refunds).
 */
export function prepare(ws: Workspace, parsed: ParsedImport, shop: ShopRecord | null): PreparedImport {
  const settlement = parsed.source === 'amazon-settlement';
  const rejected: RowError[] = [];
  const byKey = new Map<string, ImportedContent>();
  for (const order of parsed.orders) {
    let platform: Platform = order.platform;
    if (shop && shop.platform !== order.platform) {
      // An ERP export of, say, Amazon orders imported into the Amazon shop are Amazon's orders.
      if (order.platform !== 'erp') throw new DomainError('imports.shopPlatformMismatch', { shopPlatform: shop.platform, filePlatform: order.platform });
      platform = shop.platform;
    }
    const c = normaliseImported(order, { platform, settlement });
    if (isRowError(c)) {
      rejected.push(c, ...order.sourceRows.filter((r) => r !== c.row).map((row) => ({ row, column: null, code: 'import.row.orderHasErrors', params: { orderNo: order.orderNo } })));
      continue;
    }
    const key = `${c.platform}\u0000${c.orderNo}`;
    const prev = byKey.get(key);
    if (!prev) { byKey.set(key, c); continue; }
    if (settlement && prev.currency === c.currency) {
      byKey.set(key, { ...prev, fees: sumFees([...prev.fees, ...c.fees]), refunded: prev.refunded + c.refunded });
      continue;
    }
    rejected.push(...order.sourceRows.map((row) => ({ row, column: null, code: 'import.row.duplicateOrder', params: { orderNo: c.orderNo } })));
  }
  const contents = [...byKey.values()];
  // Amazon multi-channel orders ('Non-Amazon') belong to the marketplace shop of the same file.
  const marketplaces = new Map<string, number>();
  for (const c of contents) {
    const spec = defaultShop(c.platform, c.shopName, c.salesChannel, c.currency);
    if (c.platform === 'amazon' && spec.site) marketplaces.set(spec.name, (marketplaces.get(spec.name) ?? 0) + 1);
  }
  const mainMarketplace = [...marketplaces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const refs = new Map<string, ShopRef>();
  const items = contents.map((content) => {
    if (shop) return { content, shop: { id: shop.id, name: shop.name } as ShopRef };
    let spec = defaultShop(content.platform, content.shopName, content.salesChannel, content.currency);
    if (content.platform === 'amazon' && !spec.site && !content.shopName && mainMarketplace) {
      spec = defaultShop('amazon', null, mainMarketplace, content.currency);
    }
    const key = `${spec.platform}\u0000${spec.name}`;
    let ref = refs.get(key);
    if (!ref) {
      const found = findShop(ws.db, spec.platform, spec.name);
      ref = found ? { id: found.id, name: found.name } : { spec };
      refs.set(key, ref);
    }
    return { content, shop: ref };
  });
  return { items, rejected };
}

const PLATFORM_OF: Readonly<Record<ImportSource, Platform>> = {
  'amazon-orders': 'amazon', 'amazon-settlement': 'amazon', shopify: 'shopify', shopee: 'shopee', tiktok: 'tiktok', generic: 'erp',
};

function onlyShopFor(ws: Workspace, source: string): ShopRecord | null {
  const platform = PLATFORM_OF[source as ImportSource] as Platform | undefined;
  const shops = platform ? listShops(ws.db).filter((s) => s.platform === platform) : [];
  return shops.length === 1 ? shops[0]! : null;
}

/** The one existing shop all orders go to, if that is the case. */
function singleExistingShop(ws: Workspace, items: ReadonlyArray<{ shop: ShopRef }>): ShopRecord | null {
  const ids = new Set(items.map((i) => ('id' in i.shop ? i.shop.id : -1)));
  const [only] = ids;
  return ids.size === 1 && only !== undefined && only > 0 ? getShop(ws.db, only) : null;
}

function totalsOf(contents: readonly ImportedContent[]): Record<string, { orders: number; gross: number }> {
  const totals: Record<string, { orders: number; gross: number }> = {};
  for (const c of contents) {
    if (c.exclusion !== null) continue;
    const t = (totals[c.currency] ??= { orders: 0, gross: 0 });
    t.orders++;
    t.gross += c.gross;
  }
  return totals;
}

function sampleItem(c: ImportedContent, shop: ShopRef): OrderListItem {
  return {
    id: 0, platform: c.platform, shopId: 'id' in shop ? shop.id : 0, shopName: 'id' in shop ? shop.name : shop.spec.name,
    orderNo: c.orderNo, status: c.status, orderedAt: c.orderedAt, buyerCountry: c.buyerCountry, currency: c.currency,
    customsMode: null, fulfilment: c.fulfilment, units: c.units, gross: c.gross, refunded: c.refunded, exclusion: c.exclusion,
  };
}

/**
 * One CSV line per rejected file row: its row number, the column(s) and code(s) of its errors,
 * then the row's original cells under the file's own headers, so the user can fix the cells,
 * delete the first three columns and import the file again. UTF-8 with BOM for Excel.
 */
export async function rejectedCsv(parsed: ParsedImport, rejected: readonly RowError[], bytes: Uint8Array | null): Promise<string> {
  const byRow = new Map<number, RowError[]>();
  for (const e of rejected) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const cells = new Map<number, readonly string[]>();
  if (bytes && byRow.size > 0) {
    const table = await readTable(bytes);
    table.rowNumbers.forEach((row, i) => { if (byRow.has(row)) cells.set(row, table.rows[i] ?? []); });
  }
  const data = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, errors]) => [
    row,
    [...new Set(errors.map((e) => e.column).filter((c): c is string => c !== null))].join('; '),
    [...new Set(errors.map((e) => e.code))].join('; '),
    ...(cells.get(row) ?? []),
  ]);
  // A row with too many cells keeps them all (under blank headers): they are why it was rejected.
  const width = Math.max(parsed.headers.length, ...data.map((r) => r.length - 3));
  const fields = ['行号/row', '列/column', '错误代码/code', ...parsed.headers, ...new Array<string>(width - parsed.headers.length).fill('')];
  return '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}
