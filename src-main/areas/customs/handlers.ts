/**
 * Handlers of the customs area's commands (contract-customs.ts): settings and risk list (in the
 * settings table), per-order shipping data, the pre-check, the build (customs-build.ts), the
 * documents read side and the summary application (customs-summary.ts). Writes go through the
 * unit of work.
 */
import { importWaybills, orderShipping, saveOrderShipping, saveShippingMany } from './customs-shipping-service.ts';
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
import { buildHeadHaul, headHaulLinks, recordHeadHaulEntry } from './customs-head-haul.ts';
import { applyReturn, cancelList } from './customs-withdrawals.ts';
import { withdrawPerSale9810 } from './customs-per-sale-9810.ts';
import { importShops } from './customs-shops-import.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { customsContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';

export function createCustomsHandlers(ws: Workspace): AreaHandlers<typeof customsContract> {
  return {
    'customs.settings.get': () => readCustomsSettings(ws),
    'customs.settings.save': (input) =>
      ws.uow.run('customs.settings.save', (tx) => {
        putSetting(tx.db, CUSTOMS_SETTINGS_KEY, input);
        return input;
      }),
    'customs.shipping.get': ({ orderId }) => orderShipping(ws, orderId),
    'customs.shipping.save': (input) => saveOrderShipping(ws, input),
    'customs.shipping.saveMany': ({ items }) => saveShippingMany(ws, items),
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
    'customs.headHaul.recordEntry': (input) => recordHeadHaulEntry(ws, input),
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
    'customs.lists.cancel': async (input) => {
      const { builtMessages: _m, ...result } = await cancelList(ws, input);
      void _m;
      return result;
    },
    'customs.returns.apply': async (input) => {
      const { builtMessages: _m, ...result } = await applyReturn(ws, input);
      void _m;
      return result;
    },
    'customs.perSale9810.withdraw': (input) => withdrawPerSale9810(ws, input),
    'customs.shops.import': (input) => importShops(ws, input),
    'customs.riskList.get': () => readRiskList(ws),
    'customs.riskList.save': (input) =>
      ws.uow.run('customs.riskList.save', (tx) => {
        putSetting(tx.db, RISK_LIST_KEY, input);
        return input;
      }),
  };
}
