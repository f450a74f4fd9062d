/**
 * Handlers of the customs area's commands (contract-customs.ts): settings and risk list (in the
 * settings table), per-order shipping data, the pre-check, the build (customs-build.ts), the
 * documents read side and the summary application (customs-summary.ts). Writes go through the
 * unit of work.
 */
import { DomainError } from '../../core/domain-error.ts';
import { getShipping, saveShipping } from './customs-orders.ts';
import { parseWaybills } from '../../imports/waybills.ts';
import { getDocument, listDocuments, statusCounts } from './customs-query.ts';
import { putSetting } from '../../db/settings-store.ts';
import {
  CUSTOMS_SETTINGS_KEY,
  readCustomsSettings,
  readRiskList,
  RISK_LIST_KEY,
  runCustomsBuild,
  runCustomsPrecheck,
} from './customs-build.ts';
import { applySummary, summaryPlan } from './customs-summary.ts';
import { listCustomsShops, saveCustomsShop } from './customs-shops.ts';
import { buildHeadHaul, headHaulLinks } from './customs-head-haul.ts';
import type { AreaHandlers, InputOf } from '../area-kit.ts';
import type { customsContract, CustomsShipping, WaybillImportResult } from './contract.ts';
import { decodeBase64 } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import type { WriteDb } from '../../db/ports.ts';

export function createCustomsHandlers(ws: Workspace): AreaHandlers<typeof customsContract> {
  const shipping = (orderId: number): CustomsShipping => {
    const s = getShipping(ws.read, orderId);
    if (!s) throw new DomainError('customs.order.unknown', { orderId });
    return s;
  };
  return {
    'customs.settings.get': () => readCustomsSettings(ws),
    'customs.settings.save': (input) =>
      ws.uow.run('customs.settings.save', (tx) => {
        putSetting(tx.db, CUSTOMS_SETTINGS_KEY, input);
        return input;
      }),
    'customs.shipping.get': ({ orderId }) => shipping(orderId),
    'customs.shipping.save': (input) =>
      ws.uow.run('customs.shipping.save', (tx) => {
        if (!getShipping(tx.db, input.orderId))
          throw new DomainError('customs.order.unknown', { orderId: input.orderId });
        saveShipping(tx.db, input);
        return shipping(input.orderId);
      }),
    'customs.shipping.saveMany': ({ items }) =>
      ws.uow.run('customs.shipping.saveMany', (tx) => ({ saved: saveMany(tx.db, items) })),
    'customs.shipping.import': (input) => importWaybills(ws, input),
    'customs.precheck': (sel) => runCustomsPrecheck(ws, sel),
    'customs.build': async ({ dryRun, ...sel }) => {
      const { builtMessages: _m, ...result } = await runCustomsBuild(ws, sel, dryRun ?? false);
      void _m;
      return result;
    },
    'customs.documents.list': (f) => listDocuments(ws.read, f),
    'customs.documents.get': ({ id }) => getDocument(ws.read, id),
    'customs.status': () => statusCounts(ws.read),
    'customs.summary.apply': (input) => applySummary(ws, input),
    'customs.summary.plan': ({ today }) => summaryPlan(ws, today),
    'customs.headHaul.links': () => headHaulLinks(ws),
    'customs.headHaul.build': async (input) => {
      const { builtMessages: _m, ...result } = await buildHeadHaul(ws, input);
      void _m;
      return result;
    },
    'customs.shops.list': () => listCustomsShops(ws.read),
    'customs.shops.save': (input) =>
      ws.uow.run('customs.shops.save', (tx) => {
        saveCustomsShop(tx.db, input);
        return listCustomsShops(tx.db);
      }),
    'customs.riskList.get': () => readRiskList(ws),
    'customs.riskList.save': (input) =>
      ws.uow.run('customs.riskList.save', (tx) => {
        putSetting(tx.db, RISK_LIST_KEY, input);
        return input;
      }),
  };
}

type ShippingItem = Omit<CustomsShipping, 'orderNo'>;

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
async function importWaybills(
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
