/**
 * Head-haul shipments (头程, 9810): create dispatches each line from the domestic warehouse into the
 * shipment's own transit warehouse at FIFO cost; receive moves the received units on to the
 * destination and writes off a shortfall with its reason (more than shipped needs a reason too);
 * a landed cost, converted to CNY fen at its rate, is split over the lines by the shipment's basis
 * and added to the units of each line wherever they are (the part for units already gone goes to
 * cost of goods). Runs inside a unit-of-work transaction.
 */
import { DomainError } from '../../core/domain-error.ts';
import { allocateLandedCost, type AllocationBasis } from '../../core/stock/landed-cost.ts';
import { minor, parseCurrency, parseDecimal, sumMinor, type Minor } from '../../core/money/index.ts';
import { amountInCny } from '../../core/stock/line-cost.ts';
import { getSku, getWarehouse, saveWarehouse } from './stock-catalog-store.ts';
import { insertMove, refoldSku } from './stock-ledger-store.ts';
import type { Db } from '../../db/open-ledger.ts';
import type { WriteDb } from '../../db/ports.ts';
import type { Shipment } from '../../core/stock/stock-views.ts';

export type ShipmentView = Shipment;

interface ShipmentRow {
  id: number;
  booking_note_no: string;
  carrier: string;
  cartons: number;
  ship_date: string;
  eta: string | null;
  from_warehouse_id: number;
  to_warehouse_id: number;
  transit_warehouse_id: number;
  allocation_basis: AllocationBasis;
  status: 'inTransit' | 'received';
}
interface LineRow {
  id: number;
  sku_id: number;
  shipped: number;
  received: number | null;
  discrepancy_reason: string | null;
  dispatch_move_id: number;
}

export interface CreateShipment {
  readonly bookingNoteNo: string;
  readonly carrier: string;
  readonly cartons: number;
  readonly shipDate: string;
  readonly eta: string | null;
  readonly fromWarehouseId: number;
  readonly toWarehouseId: number;
  readonly allocationBasis: AllocationBasis;
  /** declaredUnitValue: the 9810 declared unit value in CNY fen (stock file `declared_unit_value`), else null. */
  readonly lines: ReadonlyArray<{
    readonly skuId: number;
    readonly quantity: number;
    readonly declaredUnitValue?: Minor | null | undefined;
  }>;
}

function row(db: Db, id: number): ShipmentRow {
  const r = db.prepare('SELECT * FROM shipments WHERE id = ?').get(id) as ShipmentRow | undefined;
  if (!r) throw new DomainError('stock.shipment.unknown', { shipment: String(id) });
  return r;
}

const lines = (db: Db, id: number) =>
  db.prepare('SELECT * FROM shipment_lines WHERE shipment_id = ? ORDER BY id').all(id) as LineRow[];

export function shipmentIdByBookingNote(db: Db, bookingNoteNo: string): number | undefined {
  return db.prepare('SELECT id FROM shipments WHERE booking_note_no = ?').pluck().get(bookingNoteNo) as
    number | undefined;
}

