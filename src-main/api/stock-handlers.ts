/**
 * Handlers for the stock ledger: SKUs, warehouses, moves (post, reverse, list), head-haul
 * shipments with landed cost, on-hand/valuation/ageing/reorder hints, sales from orders, imports.
 * Every write runs in one unit-of-work transaction. Imports: all rows in one transaction, each row
 * in its own savepoint; bad rows are listed (row, column, code) and the good rows are posted unless
 * `dryRun` (then everything is rolled back and the summary says what would be posted).
 */
import { DomainError, isDomainError } from '../core/domain-error.ts';
import type { RowError } from '../core/orders/order.ts';
import { validateSku } from '../core/stock/sku.ts';
import type { Db } from '../db/open-ledger.ts';
import { putSetting } from '../db/settings-store.ts';
import {
  getSku, getWarehouse, insertBareSku, listSkus, listWarehouses, mapPlatformSku, saveSku, saveWarehouse, skuIdByItemNo, skuIdForPlatformCode,
  warehouseIdByCode,
} from '../db/stock-catalog-store.ts';
import { listMoves, moveViews, quantityAt, refoldAll, refoldSku, valuationMethod, VALUATION_SETTING } from '../db/stock-ledger-store.ts';
import { postMove, reverseMove } from '../db/stock-posting.ts';
import { ageingRows, positionPage, positions, reorderHints } from '../db/stock-report-store.ts';
import { postSales } from '../db/stock-sales-store.ts';
import {
  addShipmentCost, createShipment, getShipment, listShipments, receiveShipment, shipmentIdByBookingNote,
} from '../db/stock-shipment-store.ts';
import { parseStockCount } from '../imports/stock-count.ts';
import { parseFbaInventory } from '../imports/stock-fba-inventory.ts';
import { parseStockMoves } from '../imports/stock-moves.ts';
import type { ParsedInput, StockDifference, StockImportSummary } from './contract.ts';
import type { Handlers } from './handlers.ts';
import { decodeBase64 } from './base64.ts';
import type { Workspace } from './workspace.ts';

export type StockCommand = Extract<keyof Handlers, `stock.${string}`> | 'settings.setValuationMethod';
type StockHandlers = Pick<Handlers, StockCommand>;

const LANDED_KINDS = ['freight', 'insurance', 'duty', 'inboundFee'];

/** Which template column a posting error belongs to, for the rejected-rows list. */
const COLUMN_OF: Record<string, string> = {
  'stock.sku.unknown': 'sku', 'stock.warehouse.unknown': 'warehouse', 'stock.negative': 'quantity', 'stock.badQuantity': 'quantity',
  'stock.rate.required': 'currency', 'stock.cost.required': 'unit_cost', 'stock.reason.required': 'reason', 'stock.transfer.toRequired': 'to_warehouse',
  'stock.transfer.sameWarehouse': 'to_warehouse', 'money.badDecimal': 'unit_cost', 'money.tooManyDecimals': 'amount', 'money.badRate': 'currency',
};

/** A stock-moves row as posting needs it (from the stock-moves parser). */
interface MoveRow {
  readonly row: number; readonly date: string; readonly type: 'purchase' | 'transfer' | 'sale' | 'return' | 'count' | 'writeoff' | 'landed_cost';
  readonly sku: string; readonly warehouse: string; readonly toWarehouse: string | null; readonly quantity: number; readonly unitCost: string | null;
  readonly amount: string | null; readonly currency: string; readonly reference: string | null; readonly reason: string | null;
}

/** Reported stock (FBA report or 3PL list): FNSKU/ASIN help match platform mappings. */
interface ReportedRow { readonly row: number; readonly sku: string; readonly altCodes: readonly string[]; readonly warehouse: string | null; readonly quantity: number }

class DryRun extends Error {
  readonly summary: StockImportSummary;
  constructor(summary: StockImportSummary) { super('dry run'); this.summary = summary; }
}

