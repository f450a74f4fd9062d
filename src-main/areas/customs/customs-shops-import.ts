/**
 * `customs.shops.import` (issue 15, point 8): a shop file (imports/shops-file.ts) → shops created or
 * updated by platform + name, each with its platform's customs code and name (customs_shops), all or
 * nothing: one rejected row (a time zone, code or shop the rules refuse, reported with its column)
 * saves nothing, and a dry run saves nothing. Importing the same file again changes nothing.
 */
import { DomainError, isDomainError } from '../../core/domain-error.ts';
import type { RowError } from '../../core/orders/order.ts';
import { parseShopFile, type ShopFileRow } from '../../imports/shops-file.ts';
import { decodeBase64, type UploadImportResult } from '../base64.ts';
import { canonicalTimeZone, findShop, insertShop, updateShop } from '../company/index.ts';
import type { Workspace } from '../workspace.ts';
import { saveCustomsShop } from './customs-shops.ts';

/** What the shop import did (or, on a dry run, would do): the master-data imports' one result shape. */
export type ShopImportResult = UploadImportResult;

const EBP_CODE = /^[0-9A-Z]{10}$|^[0-9A-Z]{18}$/;

export async function importShops(
  ws: Workspace,
  input: { fileName: string; contentBase64: string; dryRun?: boolean | undefined },
): Promise<ShopImportResult> {
  const parsed = await parseShopFile(decodeBase64(input.contentBase64));
  if (parsed.rowCount === 0) throw new DomainError('import.file.empty');
  const rejected: RowError[] = [...parsed.rejected];
  const customs = ws.read.prepare('SELECT ebp_code, ebp_name FROM customs_shops WHERE shop_id = ?');
  let created = 0,
    updated = 0,
    unchanged = 0;
  const plan: Array<{ id: number | undefined; row: ShopFileRow; timeZone: string }> = [];
  for (const row of parsed.rows) {
    let timeZone: string;
    try {
      timeZone = canonicalTimeZone(row.timeZone);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      rejected.push({ row: row.row, column: 'time_zone', code: e.code, params: { value: row.timeZone } });
      continue;
    }
    if (row.ebp && row.ebp.code !== '无' && !EBP_CODE.test(row.ebp.code)) {
      rejected.push({
        row: row.row,
        column: 'ebp_code',
        code: 'customs.ebpCode.invalid',
        params: { value: row.ebp.code },
      });
      continue;
    }
    const shop = findShop(ws.read, row.platform, row.name);
    if (!shop) {
      created++;
      plan.push({ id: undefined, row, timeZone });
      continue;
    }
    const c = customs.get(shop.id) as { ebp_code: string; ebp_name: string } | undefined;
    const same =
      shop.site === row.site &&
      shop.currency === row.currency &&
      shop.timeZone === timeZone &&
      (row.ebp === null || (c?.ebp_code === row.ebp.code && c?.ebp_name === row.ebp.name));
    if (same) unchanged++;
    else {
      updated++;
      plan.push({ id: shop.id, row, timeZone });
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  const dryRun = input.dryRun === true || rejected.length > 0;
  if (!dryRun && plan.length > 0) {
    ws.uow.run('customs.shops.import', (tx) => {
      for (const p of plan) {
        const shop = {
          platform: p.row.platform,
          name: p.row.name,
          site: p.row.site,
          currency: p.row.currency,
          timeZone: p.timeZone,
        };
        const saved = p.id === undefined ? insertShop(tx.db, shop) : updateShop(tx.db, { id: p.id, ...shop });
        if (p.row.ebp) {
          const pod = tx.db.prepare('SELECT pod FROM customs_shops WHERE shop_id = ?').pluck().get(saved.id) as
            string | null | undefined;
          saveCustomsShop(tx.db, {
            shopId: saved.id,
            ebpCode: p.row.ebp.code,
            ebpName: p.row.ebp.name,
            pod: pod ?? null,
          });
        }
      }
    });
  }
  return { rows: parsed.rowCount, created, updated, unchanged, rejected, dryRun };
}
