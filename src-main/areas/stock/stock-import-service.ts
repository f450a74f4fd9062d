/**
 * The stock-file import use case (stock.import): stock-moves template, 3PL counts, FBA inventory.
 *
 * - All or nothing: everything runs in one unit-of-work transaction; when any row is rejected the
 *   transaction is rolled back (`committed: false`) unless `acceptValidRows` — then only the valid
 *   rows are kept. `dryRun` always rolls back: the preview is the same run, so it fails the same way.
 * - Idempotent: each posted stock-moves / count row records its natural key (fields + occurrence
 *   among identical rows of the file) in `stock_import_keys`; a row whose key is there is
 *   `unchanged` and not posted again. FBA reports never write.
 * - Rows are accounted for: rows = posted + unchanged + rejected, else `import.file.rowsUnaccounted`.
 * - Shipments: a transfer to an overseas or platform warehouse whose reference names no shipment
 *   creates that head-haul shipment (dispatched on the row's date) and receives it on its
 *   received date (the row's date when the file has no received_date column; left in transit when
 *   the cell is blank); landed_cost rows run after every other row, so they find the shipments the
 *   file created. Domestic transfers with a reference stay plain transfers. A transfer row imported
 *   before whose shipment is still in transit is received when a later file writes its received date.
 * - `createMissing`: a warehouse is created with the kind and country its rows (warehouse_kind /
 *   warehouse_country columns) or the caller (`warehouseKinds`, the UI's answers) give; codes with
 *   no kind refuse the file with `stock.warehouseKindUnknown` {warehouses} — never silently domestic.
 */
import { createHash } from 'node:crypto';
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import type { RowError } from '../../core/orders/order.ts';
import type { StockDifference, WarehouseKind } from '../../core/stock/stock-views.ts';
import type { ReadDb, WriteDb } from '../../db/ports.ts';
import { parseStockCount } from '../../imports/stock-count.ts';
import type { StockParse } from '../../imports/stock-cells.ts';
import { parseFbaInventory } from '../../imports/stock-fba-inventory.ts';
import { type ShipmentColumns, type StockMoveRow, parseStockMoves } from '../../imports/stock-moves.ts';
import type { InputOf } from '../area-kit.ts';
import { decodeBase64 } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import type { StockImportSummary, stockContract } from './contract.ts';
import {
  getSku,
  getWarehouse,
  insertBareSku,
  listWarehouses,
  saveWarehouse,
  skuIdByItemNo,
  skuIdForPlatformCode,
  warehouseIdByCode,
} from './stock-catalog-store.ts';
import { quantityAt, refoldSku } from './stock-ledger-store.ts';
import { postMove } from './stock-posting.ts';
import { addShipmentCost, createShipment, receiveShipment, shipmentIdByBookingNote } from './stock-shipment-store.ts';

type ImportInput = InputOf<typeof stockContract, 'stock.import'>;

const LANDED_KINDS = ['freight', 'insurance', 'duty', 'inboundFee'];
/** Destinations a referenced transfer ships to as a head-haul shipment. */
const SHIPMENT_DESTINATIONS: ReadonlySet<WarehouseKind> = new Set(['overseasOwn', 'overseasPublic', 'platform']);

/** Which template column a posting error belongs to, for the rejected-rows list. */
const COLUMN_OF: Record<string, string> = {
  'stock.sku.unknown': 'sku',
  'stock.warehouse.unknown': 'warehouse',
  'stock.negative': 'quantity',
  'stock.badQuantity': 'quantity',
  'stock.rate.required': 'currency',
  'stock.cost.required': 'unit_cost',
  'stock.reason.required': 'reason',
  'stock.transfer.toRequired': 'to_warehouse',
  'stock.transfer.sameWarehouse': 'to_warehouse',
  'money.badDecimal': 'unit_cost',
  'money.tooManyDecimals': 'amount',
  'money.badRate': 'currency',
  'stock.shipment.unknown': 'reference',
  'stock.shipment.badRoute': 'to_warehouse',
  'stock.shipment.etaBeforeShipDate': 'eta',
  'stock.shipment.costBeforeShipped': 'date',
  'stock.sku.itemNo.tooLong': 'sku',
  'period.closed': 'date',
};

