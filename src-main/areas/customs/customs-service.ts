/**
 * The customs use cases the handlers used to write out themselves: saving the customs settings,
 * the risk list and a shop's customs codes (each one unit of work, answered as stored), and the
 * answers of the builds (CEB lists, head haul, cancel, return) without the built XML messages,
 * which only the CLI writes out.
 */
import { putSetting } from '../../db/settings-store.ts';
import { CUSTOMS_SETTINGS_KEY, RISK_LIST_KEY } from './customs-build.ts';
import { listCustomsShops, saveCustomsShop } from './customs-shops.ts';
import type { InputOf } from '../area-kit.ts';
import type { customsContract, CustomsShop } from './contract.ts';
import type { Workspace } from '../workspace.ts';

type Input<K extends keyof typeof customsContract> = InputOf<typeof customsContract, K>;

/** customs.settings.save: stored as given, in one unit of work. */
export function saveCustomsSettings(
  ws: Workspace,
  input: Input<'customs.settings.save'>,
): Input<'customs.settings.save'> {
  return ws.uow.run('customs.settings.save', (tx) => {
    putSetting(tx.db, CUSTOMS_SETTINGS_KEY, input);
    return input;
  });
}

/** customs.riskList.save: stored as given, in one unit of work. */
export function saveRiskList(ws: Workspace, input: Input<'customs.riskList.save'>): Input<'customs.riskList.save'> {
  return ws.uow.run('customs.riskList.save', (tx) => {
    putSetting(tx.db, RISK_LIST_KEY, input);
    return input;
  });
}

/** customs.shops.save: one shop's customs codes, answered with every shop's. */
export function saveShop(ws: Workspace, input: Input<'customs.shops.save'>): CustomsShop[] {
  return ws.uow.run('customs.shops.save', (tx) => {
    saveCustomsShop(tx.db, input);
    return listCustomsShops(tx.db);
  });
}

/** A build's answer to the renderer: the outcome without `builtMessages` (the XML only the CLI writes to files). */
export async function withoutMessages<T extends { readonly builtMessages: unknown }>(
  build: Promise<T>,
): Promise<Omit<T, 'builtMessages'>> {
  const { builtMessages: _m, ...result } = await build;
  void _m;
  return result;
}
