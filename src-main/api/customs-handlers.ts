/**
 * Handlers of the customs area's commands (contract-customs.ts): settings and risk list (in the
 * settings table), per-order shipping data, the pre-check, the build (customs-build.ts), the
 * documents read side and the summary application (customs-summary.ts). Writes go through the
 * unit of work.
 */
import { DomainError } from '../core/domain-error.ts';
import { getShipping, saveShipping } from '../db/customs-orders.ts';
import type { Db } from '../db/open-ledger.ts';
import { parseWaybills } from '../imports/waybills.ts';
import { getDocument, listDocuments, statusCounts } from '../db/customs-query.ts';
import { putSetting } from '../db/settings-store.ts';
import {
  CUSTOMS_SETTINGS_KEY, readCustomsSettings, readRiskList, RISK_LIST_KEY, runCustomsBuild, runCustomsPrecheck,
} from './customs-build.ts';
import { applySummary } from './customs-summary.ts';
import type { Handler } from './handlers.ts';
import type { customsContract, CustomsShipping, WaybillImportResult } from './contract-customs.ts';
import type { ParsedInput } from './contract.ts';
import { decodeBase64 } from './base64.ts';
import type { Workspace } from './workspace.ts';

type CustomsCommand = keyof typeof customsContract;

export function createCustomsHandlers(ws: Workspace): { readonly [K in CustomsCommand]: Handler<K> } {
  const shipping = (orderId: number): CustomsShipping => {
    const s = getShipping(ws.db, orderId);
    if (!s) throw new DomainError('customs.order.unknown', { orderId });
    return s;
  };
  return {
    'customs.settings.get': () => readCustomsSettings(ws),
    'customs.settings.save': (input) => ws.uow.run('customs.settings.save', (tx) => {
      putSetting(tx.db, CUSTOMS_SETTINGS_KEY, input);
      return input;
    }),
    'customs.shipping.get': ({ orderId }) => shipping(orderId),
    'customs.shipping.save': (input) => ws.uow.run('customs.shipping.save', (tx) => {
      if (!getShipping(tx.db, input.orderId)) throw new DomainError('customs.order.unknown', { orderId: input.orderId });
      saveShipping(tx.db, input);
      return shipping(input.orderId);
    }),
    'customs.shipping.saveMany': ({ items }) => ws.uow.run('customs.shipping.saveMany', (tx) => ({ saved: saveMany(tx.db, items) })),
    'customs.shipping.import': (input) => importWaybills(ws, input),
    'customs.precheck': (sel) => runCustomsPrecheck(ws, sel),
    'customs.build': async ({ dryRun, ...sel }) => {
      const { builtMessages: _m, ...result } = await runCustomsBuild(ws, sel, dryRun ?? false);
      void _m;
      return result;
    },
    'customs.documents.list': (f) => listDocuments(ws.db, f),
    'customs.documents.get': ({ id }) => getDocument(ws.db, id),
    'customs.status': () => statusCounts(ws.db),
    'customs.summary.apply': (input) => applySummary(ws, input),
    'customs.riskList.get': () => readRiskList(ws),
    'customs.riskList.save': (input) => ws.uow.run('customs.riskList.save', (tx) => {
      putSetting(tx.db, RISK_LIST_KEY, input);
      return input;
    }),
  };
}

type ShippingItem = Omit<CustomsShipping, 'orderNo'>;

/** The saveMany path: every order must exist; all rows in the caller's transaction. */
function saveMany(db: Db, items: readonly ShippingItem[]): number {
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
 * is known, and never with dryRun (the preview).
 */
async function importWaybills(ws: Workspace, input: ParsedInput<'customs.shipping.import'>): Promise<WaybillImportResult> {
  const parsed = await parseWaybills(decodeBase64(input.contentBase64));
  const idsOf = ws.db.prepare('SELECT id FROM orders WHERE order_no = ? LIMIT 2').pluck();
  const items: ShippingItem[] = [];
  const unknownOrders: string[] = [];
  for (const row of parsed.rows) {
    const ids = idsOf.all(row.orderNo) as number[];
    const stored = ids.length === 1 ? getShipping(ws.db, ids[0]!) : undefined;
    if (!stored) { unknownOrders.push(row.orderNo); continue; }
    items.push({
      orderId: stored.orderId, logisticsNo: row.logisticsNo, logisticsCode: row.logisticsCode ?? stored.logisticsCode,
      logisticsName: row.logisticsName ?? stored.logisticsName, exportDate: row.exportDate ?? stored.exportDate,
      grossWeightGrams: row.grossWeightGrams ?? stored.grossWeightGrams, packNo: row.packNo ?? stored.packNo, copNo: stored.copNo,
    });
  }
  const clean = parsed.rejected.length === 0 && unknownOrders.length === 0 && items.length > 0;
  const saved = clean && !input.dryRun ? ws.uow.run('customs.shipping.import', (tx) => saveMany(tx.db, items)) : 0;
  return { rows: parsed.rowCount, matched: items.length, saved, unknownOrders, rejected: parsed.rejected };
}
