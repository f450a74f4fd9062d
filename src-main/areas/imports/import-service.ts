/**
 * The import use cases: preview (parse, compare with the ledger without writing, list
 * rejected rows) → confirm (one unit-of-work transaction: all of it or nothing) or discard;
 * rejected rows as a CSV to fix and re-import; saved generic mappings. A preview waits (one per
 * workspace, 30 minutes) under a random id until confirmed or discarded; only its summary stays in
 * memory — the file and its rejected rows wait in temporary files (preview-spill.ts) and confirm
 * reads the file again, refusing it as `import.file.changed` when its digest moved (issue 16, point 1).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import { isCurrency, sumMinor, type Minor } from '../../core/money/index.ts';
import type {
  ImportedOrder,
  ImportSource,
  MappableStatus,
  ParsedImport,
  Platform,
  RowError,
} from '../../core/orders/order.ts';
import { normaliseStatusWord } from '../../core/orders/sale-rule.ts';
import {
  getMapping,
  listMappings,
  ImportWriter,
  saveMapping,
  type ImportCounts,
  type ImportItem,
  type ImportMeta,
} from './import-store.ts';
import { batchesOf, Scratch, spilledListOf } from '../../db/scratch.ts';
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
import type { ParseImportOptions } from '../../imports/parse-import.ts';
import { MonthTally, periodPlan, type PeriodPlan } from './period-guard.ts';
import { parseImportOffThread } from './parse-off-thread.ts';
import { READ_LIMITS, readTable, type TableSource } from '../../imports/read-table.ts';
import type { OrderListItem } from '../../core/orders/order-views.ts';
import type { ImportPreview, ImportSummary, importsContract } from './contract.ts';
import type { AreaHandlers } from '../area-kit.ts';
import { fileSha256 as sha256Of, sweepImportsDir, takeImportFile } from './import-files.ts';
import {
  checkSpilledFile,
  readSpilledRejected,
  removeSpill,
  removeSpillFolder,
  spilledFilePath,
  spillFolder,
  writeSpill,
  type PreviewSpill,
} from './preview-spill.ts';
import type { Workspace } from '../workspace.ts';

type ImportsHandlers = AreaHandlers<typeof importsContract>;

export type ParseImportFn = (file: TableSource, opts: ParseImportOptions) => Promise<ParsedImport>;

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

export function createImportService(ws: Workspace, parse: ParseImportFn = parseImportOffThread()): ImportService {
  if (!ws.readOnly) sweepImportsDir(ws.dataDir); // what an earlier run left: uploads, spills (import-files.ts)
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
      // the rows and orders spill to a scratch file next to the previews (issue 16, point 1)
      if (folder === null) {
        const made = (folder = spillFolder(ws.dataDir, ws.readOnly));
        ws.onClose(() => removeSpillFolder(made, ws.dataDir));
      }
      // the file waits in the preview's temporary files (an upload moved there, base64 written there)
      const source = { path: takeImportFile(ws.dataDir, spilledFilePath(folder, previewId), input) };
      let kept = false;
      const fileSha256 = sha256Of(source.path);
      let scratch = new Scratch(folder);
      try {
        let parsed: ParsedImport;
        try {
          parsed = await parse(source, { ...options(zone, currency), scratch });
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
          parsed = await parse(source, { ...options(zone, currency), scratch });
        }
        let summary = summarise(ws, parsed, shop, fileSha256);
        // Local times are read in the shop's zone: when the file's orders all land in one existing
        // shop of another zone, read the file again in that zone.
        const target = singleExistingShop(ws, summary.shopIds);
        if (!shop && target && target.timeZone !== zone && !ZONED_SOURCES.has(parsed.source)) {
          zone = target.timeZone;
          currency = target.currency;
          scratch.close();
          scratch = new Scratch(folder);
          parsed = await parse(source, { ...options(zone, currency), scratch });
          summary = summarise(ws, parsed, null, fileSha256);
        }
        const reading: Reading = { source: input.source, mapping, shop, zone, currency };
        const { rejected, rejectedOrderNos } = summary;
        const rejectedRows = new Set(rejected.map((e) => e.row)).size;
        cache.set({
          // the summary only: confirm reads the file again, the rejected rows wait on disk
          previewId,
          fileName: input.fileName,
          fileSha256,
          parsed: { ...parsed, orders: [], rejected: [], rejectedOrderNos: {} },
          reading,
          orders: summary.orders,
          rejectedCount: rejected.length,
          spill: writeSpill(folder, previewId, rejected, rejectedOrderNos),
          createdAt: ws.clock().getTime(),
        });
        kept = true;
        const preview: ImportPreview = {
          previewId,
          fileName: input.fileName,
          source: parsed.source,
          encoding: parsed.encoding,
          delimiter: parsed.delimiter,
          headers: parsed.headers,
          mapping: parsed.mapping,
          unmappedRequired: parsed.unmappedRequired,
          orders: summary.orders,
          lines: summary.lines,
          counts: summary.counts,
          months: summary.months,
          heldBack: summary.heldBack,
          rejected,
          rejectedOrderNos,
          warnings: parsed.warnings,
          unknownStatuses: summary.unknownStatuses,
          rows: {
            read: parsed.rowCount,
            imported: parsed.rowCount - rejectedRows - parsed.rowsSkipped,
            rejected: rejectedRows,
            skipped: parsed.rowsSkipped,
          },
          // what would be written: orders a closed month holds back are not in the totals
          totals: summary.totals,
          sample: summary.sample,
        };
        return preview;
      } finally {
        scratch.close();
        if (!kept) fs.rmSync(source.path, { force: true });
      }
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
      // the preview kept no orders: the file is read again, the same way, unless it changed since,
      // its rows and orders spilled to a scratch file and written batch by batch in one transaction
      const file = { path: checkSpilledFile(entry.spill, entry.fileSha256) };
      const scratch = new Scratch(path.dirname(entry.spill.file));
      try {
        const { reading } = entry;
        const again = await parse(file, {
          fileName: entry.fileName,
          source: reading.source,
          timeZone: reading.zone,
          mapping: reading.mapping,
          defaultCurrency: reading.currency !== null && isCurrency(reading.currency) ? reading.currency : null,
          onProgress: progress(previewId, 'parse'),
          scratch,
        });
        const chosen = new Map(
          Object.entries(statusMappings ?? {}).map(([w, st]) => [normaliseStatusWord(w), st] as const),
        );
        const preparedRejected: RowError[] = [];
        let orders = 0;
        let lines = 0;
        const mapped = shopStatusMappings(ws);
        function* batches(): Generator<PreparedImport['items']> {
          for (const prepared of preparedBatches(ws, again, reading.shop)) {
            preparedRejected.push(...prepared.rejected);
            const items = mapped(prepared.items).map((i) =>
              chosen.size === 0 ? i : { ...i, content: applyStatusMappings(i.content, chosen) },
            );
            orders += items.length;
            for (const i of items) lines += i.content.lines.length;
            yield items;
          }
        }
        const allRejectedCount = () => again.rejected.length + preparedRejected.length;
        const written = ws.uow.run('imports.confirm', (tx) => {
          const result = writePreparedBatches(
            tx,
            {
              source: parsed.source,
              fileName: entry.fileName,
              fileSha256: entry.fileSha256,
              encoding: parsed.encoding,
              rowCount: parsed.rowCount,
              rejected: 0,
            },
            batches(),
            again.orders.length,
            progress(previewId, 'write'),
            allRejectedCount,
          );
          const name = saveMappingAs?.trim();
          if (name && parsed.mapping) saveMapping(tx.db, name, parsed.mapping, tx.now);
          // the mapping belongs to the shop(s) of this file; their stored orders with the word are re-classified
          const mappedWords = Object.entries(statusMappings ?? {}).map(([word, status]) => {
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
          return { ...result, mapped: mappedWords };
        });
        cache.delete(previewId);
        const { rejected, rejectedOrderNos } = allRejected(again, preparedRejected);
        const summary: ImportSummary = {
          importId: written.importId,
          source: parsed.source,
          encoding: parsed.encoding,
          orders,
          lines,
          new: written.new,
          updated: written.updated,
          unchanged: written.unchanged,
          rejected,
          rejectedOrderNos,
          warnings: parsed.warnings,
          mapped: written.mapped,
          months: written.months,
          heldBack: written.heldBack,
        };
        return summary;
      } finally {
        scratch.close();
      }
    },

    discard: ({ previewId }) => ({ discarded: cache.delete(previewId) }),

    rejectedCsv: async ({ previewId }) => {
      const entry = cache.get(previewId);
      const { rejected } = await readSpilledRejected(entry.spill);
      const file = rejected.length > 0 ? { path: checkSpilledFile(entry.spill, entry.fileSha256) } : null;
      const csv = await rejectedCsv(entry.parsed, rejected, file, path.dirname(entry.spill.file));
      const base = path.basename(entry.fileName, path.extname(entry.fileName)) || 'import';
      return { fileName: `${base}-rejected.csv`, csv };
    },

    listMappings: () => listMappings(ws.read),
  };
}

/**
 * The shop's own meanings of status words (saved by earlier imports) decide before the table: a
 * function for batch after batch, each shop's mappings read once.
 */
