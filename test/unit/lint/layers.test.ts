/** The layer rule must catch planted violations, and the real tree must be clean of them. */
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'kuajing/layers').map((m) => m.message);
}

describe('kuajing/layers lint rule', () => {
  it.each([
    ['src-main/core/planted.ts', "import { openLedger } from '../db/open-ledger.ts';"],
    ['src-main/core/money/planted.ts', "import fs from 'node:fs';"],
    ['src-main/db/planted.ts', "import { contract } from '../api/contract.ts';"],
    ['src-main/api/planted.ts', "import { app } from 'electron';"],
    ['src-main/api/planted.ts', "import { startWebHost } from '../hosts/web/web-host.ts';"],
    ['src-main/hosts/web/planted.ts', "import { openLedger } from '../../db/open-ledger.ts';"],
    ['src-main/hosts/web/planted.ts', "import Database from 'better-sqlite3';"],
    ['src-main/cli/planted.ts', "export * from '../db/migrate.ts';"],
    ['src-main/core/planted.ts', "const m = await import('../api/dispatch.ts');"],
    ['src-renderer/app/planted.ts', "import { contract } from '../../src-main/api/contract.ts';"],
    ['src-renderer/app/planted.ts', "import type { Db } from '../../src-main/db/open-ledger.ts';"],
    [
      'src-renderer/features/orders/planted.ts',
      "import { CompanyProfileForm } from '../settings/CompanyProfileForm.tsx';",
    ],
    ['src-renderer/state/planted.ts', "import path from 'node:path';"],
    // renderer: ui/ knows no store and no feature; features meet only through index.ts
    ['src-renderer/ui/planted.tsx', "import { useAppStore } from '../state/store.ts';"],
    ['src-renderer/ui/planted.tsx', "import type { FeatureId } from '../state/routes.ts';"],
    ['src-renderer/ui/planted.tsx', "import { OrdersPage } from '../features/orders/index.ts';"],
    ['src-renderer/ui/planted.tsx', "export { ShopForm } from '../features/orders/ShopForm.tsx';"],
    ['src-renderer/features/sync/planted.tsx', "import { DocumentsView } from '../customs/DocumentsView.tsx';"],
    ['src-renderer/features/stock/planted.ts', "const m = await import('../orders/use-orders-list.ts');"],
    // areas: another area only through its index.ts / contract.ts; never up into api/
    ['src-main/areas/stock/planted.ts', "import { OrderWriter } from '../orders/order-store.ts';"],
    ['src-main/areas/stock/planted.ts', "export { listShops } from '../company/shop-store.ts';"],
    ['src-main/api/planted.ts', "import { createStockHandlers } from '../areas/stock/handlers.ts';"],
    ['src-main/cli/planted.ts', "import { syncOnce } from '../areas/sync/sync-cli-service.ts';"],
    ['src-main/areas/orders/planted.ts', "import { createHandlers } from '../../api/handlers.ts';"],
    ['src-main/areas/orders/planted.ts', "import type { Workspace } from '../../api/workspace.ts';"],
    // the db layer is below the areas and knows nothing of them
    ['src-main/db/planted.ts', "import { getShop } from '../areas/company/index.ts';"],
    ['src-main/sync/planted.ts', "import { latestCompany } from '../areas/company/index.ts';"],
    ['src-main/cli/planted.ts', "import { openLedger } from '../db/open-ledger.ts';"],
  ])('reports a violation in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/api/planted.ts', "import { openLedger } from '../db/open-ledger.ts';"],
    ['src-main/hosts/electron/planted.ts', "import { app } from 'electron';"],
    ['src-main/db/planted.ts', "import Database from 'better-sqlite3';"],
    ['src-main/cli/planted.ts', "import { startWebHost } from '../hosts/web/web-host.ts';"],
    ['src-renderer/app/planted.ts', "import type { CommandName } from '../../src-main/api/contract.ts';"],
    ['src-renderer/features/orders/planted.ts', "import { SettingsPage } from '../settings/index.ts';"],
    ['src-renderer/ui/planted.tsx', "import { formatMoney } from './format-money.ts';"],
    ['src-renderer/ui/planted.tsx', "import type { ErrorInfo } from '../../src-main/api/contract.ts';"],
    ['src-renderer/features/stock/planted.tsx', "import { useQuery } from '../../app/use-query.ts';"],
    ['src-renderer/features/stock/planted.tsx', "import { StatusChip } from '../../ui/StatusChip.tsx';"],
    ['src-renderer/features/stock/planted.tsx', "import { STOCK_AREAS } from './use-stock-refs.ts';"],
    ['src-main/areas/stock/planted.ts', "import { getShop } from '../company/index.ts';"],
    ['src-main/areas/stock/planted.ts', "import { postMove } from './stock-posting.ts';"],
    ['src-main/areas/stock/planted.ts', "import type { Workspace } from '../workspace.ts';"],
    ['src-main/api/planted.ts', "import { stockContract } from '../areas/stock/contract.ts';"],
    ['src-main/cli/planted.ts', "import { syncOnce } from '../areas/sync/index.ts';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('finds no layer violation in the project as it stands', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    const violations = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'kuajing/layers').map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(violations).toEqual([]);
  }, 180_000); // lints the whole tree: minutes on a loaded 2-core machine
});