export function createShipment(db: WriteDb, commandId: number, s: CreateShipment): number {
  const from = getWarehouse(db, s.fromWarehouseId);
  const to = getWarehouse(db, s.toWarehouseId);
  if (from.id === to.id || from.kind === 'transit' || to.kind === 'transit')
    throw new DomainError('stock.shipment.badRoute', { from: from.code, to: to.code });
  if (shipmentIdByBookingNote(db, s.bookingNoteNo) !== undefined)
    throw new DomainError('stock.shipment.duplicate', { bookingNoteNo: s.bookingNoteNo });
  if (s.eta !== null && s.eta < s.shipDate)
    throw new DomainError('stock.shipment.etaBeforeShipDate', { shipDate: s.shipDate, eta: s.eta });
  const seen = new Set<number>();
  for (const l of s.lines) {
    const sku = getSku(db, l.skuId);
    if (seen.has(l.skuId)) throw new DomainError('stock.shipment.duplicateLine', { sku: sku.itemNo });
    seen.add(l.skuId);
  }
  // One transit warehouse per shipment: its stock is exactly the shipment's goods on the water.
  const transit = saveWarehouse(db, undefined, {
    code: `TRANSIT-${s.bookingNoteNo}`,
    name: `在途 ${s.bookingNoteNo}`,
    kind: 'transit',
    country: null,
  });
  const id = Number(
    db
      .prepare(
        `INSERT INTO shipments (booking_note_no, carrier, cartons, ship_date, eta, from_warehouse_id, to_warehouse_id,
    transit_warehouse_id, allocation_basis, status, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'inTransit', ?)`,
      )
      .run(
        s.bookingNoteNo,
        s.carrier,
        s.cartons,
        s.shipDate,
        s.eta,
        from.id,
        to.id,
        transit,
        s.allocationBasis,
        commandId,
      ).lastInsertRowid,
  );
  const insLine = db.prepare(
    'INSERT INTO shipment_lines (shipment_id, sku_id, shipped, dispatch_move_id, declared_unit_value) VALUES (?, ?, ?, ?, ?)',
  );
  for (const l of s.lines) {
    const base = {
      date: s.shipDate,
      type: 'shipmentDispatch' as const,
      skuId: l.skuId,
      reference: s.bookingNoteNo,
      shipmentId: id,
    };
    const out = insertMove(db, commandId, { ...base, warehouseId: from.id, quantity: -l.quantity });
    const into = insertMove(db, commandId, { ...base, warehouseId: transit, quantity: l.quantity, pairMoveId: out });
    insLine.run(id, l.skuId, l.quantity, into, l.declaredUnitValue ?? null);
    refoldSku(db, l.skuId);
  }
  return id;
}

export interface ReceiveLine {
  readonly skuId: number;
  readonly received: number;
  readonly discrepancyReason?: string | null | undefined;
}

export function receiveShipment(
  db: WriteDb,
  commandId: number,
  shipmentId: number,
  date: string,
  input: readonly ReceiveLine[],
): void {
  const s = row(db, shipmentId);
  if (s.status === 'received')
    throw new DomainError('stock.shipment.alreadyReceived', { bookingNoteNo: s.booking_note_no });
  if (date < s.ship_date)
    throw new DomainError('stock.shipment.receivedBeforeShipped', { shipDate: s.ship_date, date });
  const given = new Map(input.map((l) => [l.skuId, l]));
  const ls = lines(db, shipmentId);
  for (const l of input) {
    if (!ls.some((x) => x.sku_id === l.skuId))
      throw new DomainError('stock.shipment.lineUnknown', {
        sku: getSku(db, l.skuId).itemNo,
        bookingNoteNo: s.booking_note_no,
      });
  }
  const setLine = db.prepare('UPDATE shipment_lines SET received = ?, discrepancy_reason = ? WHERE id = ?');
  for (const l of ls) {
    const g = given.get(l.sku_id);
    const received = g?.received ?? 0;
    const reason = g?.discrepancyReason?.trim() || null;
    const sku = getSku(db, l.sku_id).itemNo;
    if (received > l.shipped && !reason)
      throw new DomainError('stock.shipment.overReceived', { sku, shipped: l.shipped, received });
    if (received < l.shipped && !reason)
      throw new DomainError('stock.shipment.discrepancyReasonRequired', { sku, shipped: l.shipped, received });
    const base = { date, skuId: l.sku_id, reference: s.booking_note_no, shipmentId };
    const moved = Math.min(received, l.shipped);
    if (moved > 0) {
      const out = insertMove(db, commandId, {
        ...base,
        type: 'shipmentReceipt',
        warehouseId: s.transit_warehouse_id,
        quantity: -moved,
      });
      insertMove(db, commandId, {
        ...base,
        type: 'shipmentReceipt',
        warehouseId: s.to_warehouse_id,
        quantity: moved,
        pairMoveId: out,
      });
    }
    if (received < l.shipped) {
      insertMove(db, commandId, {
        ...base,
        type: 'writeoff',
        warehouseId: s.transit_warehouse_id,
        quantity: received - l.shipped,
        reason,
      });
    } else if (received > l.shipped) {
      // Extra units have no dispatch cost: received at the latest unit cost, with the reason.
      insertMove(db, commandId, {
        ...base,
        type: 'shipmentReceipt',
        warehouseId: s.to_warehouse_id,
        quantity: received - l.shipped,
        reason,
      });
    }
    setLine.run(received, reason, l.id);
    refoldSku(db, l.sku_id);
  }
  db.prepare("UPDATE shipments SET status = 'received', received_at = ? WHERE id = ?").run(date, shipmentId);
}