function shopStatusMappings(ws: Workspace): (items: PreparedImport['items']) => PreparedImport['items'] {
  const mappingsOf = new Map<number, Map<string, MappableStatus>>();
  return (items) =>
    items.map((i) => {
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
  prepared: readonly RowError[],
): { rejected: RowError[]; rejectedOrderNos: Record<number, string> } {
  const rejected = [...parsed.rejected, ...prepared].sort((a, b) => a.row - b.row);
  const rejectedOrderNos: Record<number, string> = { ...parsed.rejectedOrderNos };
  for (const e of prepared) if (typeof e.params.orderNo === 'string') rejectedOrderNos[e.row] = e.params.orderNo;
  return { rejected, rejectedOrderNos };
}

/** What a preview shows of a file, gathered batch by batch: counts, totals, a sample, the rejected rows. */
interface PreviewSummary {
  readonly orders: number;
  readonly lines: number;
  readonly counts: ImportPreview['counts'];
  readonly months: ImportPreview['months'];
  readonly heldBack: ImportPreview['heldBack'];
  readonly rejected: RowError[];
  readonly rejectedOrderNos: Record<number, string>;
  readonly unknownStatuses: Record<string, number>;
  readonly totals: ImportPreview['totals'];
  readonly sample: OrderListItem[];
  /** The existing shops the orders go to (-1: a shop confirm would create). */
  readonly shopIds: ReadonlySet<number>;
}

/**
 * The file's orders compared with the ledger without writing: new / updated / unchanged by month,
 * held back by a closed month (issue 17 point 1g), totals, unknown status words, the first orders.
 * Only these figures stay: each batch of orders is let go before the next is read.
 */
function summarise(ws: Workspace, parsed: ParsedImport, shop: ShopRecord | null, fileSha256: string): PreviewSummary {
  const closed = closedMonths(ws.read);
  const tally = new MonthTally(closed);
  const mapped = shopStatusMappings(ws);
  const counts = { new: 0, updated: 0, unchanged: 0 };
  const heldBack: Array<ImportPreview['heldBack'][number]> = [];
  const preparedRejected: RowError[] = [];
  const unknownStatuses: Record<string, number> = {};
  const totals: Record<string, { orders: number; gross: Minor }> = {};
  const sample: OrderListItem[] = [];
  const shopIds = new Set<number>();
  let orders = 0;
  let lines = 0;
  for (const prepared of preparedBatches(ws, parsed, shop, PREVIEW_BATCH_ORDERS)) {
    preparedRejected.push(...prepared.rejected);
    const items = mapped(prepared.items);
    const plan = periodPlan(
      ws.read,
      items.map((i) => ({ content: i.content, shopId: 'id' in i.shop ? i.shop.id : null })),
      parsed.source,
      fileSha256,
      closed,
      tally,
    );
    counts.new += plan.counts.new;
    counts.updated += plan.counts.updated;
    counts.unchanged += plan.counts.unchanged;
    heldBack.push(...plan.heldBack);
    items.forEach(({ content: c, shop: ref }, i) => {
      orders++;
      lines += c.lines.length;
      shopIds.add('id' in ref ? ref.id : -1);
      if (c.status === 'unknown') unknownStatuses[c.platformStatus] = (unknownStatuses[c.platformStatus] ?? 0) + 1;
      if (sample.length < SAMPLE_SIZE) sample.push(sampleItem(c, ref));
      // what would be written: orders a closed month holds back are not in the totals
      if (plan.held.has(i) || c.exclusion !== null || c.currency === null || c.gross === null) return;
      const t = (totals[c.currency] ??= { orders: 0, gross: 0 as Minor });
      t.orders++;
      t.gross = sumMinor([t.gross, c.gross]);
    });
  }
  return {
    orders,
    lines,
    counts,
    months: tally.months(),
    heldBack,
    ...allRejected(parsed, preparedRejected),
    unknownStatuses,
    totals,
    sample,
    shopIds,
  };
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
): WrittenImport {
  return writePreparedBatches(tx, meta, [prepared], prepared.length, onProgress);
}

type WrittenImport = ImportCounts & { readonly importId: number } & Pick<PeriodPlan, 'months' | 'heldBack'> & {
    readonly shopIds: readonly number[];
  };

/**
 * `writePreparedImport` batch by batch, all in the caller's one transaction (issue 16, point 1):
 * `total` is for progress; `rejected`, when given, is asked for the rejected rows' errors once the
 * last batch is read (a streamed file knows them only then).
 */
function writePreparedBatches(
  tx: Tx,
  meta: ImportMeta,
  batches: Iterable<PreparedImport['items']>,
  total: number,
  onProgress?: (done: number, total: number) => void,
  rejected?: () => number,
): WrittenImport {
  // with a month closed, what would change it is held back; with none, the write itself tallies the months
  const closed = closedMonths(tx.db);
  const tally = new MonthTally(closed);
  const heldBack: Array<PeriodPlan['heldBack'][number]> = [];
  const created = new Map<string, number>();
  const shopIds = new Set<number>();
  const writer = new ImportWriter(tx, meta, total, onProgress);
  for (const prepared of batches) {
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
            tally,
          );
    if (plan !== null) heldBack.push(...plan.heldBack);
    const open = plan === null || plan.held.size === 0 ? prepared : prepared.filter((_, i) => !plan.held.has(i));
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
    for (const i of items) shopIds.add(i.shopId);
    writer.write(
      items,
      plan === null ? (i, change) => tally.add(items[i]!.content.orderedAt.slice(0, 7), change) : undefined,
    );
  }
  const written = writer.finish(rejected?.());
  return { ...written, months: tally.months(), heldBack, shopIds: [...shopIds] };
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
  return new OrderPreparer(ws, parsed.source, shop, undefined).batch(parsed.orders);
}

/** Confirm writes 2,000 orders at a time (in its one transaction). */
const BATCH_ORDERS = 2000;
/**
 * A preview compares 500 at a time: the host's peak RSS over three previews of a 20 MB CSV was
 * 273 MB with batches of 2,000 and 165 MB with 500 (issue 16, point 1; bench section `rss`).
 */
const PREVIEW_BATCH_ORDERS = 500;

/**
 * `prepare` for a file of any size: orders spilled to a scratch file (group-orders.ts) come in
 * batches of `size`, each prepared on its own — one order per order number, so no two batches share
 * an order — with the Amazon marketplace shop chosen once for the whole file (a first pass); orders
 * in memory come as one batch, exactly `prepare`.
 */
function* preparedBatches(
  ws: Workspace,
  parsed: ParsedImport,
  shop: ShopRecord | null,
  size = BATCH_ORDERS,
): Generator<PreparedImport> {
  if (spilledListOf(parsed.orders) === null) {
    yield prepare(ws, parsed, shop);
    return;
  }
  const settlement = parsed.source === 'amazon-settlement';
  let main: string | null = null;
  if (!shop) {
    const marketplaces = new Map<string, number>();
    for (const batch of batchesOf(parsed.orders, size)) {
      for (const order of batch) {
        const c = normaliseImported(order, { platform: order.platform, settlement });
        if (!isRowError(c)) countMarketplace(marketplaces, c, null);
      }
    }
    main = mainMarketplaceOf(marketplaces);
  }
  const preparer = new OrderPreparer(ws, parsed.source, shop, main);
  for (const batch of batchesOf(parsed.orders, size)) yield preparer.batch(batch);
}

const shopCurrencyOf = (c: ImportedContent, shop: ShopRecord | null) => c.currency ?? shop?.currency ?? 'USD';

function countMarketplace(marketplaces: Map<string, number>, c: ImportedContent, shop: ShopRecord | null): void {
  const spec = defaultShop(c.platform, c.shopName, c.salesChannel, shopCurrencyOf(c, shop));
  if (c.platform === 'amazon' && spec.site) marketplaces.set(spec.name, (marketplaces.get(spec.name) ?? 0) + 1);
}

function mainMarketplaceOf(marketplaces: ReadonlyMap<string, number>): string | null {
  return [...marketplaces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** `prepare`, batch after batch, its shop look-ups kept between batches. */
class OrderPreparer {
  readonly #ws: Workspace;
  readonly #settlement: boolean;
  readonly #shop: ShopRecord | null;
  /** Amazon multi-channel orders ('Non-Amazon') belong to this marketplace shop; undefined: each batch's own. */
  readonly #mainMarketplace: string | null | undefined;
  readonly #refs = new Map<string, ShopRef>();
  readonly #platformShops = new Map<Platform, ShopRecord[]>();
  readonly #holders: { all(orderNo: string, platform: string): unknown[] };

  constructor(
    ws: Workspace,
    source: ImportSource,
    shop: ShopRecord | null,
    mainMarketplace: string | null | undefined,
  ) {
    this.#ws = ws;
    this.#settlement = source === 'amazon-settlement';
    this.#shop = shop;
    this.#mainMarketplace = mainMarketplace;
    // An order already in the ledger stays in its shop (a re-import, a settlement for imported
    // orders); orders keyed by shop mean a file without a chosen shop must not guess between shops.
    this.#holders = ws.read
      .prepare(`SELECT DISTINCT o.shop_id AS id, s.name FROM orders o JOIN shops s ON s.id = o.shop_id
    WHERE o.order_no = ? AND o.platform = ?`);
  }

  #shopsOf(p: Platform): ShopRecord[] {
    let list = this.#platformShops.get(p);
    if (!list) {
      list = listShops(this.#ws.read).filter((x) => x.platform === p);
      this.#platformShops.set(p, list);
    }
    return list;
  }

  batch(orders: readonly ImportedOrder[]): PreparedImport {
    const shop = this.#shop;
    const settlement = this.#settlement;
    const rejected: RowError[] = [];
    const byKey = new Map<string, ImportedContent>();
    for (const order of orders) {
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
            .map((row) => ({
              row,
              column: null,
              code: 'import.row.orderHasErrors',
              params: { orderNo: order.orderNo },
            })),
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
    let mainMarketplace = this.#mainMarketplace;
    if (mainMarketplace === undefined) {
      const marketplaces = new Map<string, number>();
      for (const c of contents) countMarketplace(marketplaces, c, shop);
      mainMarketplace = mainMarketplaceOf(marketplaces);
    }
    const items = contents.map((content) => {
      if (shop) return { content, shop: { id: shop.id, name: shop.name } as ShopRef };
      const held = this.#holders.all(content.orderNo, content.platform) as Array<{ id: number; name: string }>;
      if (held.length === 1) return { content, shop: held[0] as ShopRef };
      // Amazon shops are per marketplace and an ERP row may name its shop (the file says which);
      // otherwise order numbers are per store, and with several stores of the platform the user chooses.
      const candidates = this.#shopsOf(content.platform);
      const named = content.platform === 'amazon' || content.shopName !== null;
      if (held.length > 1 || (!named && candidates.length > 1)) {
        throw new DomainError('imports.shopAmbiguous', {
          platform: content.platform,
          shops: candidates.map((x) => x.name).join(', '),
        });
      }
      let spec = defaultShop(content.platform, content.shopName, content.salesChannel, shopCurrencyOf(content, shop));
      if (content.platform === 'amazon' && !spec.site && !content.shopName && mainMarketplace) {
        spec = defaultShop('amazon', null, mainMarketplace, shopCurrencyOf(content, shop));
      }
      if (!named && candidates.length === 1) {
        return { content, shop: { id: candidates[0]!.id, name: candidates[0]!.name } as ShopRef };
      }
      const key = `${spec.platform}\u0000${spec.name}`;
      let ref = this.#refs.get(key);
      if (!ref) {
        const found = findShop(this.#ws.read, spec.platform, spec.name);
        ref = found ? { id: found.id, name: found.name } : { spec };
        this.#refs.set(key, ref);
      }
      return { content, shop: ref };
    });
    return { items, rejected };
  }
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
function singleExistingShop(ws: Workspace, shopIds: ReadonlySet<number>): ShopRecord | null {
  const [only] = shopIds;
  return shopIds.size === 1 && only !== undefined && only > 0 ? getShop(ws.read, only) : null;
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
  file: TableSource | null,
  scratchDir: string | null = null,
): Promise<string> {
  const byRow = new Map<number, RowError[]>();
  for (const e of rejected) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const cells = new Map<number, readonly string[]>();
  if (file && byRow.size > 0) {
    // the table's rows spill to a scratch file and are read back in pages: only the rejected rows' cells are kept
    const scratch = scratchDir === null ? null : new Scratch(scratchDir);
    try {
      const table = await readTable(file, READ_LIMITS, scratch);
      let i = 0;
      for (const batch of batchesOf(table.rows)) {
        for (const cellsOfRow of batch) {
          const row = table.rowNumbers[i++]!;
          if (byRow.has(row)) cells.set(row, cellsOfRow);
        }
      }
    } finally {
      scratch?.close();
    }
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