/** Reported stock (FBA report or 3PL list): FNSKU/ASIN help match platform mappings. */
interface ReportedRow {
  readonly row: number;
  readonly sku: string;
  readonly altCodes: readonly string[];
  readonly warehouse: string | null;
  readonly quantity: number;
  readonly naturalKey: string | null;
}

/** Ends the transaction without writing, carrying the summary out. */
class RollBack extends Error {
  readonly summary: StockImportSummary;
  constructor(summary: StockImportSummary) {
    super('roll back');
    this.summary = summary;
  }
}

function rowError(row: number, e: unknown, column?: string): RowError {
  if (!isDomainError(e)) throw e;
  return { row, column: column ?? COLUMN_OF[e.code] ?? null, code: e.code, params: e.params };
}

export async function importStock(ws: Workspace, input: ImportInput, today: string): Promise<StockImportSummary> {
  const bytes = decodeBase64(input.contentBase64);
  const run = (work: (db: WriteDb, commandId: number) => StockImportSummary): StockImportSummary => {
    try {
      return ws.uow.run('stock.import', (tx) => {
        const summary = work(tx.db, tx.commandId);
        const keep = !input.dryRun && (summary.rejected.length === 0 || input.acceptValidRows === true);
        if (!keep) throw new RollBack({ ...summary, committed: false });
        return { ...summary, committed: true };
      });
    } catch (e) {
      if (e instanceof RollBack) return e.summary;
      throw e;
    }
  };
  if (input.source === 'stock-moves') {
    const parsed = await parseStockMoves(bytes, { defaultCurrency: 'CNY' });
    const kinds = input.createMissing
      ? warehouseKinds(ws.read, parsed.rows, input.warehouseKinds ?? {})
      : new Map<string, NewWarehouse>();
    return run((db, commandId) => {
      const summary = importMoves(db, { commandId, parsed, createMissing: input.createMissing ?? false, kinds });
      const rejectedRows = new Set(summary.rejected.map((r) => r.row)).size;
      if (summary.posted + summary.unchanged + rejectedRows !== summary.rows) {
        throw new DomainError('import.file.rowsUnaccounted', {
          read: summary.rows,
          imported: summary.posted + summary.unchanged,
          rejected: rejectedRows,
          continuation: 0,
        });
      }
      return summary;
    });
  }
  const parsed: { rows: ReportedRow[]; rejected: RowError[]; rowCount: number } =
    input.source === 'fba-inventory'
      ? await parseFbaInventory(bytes).then((p) => ({
          ...p,
          // The ledger holds every unit at FBA: fulfillable + unsellable + reserved (afn-warehouse-quantity).
          rows: p.rows.map((r) => ({
            row: r.row,
            sku: r.sku,
            altCodes: [r.fnsku, r.asin].filter((c): c is string => !!c),
            warehouse: null,
            quantity: r.inWarehouse ?? r.fulfillable ?? r.total,
            naturalKey: null,
          })),
        }))
      : await parseStockCount(bytes).then((p) => ({ ...p, rows: withCountKeys(p.rows) }));
  return run((db, commandId) => reconcile(db, commandId, input, parsed.rows, parsed.rejected, parsed.rowCount, today));
}

interface NewWarehouse {
  readonly kind: WarehouseKind;
  readonly country: string | null;
}

/**
 * Kind and country of every warehouse code the file names that the ledger lacks: from the
 * caller's answers, else the rows' warehouse_kind / warehouse_country; `stock.warehouseKindUnknown`
 * naming the codes (in file order) when some have none.
 */