export function createStockHandlers(ws: Workspace): StockHandlers {
  const today = () => ws.clock().toISOString().slice(0, 10);
  const views = (ids: readonly number[]) => moveViews(ws.db, ids);
  return {
    'stock.skus.list': ({ q }) => listSkus(ws.db, q) as ReturnType<Handlers['stock.skus.list']>,
    'stock.skus.save': (input) => {
      const sku = validateSku(input);
      return ws.uow.run('stock.skus.save', (tx) => getSku(tx.db, saveSku(tx.db, input.id, sku))) as ReturnType<Handlers['stock.skus.save']>;
    },
    'stock.skus.mapPlatform': ({ skuId, platform, kind, code }) => ws.uow.run('stock.skus.mapPlatform', (tx) => {
      mapPlatformSku(tx.db, skuId, platform, kind, code.trim());
      return getSku(tx.db, skuId);
    }) as ReturnType<Handlers['stock.skus.mapPlatform']>,
    'stock.warehouses.list': () => listWarehouses(ws.db),
    'stock.warehouses.save': (input) => {
      const code = input.code.trim();
      const name = input.name.trim();
      if (code === '' || name === '') throw new DomainError('validation.failed', {}, code === '' ? { code: 'stock.warehouse.codeRequired' } : { name: 'stock.warehouse.nameRequired' });
      if (input.kind === 'transit' && input.id === undefined) throw new DomainError('stock.warehouse.transitFixed', { warehouse: code });
      return ws.uow.run('stock.warehouses.save', (tx) => getWarehouse(tx.db, saveWarehouse(tx.db, input.id, { code, name, kind: input.kind, country: input.country })));
    },
    'stock.moves.post': (input) => views(ws.uow.run('stock.moves.post', (tx) => postMove(tx.db, tx.commandId, input))),
    'stock.moves.reverse': ({ moveId, reason }) => views(ws.uow.run('stock.moves.reverse', (tx) => reverseMove(tx.db, tx.commandId, tx.now, moveId, reason))),
    'stock.moves.list': (input) => listMoves(ws.db, input),
    'stock.shipments.create': (input) => ws.uow.run('stock.shipments.create', (tx) => getShipment(tx.db, createShipment(tx.db, tx.commandId, input))),
    'stock.shipments.receive': ({ shipmentId, date, lines }) => ws.uow.run('stock.shipments.receive', (tx) => {
      receiveShipment(tx.db, tx.commandId, shipmentId, date, lines);
      return getShipment(tx.db, shipmentId);
    }),
    'stock.shipments.addCost': ({ shipmentId, ...cost }) => ws.uow.run('stock.shipments.addCost', (tx) => {
      addShipmentCost(tx.db, tx.commandId, shipmentId, cost);
      return getShipment(tx.db, shipmentId);
    }),
    'stock.shipments.list': ({ status }) => listShipments(ws.db, status),
    // Without limit: every position (the renderer's list, the CLI); with limit: one keyset page.
    'stock.onHand': ({ asOf, skuId, warehouseId, limit, cursor }) => {
      const day = asOf ?? today();
      const page = positionPage(ws.db, day, { skuId, warehouseId, limit, cursor });
      return { asOf: day, items: page.items, nextCursor: page.nextCursor };
    },
    'stock.valuation': ({ asOf }) => {
      const day = asOf ?? today();
      const items = positions(ws.db, day);
      const total = items.reduce((t, i) => ({ quantity: t.quantity + i.quantity, value: t.value + i.value }), { quantity: 0, value: 0 });
      return { asOf: day, method: valuationMethod(ws.db), items, total };
    },
    // Ageing is from the persisted layers (today's stock); asOf only moves the day the ages count to.
    'stock.ageing': ({ asOf }) => ageingRows(ws.db, asOf ?? today()),
    'stock.reorderHints': ({ asOf }) => reorderHints(ws.db, asOf ?? today()),
    'stock.postSales': ({ from, to }) => ws.uow.run('stock.postSales', (tx) => postSales(tx.db, tx.commandId, from, to)),
    'stock.import': (input) => importStock(ws, input, today()),
    'settings.setValuationMethod': ({ method }) => ws.uow.run('settings.setValuationMethod', (tx) => {
      if (valuationMethod(tx.db) !== method) {
        putSetting(tx.db, VALUATION_SETTING, method);
        refoldAll(tx.db, method);
      }
      return { method };
    }),
  };
}

function rowError(row: number, e: unknown, column?: string): RowError {
  if (!isDomainError(e)) throw e;
  return { row, column: column ?? COLUMN_OF[e.code] ?? null, code: e.code, params: e.params };
}

async function importStock(ws: Workspace, input: ParsedInput<'stock.import'>, today: string): Promise<StockImportSummary> {
  const bytes = decodeBase64(input.contentBase64);
  const run = (work: (db: Db, commandId: number) => StockImportSummary): StockImportSummary => {
    try {
      return ws.uow.run('stock.import', (tx) => {
        const summary = work(tx.db, tx.commandId);
        if (input.dryRun) throw new DryRun(summary);
        return summary;
      });
    } catch (e) {
      if (e instanceof DryRun) return e.summary;
      throw e;
    }
  };
  if (input.source === 'stock-moves') {
    const parsed = await parseStockMoves(bytes, { defaultCurrency: 'CNY' });
    const rows: MoveRow[] = parsed.rows.map((r) => ({
      row: r.row, date: r.date, type: r.type, sku: r.sku ?? '', warehouse: r.warehouse ?? '', toWarehouse: r.toWarehouse, quantity: r.quantity ?? 0,
      unitCost: r.unitCost, amount: r.amount, currency: r.currency ?? 'CNY', reference: r.reference, reason: r.reason,
    }));
    return run((db, commandId) => importMoves(db, commandId, rows, parsed.rejected, parsed.rowCount, input.createMissing ?? false));
  }
  const parsed: { rows: ReportedRow[]; rejected: RowError[]; rowCount: number } = input.source === 'fba-inventory'
    ? await parseFbaInventory(bytes).then((p) => ({
      ...p,
      // The ledger holds every unit at FBA: fulfillable + unsellable + reserved (afn-warehouse-quantity).
      rows: p.rows.map((r) => ({ row: r.row, sku: r.sku, altCodes: [r.fnsku, r.asin].filter((c): c is string => !!c), warehouse: null, quantity: r.inWarehouse ?? r.fulfillable ?? r.total })),
    }))
    : await parseStockCount(bytes).then((p) => ({ ...p, rows: p.rows.map((r) => ({ row: r.row, sku: r.sku, altCodes: [], warehouse: r.warehouse, quantity: r.quantity })) }));
  return run((db, commandId) => reconcile(db, commandId, input, parsed.rows, parsed.rejected, parsed.rowCount, today));
}

