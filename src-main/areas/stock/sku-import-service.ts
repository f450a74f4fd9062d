/**
 * `stock.skus.import` (issue 15, point 8): a SKU customs-data file → SKUs created or updated by
 * item no, all or nothing: one rejected row (unreadable cell, or a field validateSku refuses,
 * reported with the file's column) saves nothing. Importing the same file again changes nothing.
 */
import { isDomainError } from '../../core/domain-error.ts';
import type { RowError } from '../../core/orders/order.ts';
import { validateSku, type Sku } from '../../core/stock/sku.ts';
import { parseSkuFile } from '../../imports/skus.ts';
import { parseUpload, type UploadedFile, type UploadImportResult } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import { saveSku } from './stock-catalog-store.ts';

export type SkuImportResult = UploadImportResult;

/** The file's column naming each SkuInput field, for row errors. */
const FIELD_COLUMN: Readonly<Record<string, string>> = {
  itemNo: 'sku',
  goodsName: 'goods_name',
  gmodel: 'declaration_elements',
  hsCode: 'hs_code',
  unit: 'unit',
  legalUnit: 'legal_unit1',
  secondLegalUnit: 'legal_unit2',
  legalQty1PerUnit: 'legal_qty1_per_unit',
  legalQty2PerUnit: 'legal_qty2_per_unit',
  weightGrams: 'net_weight_kg',
  origin: 'origin_country',
  barcode: 'barcode',
  itemRecordNo: 'item_record_no',
  supervisionConditions: 'supervision_conditions',
  exportDutyRate: 'export_duty_rate',
};

const COLUMNS = `item_no AS itemNo, goods_name AS goodsName, gmodel, hs_code AS hsCode, unit, legal_unit AS legalUnit, second_legal_unit AS secondLegalUnit,
  barcode, origin, weight_grams AS weightGrams, volume_cm3 AS volumeCm3, legal_qty1_per_unit AS legalQty1PerUnit, legal_qty2_per_unit AS legalQty2PerUnit,
  supervision_conditions AS supervisionConditions, export_duty_rate AS exportDutyRate, item_record_no AS itemRecordNo`;

export async function importSkus(ws: Workspace, input: UploadedFile): Promise<SkuImportResult> {
  const parsed = await parseUpload(input, parseSkuFile);
  const rejected: RowError[] = [...parsed.rejected];
  const good: Array<{ row: number; sku: Sku }> = [];
  for (const r of parsed.rows) {
    try {
      good.push({ row: r.row, sku: validateSku(r.sku) });
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation.failed') throw e;
      const [field, code] = Object.entries(e.fields ?? {})[0] ?? ['itemNo', 'validation.failed'];
      rejected.push({
        row: r.row,
        column: FIELD_COLUMN[field] ?? field,
        code: String(code),
        params: { sku: r.sku.itemNo },
      });
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  const existing = ws.read.prepare(`SELECT id, ${COLUMNS} FROM skus WHERE item_no = ?`);
  let created = 0,
    updated = 0,
    unchanged = 0;
  const plan = good
    .map(({ sku }) => {
      const row = existing.get(sku.itemNo) as (Record<string, unknown> & { id: number }) | undefined;
      if (!row) {
        created++;
        return { id: undefined, sku };
      }
      // a file without a weight or volume keeps what the ledger has
      const merged: Sku = {
        ...sku,
        volumeCm3: sku.volumeCm3 ?? (row.volumeCm3 as number | null),
        weightGrams: sku.weightGrams ?? (row.weightGrams as number | null),
      };
      const { id: _id, ...stored } = row;
      void _id;
      const same = Object.keys(stored).every(
        (k) => (stored[k] ?? null) === ((merged as unknown as Record<string, unknown>)[k] ?? null),
      );
      if (same) {
        unchanged++;
        return null;
      }
      updated++;
      return { id: row.id, sku: merged };
    })
    .filter((p) => p !== null);
  const dryRun = input.dryRun === true || rejected.length > 0;
  if (!dryRun && plan.length > 0) {
    ws.uow.run('stock.skus.import', (tx) => {
      for (const p of plan) saveSku(tx.db, p.id, p.sku);
    });
  }
  return { rows: parsed.rowCount, created, updated, unchanged, rejected, dryRun };
}