export interface AddCost {
  readonly kind: string;
  readonly date: string;
  readonly amount: string;
  readonly currency: string;
  readonly rate?: string | null | undefined;
}

export function addShipmentCost(db: WriteDb, commandId: number, shipmentId: number, c: AddCost): void {
  const s = row(db, shipmentId);
  if (c.date < s.ship_date)
    throw new DomainError('stock.shipment.costBeforeShipped', { shipDate: s.ship_date, date: c.date });
  const value = amountInCny(c.amount, c.currency, c.currency === 'CNY' ? null : c.rate);
  const minor = parseDecimal(c.amount, parseCurrency(c.currency)).amount;
  db.prepare(
    'INSERT INTO shipment_costs (shipment_id, kind, date, amount, currency, rate, value_cny, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    shipmentId,
    c.kind,
    c.date,
    minor,
    c.currency,
    c.currency === 'CNY' ? null : (c.rate ?? null),
    value,
    commandId,
  );
  allocateToLines(db, commandId, s, value, c.date, c.kind);
}

/** Splits `value` over the lines by the shipment's basis and posts one landedCost move per line. */
export function allocateToLines(
  db: WriteDb,
  commandId: number,
  shipmentId: number | ShipmentRow,
  value: Minor,
  date: string,
  reason: string,
): void {
  const s = typeof shipmentId === 'number' ? row(db, shipmentId) : shipmentId;
  const ls = lines(db, s.id);
  const dispatchValue = db.prepare('SELECT value FROM stock_moves WHERE id = ?').pluck();
  const parts = allocateLandedCost(
    value,
    ls.map((l) => {
      const sku = getSku(db, l.sku_id);
      return {
        sku: sku.itemNo,
        quantity: l.shipped,
        value: dispatchValue.get(l.dispatch_move_id) as Minor,
        weightGrams: sku.weightGrams,
        volumeCm3: sku.volumeCm3,
      };
    }),
    s.allocation_basis,
  );
  ls.forEach((l, i) => {
    insertMove(db, commandId, {
      date,
      type: 'landedCost',
      skuId: l.sku_id,
      warehouseId: s.status === 'received' ? s.to_warehouse_id : s.transit_warehouse_id,
      quantity: 0,
      inputValue: parts[i]!,
      reference: s.booking_note_no,
      reason,
      pairMoveId: l.dispatch_move_id,
      shipmentId: s.id,
    });
    refoldSku(db, l.sku_id);
  });
}

export function getShipment(db: Db, id: number): ShipmentView {
  const s = row(db, id);
  const code = db.prepare('SELECT code FROM warehouses WHERE id = ?').pluck();
  const cost = db
    .prepare(
      "SELECT coalesce(sum(input_value), 0) FROM stock_moves WHERE shipment_id = ? AND sku_id = ? AND type = 'landedCost'",
    )
    .pluck();
  const ls = lines(db, id).map((l) => ({
    sku: getSku(db, l.sku_id).itemNo,
    shipped: l.shipped,
    received: l.received,
    discrepancyReason: l.discrepancy_reason,
    landedCost: minor(Number(cost.get(id, l.sku_id))),
  }));
  return {
    id,
    bookingNoteNo: s.booking_note_no,
    carrier: s.carrier,
    cartons: s.cartons,
    shipDate: s.ship_date,
    eta: s.eta,
    from: String(code.get(s.from_warehouse_id)),
    to: String(code.get(s.to_warehouse_id)),
    status: s.status,
    allocationBasis: s.allocation_basis,
    lines: ls,
    landedCost: sumMinor(ls.map((l) => l.landedCost)),
  };
}

export function listShipments(db: Db, status?: 'inTransit' | 'received'): ShipmentView[] {
  const ids = (
    status
      ? db.prepare('SELECT id FROM shipments WHERE status = ? ORDER BY ship_date DESC, id DESC').pluck().all(status)
      : db.prepare('SELECT id FROM shipments ORDER BY ship_date DESC, id DESC').pluck().all()
  ) as number[];
  return ids.map((id) => getShipment(db, id));
}