/**
 * Posts a stock-moves file: all rows in the caller's one transaction, each row in its own savepoint.
 * Rows are posted with deferred folding (stock-posting.ts): a row that fails its own checks —
 * including negative stock, which is checked per row on units in (date, id) order exactly as the
 * fold checks it — is rejected and rolled back alone; each touched SKU is then folded once before
 * commit. So the rows accepted and the values posted equal posting the rows one by one in file order.
 * Safety net: should a SKU's final fold still refuse (it should not: the per-row checks are the
 * fold's own rule), the whole pass is rolled back to its savepoint and replayed with that SKU's
 * rows folded one by one (the old way), which rejects the first row of that SKU, in file order,
 * after which the fold fails; rows of other SKUs are unaffected.
 */
function importMoves(db: Db, commandId: number, rows: readonly MoveRow[], rejectedIn: readonly RowError[], total: number, createMissing: boolean): StockImportSummary {
  const foldEachRow = new Set<number>();
  for (;;) {
    try {
      return db.transaction(() => importMovesPass(db, commandId, rows, rejectedIn, total, createMissing, foldEachRow))();
    } catch (e) {
      if (!(e instanceof FinalFoldRefused)) throw e;
      // The pass is rolled back; the SKU's rows go one by one next time (each SKU at most once).
      if (foldEachRow.has(e.skuId)) throw e.cause;
      foldEachRow.add(e.skuId);
    }
  }
}

class FinalFoldRefused extends Error {
  readonly skuId: number;
  constructor(skuId: number, cause: unknown) { super('final fold refused', { cause }); this.skuId = skuId; }
}

