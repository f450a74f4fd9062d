/**
 * The per-order shipping data use cases (waybill number, carrier, export date, weight, pack and
 * company numbers the CEB messages need): read one order's, save one or many in one transaction,
 * and import a waybill file (preview with `dryRun`, all or nothing unless `acceptValidRows`).
 */
import { DomainError } from '../../core/domain-error.ts';
import { getShipping, saveShipping } from './customs-orders.ts';
import { parseWaybills } from '../../imports/waybills.ts';
import type { InputOf } from '../area-kit.ts';
import type { customsContract, CustomsShipping, WaybillImportResult } from './contract.ts';
import { decodeBase64 } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import type { WriteDb } from '../../db/ports.ts';

type ShippingItem = Omit<CustomsShipping, 'orderNo'>;

/** One order's shipping data; `customs.order.unknown` for an order the ledger does not hold. */
export function orderShipping(ws: Workspace, orderId: number): CustomsShipping {
  const s = getShipping(ws.read, orderId);
  if (!s) throw new DomainError('customs.order.unknown', { orderId });
  return s;
}

/** customs.shipping.save: one order's data in one transaction, answered as stored. */
export function saveOrderShipping(
  ws: Workspace,
  input: InputOf<typeof customsContract, 'customs.shipping.save'>,
): CustomsShipping {
  return ws.uow.run('customs.shipping.save', (tx) => {
    if (!getShipping(tx.db, input.orderId)) throw new DomainError('customs.order.unknown', { orderId: input.orderId });
    saveShipping(tx.db, input);
    return orderShipping(ws, input.orderId);
  });
}

/** customs.shipping.saveMany: every order must exist; all rows in one transaction. */
export function saveShippingMany(ws: Workspace, items: readonly ShippingItem[]): { saved: number } {
  return ws.uow.run('customs.shipping.saveMany', (tx) => ({ saved: saveMany(tx.db, items) }));
}

/** The saveMany path: every order must exist; all rows in the caller's transaction. */
function saveMany(db: WriteDb, items: readonly ShippingItem[]): number {
  for (const item of items) {
    if (!getShipping(db, item.orderId)) throw new DomainError('customs.order.unknown', { orderId: item.orderId });
    saveShipping(db, item);
  }
  return items.length;
}

/**
 * customs.shipping.import: parse the waybill file, match each good row's order number to exactly
 * one order, merge the file's values over the stored shipping data (blank cells keep what is
 * stored) and save all rows in one transaction — only when no row was rejected and every order
 * is known (or the caller accepts the valid rows), and never with dryRun (the preview). Rows whose
 * order already holds exactly these values are `unchanged` and not written: a re-import writes nothing.
 */
export async function importWaybills(
  ws: Workspace,
  input: InputOf<typeof customsContract, 'customs.shipping.import'>,
): Promise<WaybillImportResult> {
  const parsed = await parseWaybills(decodeBase64(input.contentBase64));
  const idsOf = ws.read.prepare('SELECT id FROM orders WHERE order_no = ? LIMIT 2').pluck();
  const items: ShippingItem[] = [];
  let unchanged = 0;
  const unknownOrders: string[] = [];
  for (const row of parsed.rows) {
    const ids = idsOf.all(row.orderNo) as number[];
    const stored = ids.length === 1 ? getShipping(ws.read, ids[0]!) : undefined;
    if (!stored) {
      unknownOrders.push(row.orderNo);
      continue;
    }
    const item: ShippingItem = {
      orderId: stored.orderId,
      logisticsNo: row.logisticsNo,
      logisticsCode: row.logisticsCode ?? stored.logisticsCode,
      logisticsName: row.logisticsName ?? stored.logisticsName,
      exportDate: row.exportDate ?? stored.exportDate,
      grossWeightGrams: row.grossWeightGrams ?? stored.grossWeightGrams,
      packNo: row.packNo ?? stored.packNo,
      copNo: stored.copNo,
    };
    const same = (Object.keys(item) as Array<keyof ShippingItem>).every((k) => item[k] === stored[k]);
    if (same) unchanged++;
    else items.push(item);
  }
  const clean = (parsed.rejected.length === 0 && unknownOrders.length === 0) || input.acceptValidRows === true;
  const saved =
    clean && !input.dryRun && items.length > 0
      ? ws.uow.run('customs.shipping.import', (tx) => saveMany(tx.db, items))
      : 0;
  return {
    rows: parsed.rowCount,
    matched: items.length + unchanged,
    saved,
    unchanged,
    unknownOrders,
    rejected: parsed.rejected,
  };
}
