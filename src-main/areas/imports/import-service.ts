/**
 * The import use cases: preview (parse, compare with the ledger without writing, list
 * rejected rows) → confirm (one unit-of-work transaction: all of it or nothing) or discard;
 * rejected rows as a CSV to fix and re-import; saved generic mappings. A preview waits (one per
 * workspace, 30 minutes) under a random id until confirmed or discarded; only its summary stays in
 * memory — the file and its rejected rows wait in temporary files (preview-spill.ts) and confirm
 * reads the file again, refusing it as `import.file.changed` when its digest moved (issue 16, point 1).
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import Papa from 'papaparse';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { isCurrency, sumMinor, type Minor } from '../../core/money/index.ts';
import type { ImportSource, MappableStatus, ParsedImport, Platform, RowError } from '../../core/orders/order.ts';
import { normaliseStatusWord } from '../../core/orders/sale-rule.ts';
import {
  getMapping,
  listMappings,
  saveMapping,
  writeImport,
  type ImportItem,
  type ImportMeta,
} from './import-store.ts';
import type { Tx } from '../../db/unit-of-work.ts';
import {
  applyStatusMappings,
  isRowError,
  loadStatusMappings,
  normaliseImported,
  saveStatusMapping,
  sumFees,
  type ImportedContent,
} from '../orders/index.ts';
import {
  closedMonths,
  DEFAULT_TIME_ZONE,
  defaultShop,
  findShop,
  getShop,
  insertShop,
  listShops,
  type NewShop,
  type ShopRecord,
} from '../company/index.ts';
import { parseImport, type ParseImportOptions } from '../../imports/parse-import.ts';
import { MonthTally, periodPlan, type PeriodPlan } from './period-guard.ts';
import { readTable } from '../../imports/read-table.ts';
import type { OrderListItem } from '../../core/orders/order-views.ts';
import type { ImportPreview, ImportSummary, importsContract } from './contract.ts';
import type { AreaHandlers } from '../area-kit.ts';
import { decodeBase64 } from '../base64.ts';
import {
  readSpilledFile,
  readSpilledRejected,
  removeSpill,
  spillFolder,
  writeSpill,
  type PreviewSpill,
} from './preview-spill.ts';
import type { Workspace } from '../workspace.ts';

type ImportsHandlers = AreaHandlers<typeof importsContract>;

export type ParseImportFn = (bytes: Uint8Array, opts: ParseImportOptions) => Promise<ParsedImport>;

/** An order's shop: one that exists, or one confirm will create (found again by platform + name first). */
type ShopRef = { readonly id: number; readonly name: string } | { readonly spec: NewShop };

/** How a preview read its file (the shop, zone and currency it settled on): confirm reads it the same way. */
interface Reading {
  readonly source: ParseImportOptions['source'];
  readonly mapping: ParseImportOptions['mapping'];
  readonly shop: ShopRecord | null;
  readonly zone: string;
  readonly currency: string | null;
}

/**
 * A pending preview: its summary only. The parsed orders are not kept (a 1M-row file's would take
 * gigabytes); the file and the rejected rows are in `spill`.
 */
interface PreviewEntry {
  readonly previewId: string;
  readonly fileName: string;
  readonly fileSha256: string;
  /** The file's reading without its orders and rejected rows. */
  readonly parsed: ParsedImport;
  readonly reading: Reading;
  readonly orders: number;
  /** Rejected-row errors (one row may have several). */
  readonly rejectedCount: number;
  readonly spill: PreviewSpill;
  readonly createdAt: number;
}

export const PREVIEW_TTL_MS = 30 * 60_000;
/**
 * At most one pending preview per workspace (issue 16, point 1): an entry may hold a 100k-order
 * file (~350 MB), and four of them took the web host past 2.7 GB; a new preview replaces the old.
 */
export const PREVIEW_CAP = 1;
const SAMPLE_SIZE = 100;
/** Cells starting like a formula are prefixed with `'` in exported CSV (OWASP CSV injection); multi-line cells too. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** These formats carry an offset on every time; the others are read in the shop's zone. */
const ZONED_SOURCES: ReadonlySet<ImportSource> = new Set(['amazon-orders', 'amazon-settlement', 'shopify']);

export class PreviewCache {
  readonly #entries = new Map<string, PreviewEntry>();
  readonly #now: () => number;
  readonly #evicted: (entry: PreviewEntry) => void;
  /** `evicted` is told of every entry that leaves (replaced, expired, deleted): its temporary files go. */
  constructor(now: () => number, evicted: (entry: PreviewEntry) => void = () => {}) {
    this.#now = now;
    this.#evicted = evicted;
  }

