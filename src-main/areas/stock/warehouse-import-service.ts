/**
 * `stock.warehouses.import` (issue 15, point 8): a warehouse file (imports/warehouses-file.ts) →
 * warehouses created or updated by code, all or nothing: one rejected row saves nothing, and a
 * dry run (the preview) saves nothing either. Importing the same file again changes nothing. An
 * existing warehouse's kind cannot turn into or out of transit (`stock.warehouse.transitFixed`).
 */
import type { RowError } from '../../core/orders/order.ts';
import { parseWarehouseFile } from '../../imports/warehouses-file.ts';
import { parseUpload, type UploadedFile, type UploadImportResult } from '../base64.ts';
import type { Workspace } from '../workspace.ts';
import { saveWarehouse } from './stock-catalog-store.ts';

export type WarehouseImportResult = UploadImportResult;

interface Existing {
  id: number;
  code: string;
  name: string;
  kind: string;
  country: string | null;
  address: string | null;
}

export async function importWarehouses(ws: Workspace, input: UploadedFile): Promise<WarehouseImportResult> {
  const parsed = await parseUpload(input, parseWarehouseFile);
  const rejected: RowError[] = [...parsed.rejected];
  const existing = ws.read.prepare('SELECT id, code, name, kind, country, address FROM warehouses WHERE code = ?');
  let created = 0,
    updated = 0,
    unchanged = 0;
  const plan: Array<{ id: number | undefined; row: (typeof parsed.rows)[number] }> = [];
  for (const row of parsed.rows) {
    const w = existing.get(row.code) as Existing | undefined;
    if (!w) {
      created++;
      plan.push({ id: undefined, row });
      continue;
    }
    if (w.kind === 'transit') {
      rejected.push({
        row: row.row,
        column: 'kind',
        code: 'stock.warehouse.transitFixed',
        params: { warehouse: row.code },
      });
      continue;
    }
    if (w.name === row.name && w.kind === row.kind && w.country === row.country && w.address === row.address) {
      unchanged++;
      continue;
    }
    updated++;
    plan.push({ id: w.id, row });
  }
  rejected.sort((a, b) => a.row - b.row);
  const dryRun = input.dryRun === true || rejected.length > 0;
  if (!dryRun && plan.length > 0) {
    ws.uow.run('stock.warehouses.import', (tx) => {
      const setAddress = tx.db.prepare('UPDATE warehouses SET address = ? WHERE id = ?');
      for (const p of plan) {
        const id = saveWarehouse(tx.db, p.id, {
          code: p.row.code,
          name: p.row.name,
          kind: p.row.kind,
          country: p.row.country,
        });
        setAddress.run(p.row.address, id);
      }
    });
  }
  return { rows: parsed.rowCount, created, updated, unchanged, rejected, dryRun };
}