function warehouseKinds(
  db: ReadDb,
  rows: readonly StockMoveRow[],
  given: Readonly<Record<string, { kind: WarehouseKind; country?: string | null | undefined }>>,
): Map<string, NewWarehouse> {
  const out = new Map<string, NewWarehouse>();
  const unknown: string[] = [];
  const consider = (code: string | null, kind: WarehouseKind | null, country: string | null): void => {
    if (code === null || code === '' || warehouseIdByCode(db, code) !== undefined) return;
    const answer = given[code];
    const known = out.get(code);
    if (answer !== undefined) out.set(code, { kind: answer.kind, country: answer.country ?? null });
    else if (kind !== null && known === undefined) out.set(code, { kind, country });
    else if (known === undefined && !unknown.includes(code)) unknown.push(code);
  };
  for (const r of rows) {
    if (r.type === 'landed_cost') continue;
    if (r.type === 'transfer') {
      consider(r.toWarehouse, r.warehouseKind, r.warehouseCountry);
      consider(r.warehouse, null, null);
    } else {
      consider(r.warehouse, r.warehouseKind, r.warehouseCountry);
    }
  }
  const missing = unknown.filter((c) => !out.has(c));
  if (missing.length > 0) throw new DomainError('stock.warehouseKindUnknown', { warehouses: missing.join(', ') });
  for (const [code, w] of out)
    if (w.kind === 'transit') throw new DomainError('stock.warehouse.transitFixed', { warehouse: code });
  return out;
}

const hasKey = (db: ReadDb, key: string): boolean =>
  db.prepare('SELECT 1 FROM stock_import_keys WHERE natural_key = ?').pluck().get(key) !== undefined;
function recordKey(
  db: WriteDb,
  key: string,
  source: 'stock-moves' | 'stock-count',
  row: number,
  commandId: number,
): void {
  db.prepare('INSERT INTO stock_import_keys (natural_key, source, file_row, command_id) VALUES (?, ?, ?, ?)').run(
    key,
    source,
    row,
    commandId,
  );
}