  set(entry: PreviewEntry): void {
    this.#purge();
    while (this.#entries.size >= PREVIEW_CAP) this.delete(this.#entries.keys().next().value!);
    this.#entries.set(entry.previewId, entry);
  }

  get(previewId: string): PreviewEntry {
    this.#purge();
    const e = this.#entries.get(previewId);
    if (!e) throw new DomainError('imports.preview.expired', { previewId });
    return e;
  }

  delete(previewId: string): boolean {
    const e = this.#entries.get(previewId);
    if (e) this.#evicted(e);
    return this.#entries.delete(previewId);
  }

  #purge(): void {
    const limit = this.#now() - PREVIEW_TTL_MS;
    for (const [id, e] of this.#entries) if (e.createdAt < limit) this.delete(id);
  }
}

/** The import use cases of one workspace: its preview cache lives as long as the workspace. */
export interface ImportService {
  readonly preview: ImportsHandlers['imports.preview'];
  readonly confirm: ImportsHandlers['imports.confirm'];
  readonly discard: ImportsHandlers['imports.discard'];
  readonly rejectedCsv: ImportsHandlers['imports.rejectedCsv'];
  readonly listMappings: ImportsHandlers['imports.mappings.list'];
}

export function createImportService(ws: Workspace, parse: ParseImportFn = parseImport): ImportService {
  let folder: string | null = null; // made at the first preview
  const cache = new PreviewCache(
    () => ws.clock().getTime(),
    (e) => removeSpill(e.spill),
  );
  const progress = (previewId: string, phase: 'read' | 'parse' | 'write') => (done: number, total: number) =>
    ws.events.emit('import.progress', { previewId, phase, done, total });

  return {
    preview: async (input) => {
      const previewId = randomUUID();
      ws.events.emit('import.progress', { previewId, phase: 'read', done: 0, total: 1 });
      const bytes = decodeBase64(input.contentBase64);
      const fileSha256 = createHash('sha256').update(bytes).digest('hex');
      let shop = input.shopId == null ? null : getShop(ws.read, input.shopId);
      if (input.shopId != null && !shop) throw new DomainError('shops.notFound', { id: input.shopId });
      let mapping = input.mapping ?? null;
      if (!mapping && input.mappingName) {
        mapping = getMapping(ws.read, input.mappingName);
        if (!mapping) throw new DomainError('imports.mapping.notFound', { name: input.mappingName });
      }
      ws.events.emit('import.progress', { previewId, phase: 'read', done: 1, total: 1 });
      const options = (timeZone: string, currency: string | null): ParseImportOptions => ({
        fileName: input.fileName,
        source: input.source,
        timeZone,
        mapping,
        defaultCurrency: currency !== null && isCurrency(currency) ? currency : null,
        onProgress: progress(previewId, 'parse'),
      });
      let zone = shop?.timeZone ?? DEFAULT_TIME_ZONE;
      let currency = shop?.currency ?? null;
      let parsed: ParsedImport;
      try {
        parsed = await parse(bytes, options(zone, currency));
      } catch (e) {
        // A file without any currency (TikTok, some Shopee exports) takes its shop's: with no shop
        // chosen, the platform's only shop is the one; with several, the user must choose.
        const only =
          !shop && isDomainError(e) && e.code === 'import.file.noCurrency'
            ? onlyShopFor(ws, String(e.params.source))
            : null;
        if (!only) throw e;
        shop = only;
        zone = only.timeZone;
        currency = only.currency;
        parsed = await parse(bytes, options(zone, currency));
      }
      let prepared = prepare(ws, parsed, shop);
      // Local times are read in the shop's zone: when the file's orders all land in one existing
      // shop of another zone, read the file again in that zone.
      const target = singleExistingShop(ws, prepared.items);
      if (!shop && target && target.timeZone !== zone && !ZONED_SOURCES.has(parsed.source)) {
        zone = target.timeZone;
        currency = target.currency;
        parsed = await parse(bytes, options(zone, currency));
        prepared = prepare(ws, parsed, null);
      }
      const reading: Reading = { source: input.source, mapping, shop, zone, currency };
      const items = withShopStatusMappings(ws, prepared.items);
      prepared = { ...prepared, items };
      // the prepared contents replace the parsed orders: let those go before the ledger comparison
      parsed = { ...parsed, orders: [] };
      const contents = items.map((i) => i.content);
      // what would be new / updated / unchanged, by month; orders a closed month holds back (issue 17 point 1g)
      const plan = periodPlan(
        ws.read,
        items.map((i) => ({ content: i.content, shopId: 'id' in i.shop ? i.shop.id : null })),
        parsed.source,
        fileSha256,
      );
      const { rejected, rejectedOrderNos } = allRejected(parsed, prepared);
      const unknownStatuses: Record<string, number> = {};
      for (const c of contents)
        if (c.status === 'unknown') unknownStatuses[c.platformStatus] = (unknownStatuses[c.platformStatus] ?? 0) + 1;
      const rejectedRows = new Set(rejected.map((e) => e.row)).size;
      cache.set({
        // the summary only: confirm reads the file again, the rejected rows wait on disk
        previewId,
        fileName: input.fileName,
        fileSha256,
        parsed: { ...parsed, orders: [], rejected: [], rejectedOrderNos: {} },
        reading,
        orders: contents.length,
        rejectedCount: rejected.length,
        spill: writeSpill(
          (folder ??= spillFolder(ws.dataDir, ws.readOnly)),
          previewId,
          bytes,
          rejected,
          rejectedOrderNos,
        ),
        createdAt: ws.clock().getTime(),
      });
      const preview: ImportPreview = {
        previewId,
        fileName: input.fileName,
        source: parsed.source,
        encoding: parsed.encoding,
        delimiter: parsed.delimiter,
        headers: parsed.headers,
        mapping: parsed.mapping,
        unmappedRequired: parsed.unmappedRequired,
        orders: contents.length,
        lines: contents.reduce((n, c) => n + c.lines.length, 0),
        counts: plan.counts,
        months: plan.months,
        heldBack: plan.heldBack,
        rejected,
        rejectedOrderNos,
        warnings: parsed.warnings,
        unknownStatuses,
        rows: {
          read: parsed.rowCount,
          imported: parsed.rowCount - rejectedRows - parsed.rowsSkipped,
          rejected: rejectedRows,
          skipped: parsed.rowsSkipped,
        },
        // what would be written: orders a closed month holds back are not in the totals
        totals: totalsOf(plan.held.size === 0 ? contents : contents.filter((_, i) => !plan.held.has(i))),
        sample: prepared.items.slice(0, SAMPLE_SIZE).map((i) => sampleItem(i.content, i.shop)),
      };
      return preview;
    },

    confirm: async ({ previewId, saveMappingAs, acceptValidRows, statusMappings }) => {
      const entry = cache.get(previewId);
      const { parsed } = entry;
      if (parsed.unmappedRequired.length > 0) {
        throw new DomainError('imports.mappingIncomplete', { fields: parsed.unmappedRequired.join(', ') });
      }
      // all or nothing: a file with rejected rows is imported only when the valid rows are accepted explicitly
      if (entry.orders === 0 && entry.rejectedCount > 0)
        throw new DomainError('imports.allRowsRejected', { rejected: entry.rejectedCount });
      if (entry.rejectedCount > 0 && acceptValidRows !== true) {
        throw new DomainError('imports.rowsRejected', { rejected: entry.rejectedCount, orders: entry.orders });
      }
      // the preview kept no orders: the file is read again, the same way, unless it changed since
      const again = await readAgain(
        ws,
        parse,
        readSpilledFile(entry.spill, entry.fileSha256),
        entry.fileName,
        entry.reading,
        progress(previewId, 'parse'),
      );
      const chosen = new Map(
        Object.entries(statusMappings ?? {}).map(([w, st]) => [normaliseStatusWord(w), st] as const),
      );
      const items =
        chosen.size === 0
          ? again.items
          : again.items.map((i) => ({ ...i, content: applyStatusMappings(i.content, chosen) }));
      const written = ws.uow.run('imports.confirm', (tx) => {
        const result = writePreparedImport(
          tx,
          {
            source: parsed.source,
            fileName: entry.fileName,
            fileSha256: entry.fileSha256,
            encoding: parsed.encoding,
            rowCount: parsed.rowCount,
            rejected: again.rejected.length,
          },
          items,
          progress(previewId, 'write'),
        );
        const name = saveMappingAs?.trim();
        if (name && parsed.mapping) saveMapping(tx.db, name, parsed.mapping, tx.now);
        // the mapping belongs to the shop(s) of this file; their stored orders with the word are re-classified
        const mapped = Object.entries(statusMappings ?? {}).map(([word, status]) => {
          const outcomes = result.shopIds.map((shopId) => saveStatusMapping(tx, shopId, word, status));
          const held = new Map<string, number>();
          for (const h of outcomes.flatMap((o) => o.heldBack)) held.set(h.month, (held.get(h.month) ?? 0) + h.orders);
          return {
            word,
            status,
            reclassified: outcomes.reduce((n, o) => n + o.reclassified, 0),
            heldBack: [...held.entries()].sort().map(([month, orders]) => ({ month, orders })),
          };
        });
        return { ...result, mapped };
      });
      cache.delete(previewId);
      const summary: ImportSummary = {
        importId: written.importId,
        source: parsed.source,
        encoding: parsed.encoding,
        orders: again.items.length,
        lines: again.items.reduce((n, i) => n + i.content.lines.length, 0),
        new: written.new,
        updated: written.updated,
        unchanged: written.unchanged,
        rejected: again.rejected,
        rejectedOrderNos: again.rejectedOrderNos,
        warnings: parsed.warnings,
        mapped: written.mapped,
        months: written.months,
        heldBack: written.heldBack,
      };
      return summary;
    },

    discard: ({ previewId }) => ({ discarded: cache.delete(previewId) }),

    rejectedCsv: async ({ previewId }) => {
      const entry = cache.get(previewId);
      const { rejected } = await readSpilledRejected(entry.spill);
      const bytes = rejected.length > 0 ? readSpilledFile(entry.spill, entry.fileSha256) : null;
      const csv = await rejectedCsv(entry.parsed, rejected, bytes);
      const base = path.basename(entry.fileName, path.extname(entry.fileName)) || 'import';
      return { fileName: `${base}-rejected.csv`, csv };
    },

    listMappings: () => listMappings(ws.read),
  };
}

/** The shop's own meanings of status words (saved by earlier imports) decide before the table. */
function withShopStatusMappings(ws: Workspace, items: PreparedImport['items']): PreparedImport['items'] {
  const mappingsOf = new Map<number, Map<string, MappableStatus>>();
  return items.map((i) => {
    if (!('id' in i.shop)) return i;
    let m = mappingsOf.get(i.shop.id);
    if (!m) {
      m = loadStatusMappings(ws.read, i.shop.id);
      mappingsOf.set(i.shop.id, m);
    }
    return m.size === 0 ? i : { ...i, content: applyStatusMappings(i.content, m) };
  });
}

/** The file's rejected rows and the preparation's, in row order, with their order numbers. */
function allRejected(
  parsed: ParsedImport,
  prepared: PreparedImport,
): { rejected: RowError[]; rejectedOrderNos: Record<number, string> } {
  const rejected = [...parsed.rejected, ...prepared.rejected].sort((a, b) => a.row - b.row);
  const rejectedOrderNos: Record<number, string> = { ...parsed.rejectedOrderNos };
  for (const e of prepared.rejected)
    if (typeof e.params.orderNo === 'string') rejectedOrderNos[e.row] = e.params.orderNo;
  return { rejected, rejectedOrderNos };
}

/** The file read again as its preview settled on (shop, zone, currency): the orders confirm writes. */
async function readAgain(
  ws: Workspace,
  parse: ParseImportFn,
  bytes: Uint8Array,
  fileName: string,
  reading: Reading,
  onProgress: (done: number, total: number) => void,
): Promise<PreparedImport & { rejectedOrderNos: Record<number, string> }> {
  const parsed = await parse(bytes, {
    fileName,
    source: reading.source,
    timeZone: reading.zone,
    mapping: reading.mapping,
    defaultCurrency: reading.currency !== null && isCurrency(reading.currency) ? reading.currency : null,
    onProgress,
  });
  const prepared = prepare(ws, parsed, reading.shop);
  return { items: withShopStatusMappings(ws, prepared.items), ...allRejected(parsed, prepared) };
}

/**
 * Prepared orders into the caller's transaction, creating the shops they need (also the payouts
 * import's orders step). Orders that would change a closed month are held back (period-guard.ts).
 */
export function writePreparedImport(
  tx: Tx,
  meta: ImportMeta,
  prepared: PreparedImport['items'],
  onProgress?: (done: number, total: number) => void,
): ReturnType<typeof writeImport> & Pick<PeriodPlan, 'months' | 'heldBack'> & { readonly shopIds: readonly number[] } {
  // with a month closed, what would change it is held back; with none, the write itself tallies the months
  const closed = closedMonths(tx.db);
  const plan =
    closed.size === 0
      ? null
      : periodPlan(
          tx.db,
          prepared.map(({ content, shop }) => ({
            content,
            shopId: 'id' in shop ? shop.id : (findShop(tx.db, shop.spec.platform, shop.spec.name)?.id ?? null),
          })),
          meta.source,
          meta.fileSha256,
          closed,
        );
  const open = plan === null || plan.held.size === 0 ? prepared : prepared.filter((_, i) => !plan.held.has(i));
  const created = new Map<string, number>();
  const items: ImportItem[] = open.map(({ content, shop }) => {
    if ('id' in shop) return { content, shopId: shop.id };
    const key = `${shop.spec.platform}\u0000${shop.spec.name}`;
    let id = created.get(key);
    if (id === undefined) {
      id = (findShop(tx.db, shop.spec.platform, shop.spec.name) ?? insertShop(tx.db, shop.spec)).id;
      created.set(key, id);
    }
    return { content, shopId: id };
  });
  const tally = new MonthTally(closed);
  const written = writeImport(tx, meta, items, onProgress, (i, change) =>
    tally.add(items[i]!.content.orderedAt.slice(0, 7), change),
  );
  return {
    ...written,
    months: plan?.months ?? tally.months(),
    heldBack: plan?.heldBack ?? [],
    shopIds: [...new Set(items.map((i) => i.shopId))],
  };
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
      if (order.platform !== 'erp')
        throw new DomainError('imports.shopPlatformMismatch', {
          shopPlatform: shop.platform,
          filePlatform: order.platform,
        });
      platform = shop.platform;
    }
    const c = normaliseImported(order, { platform, settlement });
    if (isRowError(c)) {
      rejected.push(
        c,
        ...order.sourceRows
          .filter((r) => r !== c.row)
          .map((row) => ({ row, column: null, code: 'import.row.orderHasErrors', params: { orderNo: order.orderNo } })),
      );
      continue;
    }
    const key = `${c.platform}\u0000${c.orderNo}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, c);
      continue;
    }
    if (settlement && prev.currency === c.currency) {
      byKey.set(key, {
        ...prev,
        fees: sumFees([...prev.fees, ...c.fees]),
        refunded: sumMinor([prev.refunded, c.refunded]),
      });
      continue;
    }
    rejected.push(
      ...order.sourceRows.map((row) => ({
        row,
        column: null,
        code: 'import.row.duplicateOrder',
        params: { orderNo: c.orderNo },
      })),
    );
  }
  const contents = [...byKey.values()];
  const shopCurrency = (c: ImportedContent) => c.currency ?? shop?.currency ?? 'USD';
  // Amazon multi-channel orders ('Non-Amazon') belong to the marketplace shop of the same file.
  const marketplaces = new Map<string, number>();
  for (const c of contents) {
    const spec = defaultShop(c.platform, c.shopName, c.salesChannel, shopCurrency(c));
    if (c.platform === 'amazon' && spec.site) marketplaces.set(spec.name, (marketplaces.get(spec.name) ?? 0) + 1);
  }
  const mainMarketplace = [...marketplaces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const refs = new Map<string, ShopRef>();
  // An order already in the ledger stays in its shop (a re-import, a settlement for imported
  // orders); orders keyed by shop mean a file without a chosen shop must not guess between shops.
  const holders = ws.read
    .prepare(`SELECT DISTINCT o.shop_id AS id, s.name FROM orders o JOIN shops s ON s.id = o.shop_id
    WHERE o.order_no = ? AND o.platform = ?`);
  const platformShops = new Map<Platform, ShopRecord[]>();
  const shopsOf = (p: Platform) => {
    let list = platformShops.get(p);
    if (!list) {
      list = listShops(ws.read).filter((x) => x.platform === p);
      platformShops.set(p, list);
    }
    return list;
  };
  const items = contents.map((content) => {
    if (shop) return { content, shop: { id: shop.id, name: shop.name } as ShopRef };
    const held = holders.all(content.orderNo, content.platform) as Array<{ id: number; name: string }>;
    if (held.length === 1) return { content, shop: held[0] as ShopRef };
    // Amazon shops are per marketplace and an ERP row may name its shop (the file says which);
    // otherwise order numbers are per store, and with several stores of the platform the user chooses.
    const candidates = shopsOf(content.platform);
    const named = content.platform === 'amazon' || content.shopName !== null;
    if (held.length > 1 || (!named && candidates.length > 1)) {
      throw new DomainError('imports.shopAmbiguous', {
        platform: content.platform,
        shops: candidates.map((x) => x.name).join(', '),
      });
    }
    let spec = defaultShop(content.platform, content.shopName, content.salesChannel, shopCurrency(content));
    if (content.platform === 'amazon' && !spec.site && !content.shopName && mainMarketplace) {
      spec = defaultShop('amazon', null, mainMarketplace, shopCurrency(content));
    }
    if (!named && candidates.length === 1) {
      return { content, shop: { id: candidates[0]!.id, name: candidates[0]!.name } as ShopRef };
    }
    const key = `${spec.platform}\u0000${spec.name}`;
    let ref = refs.get(key);
    if (!ref) {
      const found = findShop(ws.read, spec.platform, spec.name);
      ref = found ? { id: found.id, name: found.name } : { spec };
      refs.set(key, ref);
    }
    return { content, shop: ref };
  });
  return { items, rejected };
}

const PLATFORM_OF: Readonly<Record<ImportSource, Platform>> = {
  'amazon-orders': 'amazon',
  'amazon-settlement': 'amazon',
  shopify: 'shopify',
  shopee: 'shopee',
  tiktok: 'tiktok',
  generic: 'erp',
};

function onlyShopFor(ws: Workspace, source: string): ShopRecord | null {
  const platform = PLATFORM_OF[source as ImportSource] as Platform | undefined;
  const shops = platform ? listShops(ws.read).filter((s) => s.platform === platform) : [];
  return shops.length === 1 ? shops[0]! : null;
}

/** The one existing shop all orders go to, if that is the case. */
function singleExistingShop(ws: Workspace, items: ReadonlyArray<{ shop: ShopRef }>): ShopRecord | null {
  const ids = new Set(items.map((i) => ('id' in i.shop ? i.shop.id : -1)));
  const [only] = ids;
  return ids.size === 1 && only !== undefined && only > 0 ? getShop(ws.read, only) : null;
}

function totalsOf(contents: readonly ImportedContent[]): Record<string, { orders: number; gross: Minor }> {
  const totals: Record<string, { orders: number; gross: Minor }> = {};
  for (const c of contents) {
    if (c.exclusion !== null || c.currency === null || c.gross === null) continue;
    const t = (totals[c.currency] ??= { orders: 0, gross: 0 as Minor });
    t.orders++;
    t.gross = sumMinor([t.gross, c.gross]);
  }
  return totals;
}

function sampleItem(c: ImportedContent, shop: ShopRef): OrderListItem {
  return {
    id: 0,
    platform: c.platform,
    shopId: 'id' in shop ? shop.id : 0,
    shopName: 'id' in shop ? shop.name : shop.spec.name,
    orderNo: c.orderNo,
    status: c.status,
    orderedAt: c.orderedAt,
    buyerCountry: c.buyerCountry,
    currency: c.currency,
    customsMode: null,
    fulfilment: c.fulfilment,
    units: c.units,
    gross: c.gross,
    refunded: c.refunded,
    exclusion: c.exclusion,
  };
}

/**
 * One CSV line per rejected file row: its row number, the column(s) and code(s) of its errors,
 * then the row's original cells under the file's own headers, so the user can fix the cells,
 * delete the first three columns and import the file again. UTF-8 with BOM for Excel.
 */
export async function rejectedCsv(
  parsed: ParsedImport,
  rejected: readonly RowError[],
  bytes: Uint8Array | null,
): Promise<string> {
  const byRow = new Map<number, RowError[]>();
  for (const e of rejected) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const cells = new Map<number, readonly string[]>();
  if (bytes && byRow.size > 0) {
    const table = await readTable(bytes);
    table.rowNumbers.forEach((row, i) => {
      if (byRow.has(row)) cells.set(row, table.rows[i] ?? []);
    });
  }
  const data = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, errors]) => [
      row,
      [...new Set(errors.map((e) => e.column).filter((c): c is string => c !== null))].join('; '),
      [...new Set(errors.map((e) => e.code))].join('; '),
      ...(cells.get(row) ?? []),
    ]);
  // A row with too many cells keeps them all (under blank headers): they are why it was rejected.
  // a loop, not Math.max(...data): spreading 200k rows as arguments overflows the call stack
  let width = parsed.headers.length;
  for (const r of data) width = Math.max(width, r.length - 3);
  const fields = [
    '行号/row',
    '列/column',
    '错误代码/code',
    ...parsed.headers,
    ...new Array<string>(width - parsed.headers.length).fill(''),
  ];
  return '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}
