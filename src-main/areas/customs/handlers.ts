/**
 * Handlers of the customs area's commands (contract-customs.ts): settings and risk list (in the
 * settings table), per-order shipping data, the pre-check, the build (customs-build.ts), the
 * documents read side and the summary application (customs-summary.ts). One line each: the
 * use cases live in the services (settings, risk list and shop codes in customs-service.ts).
 */
import { importWaybills, orderShipping, saveOrderShipping, saveShippingMany } from './customs-shipping-service.ts';
import { getDocument, listDocuments, statusCounts } from './customs-query.ts';
import { readCustomsSettings, readRiskList, runCustomsBuild, runCustomsPrecheck } from './customs-build.ts';
import { saveCustomsSettings, saveRiskList, saveShop, withoutMessages } from './customs-service.ts';
import { applySummary, summaryPlan } from './customs-summary.ts';
import { listCustomsShops } from './customs-shops.ts';
import { buildHeadHaul, headHaulLinks, recordHeadHaulEntry } from './customs-head-haul.ts';
import { applyReturn, cancelList } from './customs-withdrawals.ts';
import { withdrawPerSale9810 } from './customs-per-sale-9810.ts';
import { importShops } from './customs-shops-import.ts';
import { declarationFormFile, listCorrections, listHeadHauls, saveDeclaredValues } from './customs-desk.ts';
import type { AreaHandlers } from '../area-kit.ts';
import type { customsContract } from './contract.ts';
import type { Workspace } from '../workspace.ts';

export function createCustomsHandlers(ws: Workspace): AreaHandlers<typeof customsContract> {
  return {
    'customs.settings.get': () => readCustomsSettings(ws),
    'customs.settings.save': (input) => saveCustomsSettings(ws, input),
    'customs.shipping.get': ({ orderId }) => orderShipping(ws, orderId),
    'customs.shipping.save': (input) => saveOrderShipping(ws, input),
    'customs.shipping.saveMany': ({ items }) => saveShippingMany(ws, items),
    'customs.shipping.import': (input) => importWaybills(ws, input),
    'customs.precheck': (sel) => runCustomsPrecheck(ws, sel),
    'customs.build': ({ dryRun, ...sel }) => withoutMessages(runCustomsBuild(ws, sel, dryRun ?? false)),
    'customs.documents.list': (f) => listDocuments(ws.read, f),
    'customs.documents.get': ({ id }) => getDocument(ws.read, id),
    'customs.status': () => statusCounts(ws.read),
    'customs.summary.apply': (input) => applySummary(ws, input),
    'customs.summary.plan': ({ today }) => summaryPlan(ws, today),
    'customs.headHaul.links': () => headHaulLinks(ws),
    'customs.headHaul.recordEntry': (input) => recordHeadHaulEntry(ws, input),
    'customs.headHaul.build': (input) => withoutMessages(buildHeadHaul(ws, input)),
    'customs.shops.list': () => listCustomsShops(ws.read),
    'customs.shops.save': (input) => saveShop(ws, input),
    'customs.lists.cancel': (input) => withoutMessages(cancelList(ws, input)),
    'customs.returns.apply': (input) => withoutMessages(applyReturn(ws, input)),
    'customs.lists.corrections': ({ invtNo }) => listCorrections(ws, invtNo),
    'customs.headHaul.list': () => listHeadHauls(ws),
    'customs.headHaul.declaredValues.save': (input) => saveDeclaredValues(ws, input),
    'customs.headHaul.formFile': (input) => declarationFormFile(ws, input),
    'customs.perSale9810.withdraw': (input) => withdrawPerSale9810(ws, input),
    'customs.shops.import': (input) => importShops(ws, input),
    'customs.riskList.get': () => readRiskList(ws),
    'customs.riskList.save': (input) => saveRiskList(ws, input),
  };
}