function importMovesPass(
  db: Db, commandId: number, rows: readonly MoveRow[], rejectedIn: readonly RowError[], total: number, createMissing: boolean,
  foldEachRow: ReadonlySet<number>,
): StockImportSummary {
  const rejected = [...rejectedIn];
  const created = { skus: 0, warehouses: 0 };
  let posted = 0;
  const sku = (code: string): number => {
    const id = skuIdByItemNo(db, code);
    if (id !== undefined) return id;
    if (!createMissing) throw new DomainError('stock.sku.unknown', { sku: code });
    if ([...code].length > 20) throw new DomainError('stock.sku.itemNo.tooLong', { sku: code });
    created.skus++;
    return insertBareSku(db, code);
  };
  const warehouse = (code: string): number => {
    const id = warehouseIdByCode(db, code);
    if (id !== undefined) return id;
    if (!createMissing) throw new DomainError('stock.warehouse.unknown', { warehouse: code });
    created.warehouses++;
    // Created warehouses start as domestic; the user sets the kind and country on the warehouses screen.
    return saveWarehouse(db, undefined, { code, name: code, kind: 'domestic', country: null });
  };
  // SKUs with moves posted but not yet folded; folded once each at the end.
  const toFold = new Set<number>();
  // Transfers that name an in-transit shipment receive it, one shipment (all its rows) at a time.
  const receipts = new Map<number, MoveRow[]>();
  for (const r of rows) {
    const shipmentId = r.type === 'transfer' && r.reference ? shipmentIdByBookingNote(db, r.reference) : undefined;
    if (shipmentId !== undefined) { receipts.set(shipmentId, [...(receipts.get(shipmentId) ?? []), r]); continue; }
    try {
      db.transaction(() => {
        if (r.type === 'landed_cost') {
          const id = r.reference ? shipmentIdByBookingNote(db, r.reference) : undefined;
          if (id === undefined) throw new DomainError('stock.shipment.unknown', { shipment: r.reference ?? '' });
          addShipmentCost(db, commandId, id, {
            kind: r.reason && LANDED_KINDS.includes(r.reason) ? r.reason : 'freight', date: r.date, amount: r.amount ?? '0', currency: r.currency, rate: null,
          });
          return;
        }
        const negative = r.quantity < 0;
        const skuId = sku(r.sku);
        postMove(db, commandId, {
          date: r.date, type: r.type, skuId, warehouseId: warehouse(r.warehouse),
          toWarehouseId: r.toWarehouse ? warehouse(r.toWarehouse) : null, quantity: negative && r.type !== 'count' ? -r.quantity : r.quantity,
          unitCost: r.unitCost, amount: r.amount, currency: r.currency, rate: null, reference: r.reference, reason: r.reason,
        }, foldEachRow.has(skuId) ? undefined : toFold);
      })();
      posted++;
    } catch (e) {
      rejected.push(rowError(r.row, e));
    }
  }
  for (const skuId of toFold) {
    try {
      refoldSku(db, skuId);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      throw new FinalFoldRefused(skuId, e);
    }
  }
  for (const [shipmentId, group] of receipts) {
    try {
      db.transaction(() => receiveShipment(db, commandId, shipmentId, group[0]!.date, group.map((r) => ({
        skuId: sku(r.sku), received: r.quantity, discrepancyReason: r.reason,
      }))))();
      posted += group.length;
    } catch (e) {
      for (const r of group) rejected.push(rowError(r.row, e, 'reference'));
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { source: 'stock-moves', rows: total, posted, created, rejected, differences: [] };
}

/** FBA report / 3PL count against the ledger; a 3PL count also posts its differences as counts. */
function reconcile(
  db: Db, commandId: number, input: ParsedInput<'stock.import'>, rows: readonly ReportedRow[],
  rejectedIn: readonly RowError[], total: number, today: string,
): StockImportSummary {
  const rejected = [...rejectedIn];
  let fallback: number | null = input.warehouseId ?? null;
  if (fallback === null && input.source === 'fba-inventory') {
    const platform = listWarehouses(db).filter((w) => w.kind === 'platform');
    if (platform.length === 1) fallback = platform[0]!.id;
  }
  if (fallback !== null) getWarehouse(db, fallback);
  const reported = new Map<string, { skuId: number; warehouseId: number; quantity: number; rows: number[] }>();
  for (const r of rows) {
    const skuId = skuIdByItemNo(db, r.sku) ?? skuIdForPlatformCode(db, 'amazon', r.sku) ?? r.altCodes.map((c) => skuIdForPlatformCode(db, 'amazon', c)).find((x) => x !== undefined);
    if (skuId === undefined) { rejected.push({ row: r.row, column: 'sku', code: 'stock.sku.unknown', params: { sku: r.sku } }); continue; }
    const warehouseId = r.warehouse ? warehouseIdByCode(db, r.warehouse) : fallback ?? undefined;
    if (warehouseId === undefined) { rejected.push({ row: r.row, column: 'warehouse', code: 'stock.warehouse.unknown', params: { warehouse: r.warehouse ?? '' } }); continue; }
    const key = `${skuId}:${warehouseId}`;
    const entry = reported.get(key) ?? { skuId, warehouseId, quantity: 0, rows: [] };
    entry.quantity += r.quantity;
    entry.rows.push(r.row);
    reported.set(key, entry);
  }
  // Ledger stock in the warehouses the file covers but missing from the file counts as reported 0.
  const covered = new Set([...reported.values()].map((e) => e.warehouseId));
  for (const wh of covered) {
    for (const b of db.prepare('SELECT sku_id AS skuId FROM stock_balances WHERE warehouse_id = ? AND quantity <> 0').all(wh) as Array<{ skuId: number }>) {
      const key = `${b.skuId}:${wh}`;
      if (!reported.has(key)) reported.set(key, { skuId: b.skuId, warehouseId: wh, quantity: 0, rows: [] });
    }
  }
  const differences: StockDifference[] = [];
  let posted = 0;
  for (const e of reported.values()) {
    const ledger = quantityAt(db, e.skuId, e.warehouseId, today);
    if (ledger === e.quantity) continue;
    differences.push({ sku: getSku(db, e.skuId).itemNo, warehouse: getWarehouse(db, e.warehouseId).code, ledger, reported: e.quantity, difference: e.quantity - ledger });
    if (input.source !== 'stock-count') continue;
    try {
      db.transaction(() => postMove(db, commandId, {
        date: today, type: 'count', skuId: e.skuId, warehouseId: e.warehouseId, quantity: e.quantity, reason: `3PL count ${input.fileName}`.slice(0, 200),
      }))();
      posted++;
    } catch (err) {
      rejected.push(rowError(e.rows[0] ?? 0, err, 'quantity'));
    }
  }
  differences.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse));
  rejected.sort((a, b) => a.row - b.row);
  return { source: input.source, rows: total, posted, created: { skus: 0, warehouses: 0 }, rejected, differences };
}
