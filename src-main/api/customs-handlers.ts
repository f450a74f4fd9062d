/**
 * Handlers of the customs area's commands (contract-customs.ts): settings and risk list (in the
 * settings table), per-order shipping data, the pre-check, the build (customs-build.ts), the
 * documents read side and the summary application (customs-summary.ts). Writes go through the
 * unit of work.
 */
import { DomainError } from '../core/domain-error.ts';
import { getShipping, saveShipping } from '../db/customs-orders.ts';
import { getDocument, listDocuments, statusCounts } from '../db/customs-query.ts';
import { putSetting } from '../db/settings-store.ts';
import {
  CUSTOMS_SETTINGS_KEY, readCustomsSettings, readRiskList, RISK_LIST_KEY, runCustomsBuild, runCustomsPrecheck,
} from './customs-build.ts';
import { applySummary } from './customs-summary.ts';
import type { Handler } from './handlers.ts';
import type { customsContract, CustomsShipping } from './contract-customs.ts';
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
    'customs.shipping.saveMany': ({ items }) => ws.uow.run('customs.shipping.saveMany', (tx) => {
      for (const item of items) {
        if (!getShipping(tx.db, item.orderId)) throw new DomainError('customs.order.unknown', { orderId: item.orderId });
        saveShipping(tx.db, item);
      }
      return { saved: items.length };
    }),
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