/** One stock-moves import: the command's id, the parsed file, and how to treat unknown SKUs and warehouses. */
interface MovesImport {
  readonly commandId: number;
  readonly parsed: StockParse<StockMoveRow>;
  /** Create SKUs and warehouses the file names but the ledger lacks (warehouses only with a kind in `kinds`). */
  readonly createMissing: boolean;
  readonly kinds: ReadonlyMap<string, NewWarehouse>;
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
function importMoves(db: WriteDb, job: MovesImport): StockImportSummary {
  const foldEachRow = new Set<number>();
  for (;;) {
    try {
      return db.transaction(() => importMovesPass(db, job, foldEachRow))();
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
  constructor(skuId: number, cause: unknown) {
    super('final fold refused', { cause });
    this.skuId = skuId;
  }
}

type ItemRow = Extract<StockMoveRow, { type: 'purchase' | 'transfer' | 'sale' | 'return' | 'count' | 'writeoff' }>;
type TransferRow = ItemRow & {
  readonly type: 'transfer';
  readonly toWarehouse: string;
  readonly shipment: ShipmentColumns;
};

function importMovesPass(db: WriteDb, job: MovesImport, foldEachRow: ReadonlySet<number>): StockImportSummary {
  const { commandId, createMissing, kinds } = job;
  const { rows, rowCount: total } = job.parsed;
  const rejected = [...job.parsed.rejected];
  const created = { skus: 0, warehouses: 0, shipments: 0 };
  let posted = 0;
  let unchanged = 0;
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
    const kind = kinds.get(code);
    if (!createMissing || kind === undefined) throw new DomainError('stock.warehouse.unknown', { warehouse: code });
    created.warehouses++;
    return saveWarehouse(db, undefined, { code, name: code, kind: kind.kind, country: kind.country });
  };
  /** Σ quantity per SKU id of some rows (unknown SKUs created or refused as `sku` does). */
  const quantityBySku = (group: readonly ItemRow[]): Map<number, number> => {
    const perSku = new Map<number, number>();
    for (const r of group) {
      const id = sku(r.sku);
      perSku.set(id, (perSku.get(id) ?? 0) + r.quantity);
    }
    return perSku;
  };
  const destinationKind = (code: string): WarehouseKind | null => {
    const id = warehouseIdByCode(db, code);
    return id !== undefined ? getWarehouse(db, id).kind : (kinds.get(code)?.kind ?? null);
  };
  // Rows imported before are unchanged, except transfers whose shipment is still in transit and
  // that now carry a received date: those receive it.
  const late = new Map<number, TransferRow[]>();
  const inTransit = db.prepare("SELECT id FROM shipments WHERE booking_note_no = ? AND status = 'inTransit'").pluck();
  const fresh = rows.filter((r) => {
    if (!hasKey(db, r.naturalKey)) return true;
    const shipmentId =
      r.type === 'transfer' && r.reference !== null && r.shipment?.receivedDateWritten
        ? (inTransit.get(r.reference) as number | undefined)
        : undefined;
    if (shipmentId !== undefined) late.set(shipmentId, [...(late.get(shipmentId) ?? []), r as TransferRow]);
    else unchanged++;
    return false;
  });
  // Transfers that name a shipment not in the ledger yet, to an overseas/platform warehouse: one new shipment per reference.
  const newShipments = new Map<string, TransferRow[]>();
  for (const r of fresh) {
    if (r.type !== 'transfer' || r.reference === null || r.toWarehouse === null || r.shipment === null) continue;
    if (shipmentIdByBookingNote(db, r.reference) !== undefined) continue;
    const kind = destinationKind(r.toWarehouse);
    if (kind === null || !SHIPMENT_DESTINATIONS.has(kind)) continue;
    newShipments.set(r.reference, [...(newShipments.get(r.reference) ?? []), r as TransferRow]);
  }
  // SKUs with moves posted but not yet folded; folded once each at the end.
  const toFold = new Set<number>();
  // Transfers that name an in-transit shipment receive it, one shipment (all its rows) at a time.
  const receipts = new Map<number, ItemRow[]>();
  const landed: StockMoveRow[] = [];
  const done = new Set<string>();
  for (const r of fresh) {
    if (r.type === 'landed_cost') {
      landed.push(r);
      continue;
    }
    const group = r.type === 'transfer' && r.reference !== null ? newShipments.get(r.reference) : undefined;
    if (group !== undefined) {
      if (done.has(r.reference!)) continue;
      done.add(r.reference!);
      posted += shipGroup(group);
      continue;
    }
    const shipmentId = r.type === 'transfer' && r.reference ? shipmentIdByBookingNote(db, r.reference) : undefined;
    if (shipmentId !== undefined) {
      receipts.set(shipmentId, [...(receipts.get(shipmentId) ?? []), r]);
      continue;
    }
    try {
      db.transaction(() => {
        const skuId = sku(r.sku);
        postMove(
          db,
          commandId,
          {
            date: r.date,
            type: r.type,
            skuId,
            warehouseId: warehouse(r.warehouse),
            toWarehouseId: r.toWarehouse ? warehouse(r.toWarehouse) : null,
            quantity: r.quantity,
            unitCost: r.unitCost,
            amount: r.amount,
            currency: r.currency ?? 'CNY',
            rate: null,
            reference: r.reference,
            reason: r.reason,
          },
          foldEachRow.has(skuId) ? undefined : toFold,
        );
        recordKey(db, r.naturalKey, 'stock-moves', r.row, commandId);
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
      db.transaction(() => {
        receiveShipment(
          db,
          commandId,
          shipmentId,
          group[0]!.date,
          group.map((r) => ({ skuId: sku(r.sku), received: r.quantity, discrepancyReason: r.reason })),
        );
        for (const r of group) recordKey(db, r.naturalKey, 'stock-moves', r.row, commandId);
      })();
      posted += group.length;
    } catch (e) {
      for (const r of group) rejected.push(rowError(r.row, e, 'reference'));
    }
  }
  for (const [shipmentId, group] of late) {
    try {
      db.transaction(() => {
        const perSku = quantityBySku(group);
        receiveShipment(
          db,
          commandId,
          shipmentId,
          group[0]!.shipment.receivedDate!,
          [...perSku].map(([skuId, received]) => ({ skuId, received })),
        );
      })();
      posted += group.length;
    } catch (e) {
      for (const r of group) rejected.push(rowError(r.row, e, 'received_date'));
    }
  }
  for (const r of landed) {
    try {
      db.transaction(() => {
        const id = r.reference ? shipmentIdByBookingNote(db, r.reference) : undefined;
        if (id === undefined) throw new DomainError('stock.shipment.unknown', { shipment: r.reference ?? '' });
        addShipmentCost(db, commandId, id, {
          kind: r.reason && LANDED_KINDS.includes(r.reason) ? r.reason : 'freight',
          date: r.date,
          amount: r.amount ?? '0',
          currency: r.currency ?? 'CNY',
          rate: null,
        });
        recordKey(db, r.naturalKey, 'stock-moves', r.row, commandId);
      })();
      posted++;
    } catch (e) {
      rejected.push(rowError(r.row, e));
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return {
    source: 'stock-moves',
    rows: total,
    posted,
    unchanged,
    committed: false,
    created,
    rejected,
    differences: [],
  };

  /** Creates the shipment of one reference from its transfer rows and receives it when the file says so; returns rows posted. */
  function shipGroup(group: readonly TransferRow[]): number {
    const first = group[0]!;
    const off = group.filter(
      (r) => r.warehouse !== first.warehouse || r.toWarehouse !== first.toWarehouse || r.date !== first.date,
    );
    // one shipment leaves one warehouse for one destination on one day: rows that differ are rejected
    for (const r of off) {
      rejected.push({
        row: r.row,
        column: r.date !== first.date ? 'date' : 'to_warehouse',
        code: 'stock.shipment.rowsDiffer',
        params: { reference: first.reference ?? '', row: first.row },
      });
    }
    const ok = group.filter((r) => !off.includes(r));
    try {
      db.transaction(() => {
        const perSku = quantityBySku(ok);
        const s = first.shipment;
        const id = createShipment(db, commandId, {
          bookingNoteNo: first.reference!,
          carrier: s.carrier ?? '',
          cartons: s.cartons ?? 0,
          shipDate: first.date,
          eta: s.eta,
          fromWarehouseId: warehouse(first.warehouse),
          toWarehouseId: warehouse(first.toWarehouse),
          allocationBasis: s.basis,
          lines: [...perSku].map(([skuId, quantity]) => ({
            skuId,
            quantity,
            // the first declared unit value written for the SKU on the shipment's rows
            declaredUnitValue: ok.find((r) => sku(r.sku) === skuId && r.shipment.declaredUnitValue !== null)?.shipment
              .declaredUnitValue,
          })),
        });
        created.shipments++;
        if (s.receivedDate !== null)
          receiveShipment(
            db,
            commandId,
            id,
            s.receivedDate,
            [...perSku].map(([skuId, received]) => ({ skuId, received })),
          );
        for (const r of ok) recordKey(db, r.naturalKey, 'stock-moves', r.row, commandId);
      })();
      return ok.length;
    } catch (e) {
      for (const r of ok)
        rejected.push(rowError(r.row, e, isDomainError(e) ? (COLUMN_OF[e.code] ?? 'reference') : 'reference'));
      return 0;
    }
  }
}

/** 3PL count rows keyed like stock-moves rows: 'count:' + hash of sku, warehouse, quantity, date + `#n`. */
function withCountKeys(
  rows: ReadonlyArray<{ row: number; sku: string; warehouse: string | null; quantity: number; date: string | null }>,
): ReportedRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const fields = createHash('sha256')
      .update(JSON.stringify([r.sku, r.warehouse, r.quantity, r.date]))
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(fields) ?? 0) + 1;
    seen.set(fields, n);
    return {
      row: r.row,
      sku: r.sku,
      altCodes: [],
      warehouse: r.warehouse,
      quantity: r.quantity,
      naturalKey: `count:${fields}#${n}`,
    };
  });
}

/**
 * FBA report / 3PL count against the ledger; a 3PL count also posts its differences as counts.
 * A count file whose every row was imported before posts nothing (all rows unchanged); otherwise
 * only differences with a row not imported before are posted.
 */
function reconcile(
  db: WriteDb,
  commandId: number,
  input: ImportInput,
  rows: readonly ReportedRow[],
  rejectedIn: readonly RowError[],
  total: number,
  today: string,
): StockImportSummary {
  const rejected = [...rejectedIn];
  let fallback: number | null = input.warehouseId ?? null;
  if (fallback === null && input.source === 'fba-inventory') {
    const platform = listWarehouses(db).filter((w) => w.kind === 'platform');
    if (platform.length === 1) fallback = platform[0]!.id;
  }
  if (fallback !== null) getWarehouse(db, fallback);
  const seenBefore = new Set(rows.filter((r) => r.naturalKey !== null && hasKey(db, r.naturalKey)).map((r) => r.row));
  const allSeen = input.source === 'stock-count' && rows.length > 0 && seenBefore.size === rows.length;
  const reported = new Map<
    string,
    { skuId: number; warehouseId: number; quantity: number; rows: number[]; fresh: boolean }
  >();
  const accepted: ReportedRow[] = [];
  for (const r of rows) {
    const skuId =
      skuIdByItemNo(db, r.sku) ??
      skuIdForPlatformCode(db, 'amazon', r.sku) ??
      r.altCodes.map((c) => skuIdForPlatformCode(db, 'amazon', c)).find((x) => x !== undefined);
    if (skuId === undefined) {
      rejected.push({ row: r.row, column: 'sku', code: 'stock.sku.unknown', params: { sku: r.sku } });
      continue;
    }
    const warehouseId = r.warehouse ? warehouseIdByCode(db, r.warehouse) : (fallback ?? undefined);
    if (warehouseId === undefined) {
      rejected.push({
        row: r.row,
        column: 'warehouse',
        code: 'stock.warehouse.unknown',
        params: { warehouse: r.warehouse ?? '' },
      });
      continue;
    }
    accepted.push(r);
    const key = `${skuId}:${warehouseId}`;
    const entry = reported.get(key) ?? { skuId, warehouseId, quantity: 0, rows: [], fresh: false };
    entry.quantity += r.quantity;
    entry.rows.push(r.row);
    entry.fresh ||= !seenBefore.has(r.row);
    reported.set(key, entry);
  }
  // Ledger stock in the warehouses the file covers but missing from the file counts as reported 0.
  const covered = new Set([...reported.values()].map((e) => e.warehouseId));
  for (const wh of covered) {
    for (const b of db
      .prepare('SELECT sku_id AS skuId FROM stock_balances WHERE warehouse_id = ? AND quantity <> 0')
      .all(wh) as Array<{ skuId: number }>) {
      const key = `${b.skuId}:${wh}`;
      if (!reported.has(key))
        reported.set(key, { skuId: b.skuId, warehouseId: wh, quantity: 0, rows: [], fresh: !allSeen });
    }
  }
  const differences: StockDifference[] = [];
  let posted = 0;
  const postedRows = new Set<number>();
  for (const e of reported.values()) {
    const ledger = quantityAt(db, e.skuId, e.warehouseId, today);
    if (ledger === e.quantity) continue;
    differences.push({
      sku: getSku(db, e.skuId).itemNo,
      warehouse: getWarehouse(db, e.warehouseId).code,
      ledger,
      reported: e.quantity,
      difference: e.quantity - ledger,
    });
    if (input.source !== 'stock-count' || !e.fresh) continue;
    try {
      db.transaction(() =>
        postMove(db, commandId, {
          date: today,
          type: 'count',
          skuId: e.skuId,
          warehouseId: e.warehouseId,
          quantity: e.quantity,
          reason: `3PL count ${input.fileName}`.slice(0, 200),
        }),
      )();
      posted++;
      for (const row of e.rows) postedRows.add(row);
    } catch (err) {
      rejected.push(rowError(e.rows[0] ?? 0, err, 'quantity'));
    }
  }
  if (input.source === 'stock-count') {
    const failed = new Set(rejected.map((r) => r.row));
    for (const r of accepted)
      if (r.naturalKey !== null && !seenBefore.has(r.row) && !failed.has(r.row))
        recordKey(db, r.naturalKey, 'stock-count', r.row, commandId);
  }
  differences.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse));
  rejected.sort((a, b) => a.row - b.row);
  const unchanged = input.source === 'stock-count' ? seenBefore.size : accepted.length;
  return {
    source: input.source,
    rows: total,
    posted,
    unchanged,
    committed: false,
    created: { skus: 0, warehouses: 0, shipments: 0 },
    rejected,
    differences,
  };
}
